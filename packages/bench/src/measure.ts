import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '@orgops/cli';
import {
  analyzePlan,
  generateConfig,
  type Plan,
  planEverything,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  type Snapshot,
} from '@orgops/engine';
import { type Backend, type CallStats, VirtualClock } from '@orgops/live';
import type { DesiredState } from '@orgops/model';
import { createSandbox, type SandboxState } from '@orgops/sandbox';
import { bucketLoads } from './floor.ts';
import { pacedBackend } from './paced-backend.ts';

/** How modeled time is made: AWS's rates (the shared table) plus these assumptions. */
export interface Model {
  /** Round trip of each request (modeled ms). */
  readonly latencyMs: number;
  /** The applier's wait between status polls (its default). */
  readonly pollIntervalMs: number;
  /** Status polls an asynchronous request stays IN_PROGRESS for (sandbox `asyncPolls`). */
  readonly asyncPolls: number;
}

export const MODEL: Model = { latencyMs: 100, pollIntervalMs: 1000, asyncPolls: 2 };

export const TOOL_VERSION = '0.0.0-bench';

/** CPU time (user + system) of a synchronous step, in ms. */
export function cpuMs<T>(step: () => T): { readonly value: T; readonly ms: number } {
  const before = process.cpuUsage();
  const value = step();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

export async function cpuMsAsync<T>(
  step: () => Promise<T>,
): Promise<{ readonly value: T; readonly ms: number }> {
  const before = process.cpuUsage();
  const value = await step();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

/** A sandbox over `state` whose calls are paced by AWS's rates on a fresh virtual clock. */
export function pacedSandbox(state: SandboxState, model: Model) {
  const sandbox = createSandbox(state, { asyncPolls: model.asyncPolls });
  const clock = new VirtualClock();
  return { sandbox, clock, backend: pacedBackend(sandbox, { clock, latencyMs: model.latencyMs }) };
}

export interface ReadMeasure {
  readonly snapshot: Snapshot;
  readonly stats: CallStats;
  readonly modeledSeconds: number;
  readonly floorSeconds: number;
  /** The throttling bucket that sets the floor. */
  readonly floorBucket: string;
}

/** Runs `read` on a paced sandbox over `state` and measures its calls and modeled time. */
export async function measureRead(
  state: SandboxState,
  model: Model,
  read: (backend: Backend) => Promise<Snapshot>,
): Promise<ReadMeasure> {
  const { sandbox, clock, backend } = pacedSandbox(state, model);
  const snapshot = await clock.run(() => read(backend));
  const stats = sandbox.stats();
  const slowest = bucketLoads(stats.calls)[0];
  return {
    snapshot,
    stats,
    modeledSeconds: clock.now() / 1000,
    floorSeconds: slowest?.seconds ?? 0,
    floorBucket: slowest?.bucket ?? '',
  };
}

export interface ConfigMeasure {
  readonly desired: DesiredState;
  /** Generated TypeScript, as `orgops import` writes it. */
  readonly files: number;
  readonly lines: number;
  /** Loading the files (TypeScript transpile and evaluation) and validating them. */
  readonly loadAndValidateMs: number;
  /** Warnings per rule code. */
  readonly warnings: Readonly<Record<string, number>>;
}

/**
 * Generates the organization's config as `orgops import` does, writes it to a temporary directory
 * and loads it as `orgops plan` does (transpile, evaluate, validate), timing the load.
 */
export async function measureConfig(snapshot: Snapshot): Promise<ConfigMeasure> {
  const { files } = generateConfig(snapshot, { now: new Date(0) });
  const dir = mkdtempSync(join(tmpdir(), 'orgops-bench-'));
  try {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    // As `orgops import` writes it: an ES module package.
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'bench-config', private: true, type: 'module' }),
    );
    const loaded = await cpuMsAsync(() => loadConfig(dir, dir));
    const result = loaded.value;
    if (!result.ok)
      throw new Error(
        `The generated config does not load: ${result.errors.map((e) => e.message).join('; ')}`,
      );
    const warnings: Record<string, number> = {};
    for (const w of result.warnings) warnings[w.code] = (warnings[w.code] ?? 0) + 1;
    return {
      desired: result.value.desired,
      files: files.length,
      lines: files.reduce((n, f) => n + f.content.split('\n').length, 0),
      loadAndValidateMs: loaded.ms,
      warnings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plans `desired` against `snapshot` with the access analysis, as `orgops plan` does. */
export function plan(desired: DesiredState, snapshot: Snapshot): Plan {
  const result = planEverything({ desired, snapshot, toolVersion: TOOL_VERSION, analyze: analyzePlan });
  if (result.refused.length > 0)
    throw new Error(`The bench plan was refused: ${result.refused.map((d) => d.message).join('; ')}`);
  return result.plan;
}

export interface RenderMeasure {
  readonly text: number;
  readonly markdown: number;
  readonly json: number;
}

/** CPU time to render a plan in each format. */
export function measureRender(p: Plan): RenderMeasure {
  return {
    text: cpuMs(() => renderPlanText(p, { color: false })).ms,
    markdown: cpuMs(() => renderPlanMarkdown(p, {})).ms,
    json: cpuMs(() => renderPlanJson(p)).ms,
  };
}
