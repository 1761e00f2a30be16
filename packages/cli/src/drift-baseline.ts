import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DriftRead, ReadRecord } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import { findWorkspaceRoot } from './load-config.ts';

/** Where `drift --since` keeps its baseline when `--baseline` is not given: git-ignored, beside the sandbox. */
export function defaultBaselineFile(cwd: string): string {
  return join(findWorkspaceRoot(cwd) ?? cwd, '.orgops', 'drift-baseline.json');
}

export function baselinePath(option: string | undefined, cwd: string): string {
  return option ? resolve(cwd, option) : defaultBaselineFile(cwd);
}

/**
 * The baseline as parsed JSON, `undefined` when there is none yet. Its shape is checked by the
 * reader: a file that is not a baseline costs a full read, never an error.
 */
export function readBaseline(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OrgopsError(
      'baseline-unreadable',
      `Cannot read the drift baseline ${file}: ${(err as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Writes a full read as the next baseline, atomically (temporary file, then rename). */
export function writeBaseline(file: string, record: ReadRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record)}\n`, 'utf8');
  renameSync(tmp, file);
}

/**
 * `--since TIME`: an ISO 8601 date or date-time. Anything else is refused with what to write
 * instead (a relative time would silently mean a different window on every run).
 */
export function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const ms = iso.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new OrgopsError(
      'bad-since',
      `--since '${value}' is not a time. Give an ISO 8601 date or UTC time, such as 2026-06-01 or 2026-06-01T06:00:00Z (the time of the last full read).`,
    );
  return new Date(ms);
}

/** One line saying what the read did: stderr for people, the `read` member of the JSON. */
export function describeRead(
  read: DriftRead,
  baselineFile: string,
): { line: string; json: Record<string, unknown> } {
  if (read.mode === 'full')
    return {
      line: `Full read: ${read.reason}. Saved it as the baseline for the next drift --since (${baselineFile}).`,
      json: {
        mode: 'full',
        reason: read.reason,
        baseline: baselineFile,
        readStartedAt: read.record.readStartedAt,
      },
    };
  return {
    line: `Incremental read: ${read.events} Organizations and Identity Center write event(s) in CloudTrail since ${read.since}; re-read ${read.reread}.${read.deliveryDelayMs > 0 ? ` Writes after ${read.coveredUntil} may not have reached CloudTrail yet; the next check sees them.` : ''}`,
    json: {
      mode: 'incremental',
      since: read.since,
      coveredUntil: read.coveredUntil,
      events: read.events,
      reread: read.reread,
      baseline: baselineFile,
    },
  };
}
