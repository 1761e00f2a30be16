import { escapeControls } from '@orgops/engine';
import type { ApplyEvent, ApplyResult } from '@orgops/live';
import { paint } from '../io.ts';

/**
 * One progress line per event (stderr); polling and per-change starts stay quiet. Addresses and
 * AWS messages carry organization names, so control characters print as escapes.
 */
export function formatApplyEvent(e: ApplyEvent): string | undefined {
  const line = eventLine(e);
  return line === undefined ? undefined : escapeControls(line);
}

function eventLine(e: ApplyEvent): string | undefined {
  switch (e.kind) {
    case 'refresh':
      return e.message;
    case 'phase':
      return `${e.phase}: ${e.changes} change${e.changes === 1 ? '' : 's'}`;
    case 'wait':
      return `  … ${e.address}: ${e.message}`;
    case 'done':
      return `  ✓ ${e.address}${e.note ? ` (${e.note})` : ''}`;
    case 'skipped':
      return `  - ${e.address}: skipped, ${e.note}`;
    case 'failed':
      return `  ✗ ${e.address}: ${e.error.code}${e.error.reason ? ` (${e.error.reason})` : ''}: ${e.error.message}`;
    case 'halt':
      return e.message;
    default:
      return undefined;
  }
}

/** The closing report: counts, then every change that did not simply succeed. */
export function formatApplyResult(result: ApplyResult, color: boolean): string {
  const { done, skipped, failed } = result.counts;
  const notStarted = result.counts['not-started'];
  const head = result.ok
    ? paint.green(color, `Apply complete: ${done} done, ${skipped} skipped.`)
    : paint.red(
        color,
        `Apply failed: ${done} done, ${failed} failed, ${notStarted} not started, ${skipped} skipped.`,
      );
  const lines = [head];
  for (const o of result.outcomes) {
    if (o.status === 'done') continue;
    const detail = o.error
      ? `${o.error.code}${o.error.reason ? ` (${o.error.reason})` : ''}: ${o.error.message}`
      : (o.note ?? '');
    lines.push(escapeControls(`  ${o.status.padEnd(11)} ${o.address}${detail ? `  ${detail}` : ''}`));
  }
  return lines.join('\n');
}
