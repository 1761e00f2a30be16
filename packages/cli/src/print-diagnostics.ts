import { escapeControls } from '@orgops/engine';
import { type Diagnostic, formatSite, type Site } from '@orgops/model';
import { type Io, paint } from './io.ts';
import { sourceExcerpt } from './load-error.ts';

/**
 * Prints diagnostics as `error [code] file:line:column path`, then the message (for a config that
 * did not load, the source line with a caret under the column), the value and the fix.
 */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], cwd: string): void {
  for (const d of diagnostics) {
    const label = d.severity === 'error' ? paint.red(io.color, 'error') : paint.yellow(io.color, 'warning');
    const where = [siteWithColumn(d.site, cwd), d.path].filter(Boolean).join('  ');
    // Messages quote names from the config and the organization: control characters print as escapes.
    io.err(`${label} [${d.code}] ${escapeControls(where)}`);
    io.err(`  ${escapeControls(d.message)}`);
    if (d.code === 'config-load-failed' && d.site) {
      for (const line of sourceExcerpt(d.site) ?? []) io.err(line);
    }
    if (d.value !== undefined) io.err(`  value: ${formatValue(d.value)}`);
    io.err(`  fix: ${escapeControls(d.fix)}`);
  }
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
