import { escapeControls } from '@orgops/engine';
import { type Diagnostic, formatSite, groupRepeated, type Site } from '@orgops/model';
import { paint } from './color.ts';
import type { Io } from './io.ts';
import { sourceExcerpt } from './load-error.ts';

/**
 * Prints diagnostics as `error [code] file:line:column path`, then the message (for a config that
 * did not load, the source line with a caret under the column), the value and the fix. A warning
 * repeated more than three times prints once as a group with two examples ("60 tag targets that
 * match no account, e.g.:"); `orgops validate --format json` lists every one.
 */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], cwd: string): void {
  for (const entry of groupRepeated(diagnostics)) {
    if (entry.kind === 'one') {
      printOne(io, entry.diagnostic, cwd);
      continue;
    }
    io.err(`${label(io, entry.severity)} [${entry.code}] ${entry.summary}, e.g.:`);
    for (const d of entry.examples) {
      io.err(`  ${escapeControls(where(d, cwd))}`);
      io.err(`    ${escapeControls(d.message)}`);
    }
    const first = entry.examples[0];
    if (first) io.err(`  fix: ${escapeControls(first.fix)}`);
    const rest = entry.count - entry.examples.length;
    io.err(
      `  …and ${rest} more like ${rest === 1 ? 'it' : 'them'} (orgops validate --format json lists every one).`,
    );
  }
}

function printOne(io: Io, d: Diagnostic, cwd: string): void {
  // Messages quote names from the config and the organization: control characters print as escapes.
  io.err(`${label(io, d.severity)} [${d.code}] ${escapeControls(where(d, cwd))}`);
  io.err(`  ${escapeControls(d.message)}`);
  if (d.code === 'config-load-failed' && d.site) {
    for (const line of sourceExcerpt(d.site) ?? []) io.err(line);
  }
  if (d.value !== undefined) io.err(`  value: ${formatValue(d.value)}`);
  io.err(`  fix: ${escapeControls(d.fix)}`);
}

function label(io: Io, severity: Diagnostic['severity']): string {
  return severity === 'error' ? paint.red(io.errColor, 'error') : paint.yellow(io.errColor, 'warning');
}

function where(d: Diagnostic, cwd: string): string {
  return [siteWithColumn(d.site, cwd), d.path].filter(Boolean).join('  ');
}

/** `file:line:column`, relative to the working directory, as editors and terminals link it. */
function siteWithColumn(site: Site | undefined, cwd: string): string {
  if (!site) return '';
  return `${formatSite(site, cwd)}${site.column ? `:${site.column}` : ''}`;
}

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

export function countLine(errors: number, warnings: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
