import { type Diagnostic, groupRepeated } from '@orgops/model';
import { heldAccounts, heldFix, heldWords } from '../analysis/held-in-quarantine.ts';
import { changesOf, type Plan } from '../plan.ts';
import { type Paint, painter, type Tone } from './ansi.ts';
import { phaseSections, terminalBody } from './body.ts';
import { DEFAULT_TITLE, provenanceWords, targetWords, type ViewOptions } from './header.ts';
import { rehearsalTextLines } from './rehearsal.ts';
import { escapeControls } from './safe-text.ts';
import { legendEntries, summaryLine } from './symbols.ts';

export interface TextOptions extends ViewOptions {
  /** ANSI colors; the CLI sets it from the terminal and NO_COLOR. Off by default. */
  readonly color?: boolean;
}

const RISK_TONES: Readonly<Record<'high' | 'medium' | 'low', Tone>> = {
  high: 'remove',
  medium: 'change',
  low: 'plain',
};

/**
 * The terminal view, terraform-like: a header naming the target, the changes by phase with small
 * value renderers, risks and warnings, a legend of the symbols used, and a summary line.
 *
 * @example
 * process.stdout.write(renderPlanText(plan, { color: process.stdout.isTTY }));
 */
export function renderPlanText(plan: Plan, options: TextOptions = {}): string {
  const paint = painter(options.color === true);
  const changes = changesOf(plan);
  const title = escapeControls(`${options.title ?? DEFAULT_TITLE}: ${targetWords(plan.target)}`);
  const lines: string[] = [
    paint('strong', paint(plan.target.backend === 'aws' ? 'change' : 'info', title)),
    paint('strong', '='.repeat(title.length)),
    paint('note', provenanceWords(plan)),
    '',
    ...rehearsalTextLines(plan, paint),
  ];

  lines.push(...terminalBody(phaseSections(plan), paint));
  lines.push(...heldLines(plan, paint), ...riskLines(plan, paint), ...warningLines(plan, paint));

  if (changes.length > 0) {
    const legend = legendEntries(changes).map((e) => `${paint(e.tone, e.symbol)} ${e.meaning}`);
    lines.push(`Symbols: ${legend.join(', ')}`);
  }
  lines.push(paint('strong', summaryLine(changes)));
  return `${lines.join('\n')}\n`;
}

/** Accounts the one-way door keeps in quarantine: shown on every plan, changes or not. */
function heldLines(plan: Plan, paint: Paint): string[] {
  const held = heldAccounts(plan.reviewContext);
  if (held.length === 0) return [];
  return [
    paint('strong', 'Held in quarantine (no plan moves these out; only a release does)'),
    ...held.flatMap((a) => {
      const fix = heldFix(a);
      return [
        `  ${paint('change', '#')} ${escapeControls(heldWords(a))}`,
        ...a.held.waiting.map((w) => `    ${paint('note', `waits for release: ${escapeControls(w)}`)}`),
        ...(fix ? [`    ${paint('note', `fix: ${escapeControls(fix)}`)}`] : []),
      ];
    }),
    '',
  ];
}

function riskLines(plan: Plan, paint: Paint): string[] {
  const { risks } = plan.analysis;
  if (risks.length === 0) return [];
  return [
    paint('strong', 'Risks'),
    ...risks.map(
      (r) =>
        `  ${paint(RISK_TONES[r.level], r.level.toUpperCase().padEnd(6))} ${escapeControls(r.message)} [${r.code}]`,
    ),
    '',
  ];
}

function warningLines(plan: Plan, paint: Paint): string[] {
  if (plan.warnings.length === 0) return [];
  const one = (w: Diagnostic, indent: string) => [
    `${indent}${paint('change', '!')} ${escapeControls(w.message)}${w.path ? ` (${escapeControls(w.path)})` : ''} [${w.code}]`,
    ...(w.fix ? [`${indent}  ${paint('note', `fix: ${escapeControls(w.fix)}`)}`] : []),
  ];
  return [
    paint('strong', 'Warnings'),
    // A warning repeated more than three times shows as one group with two examples.
    ...groupRepeated(plan.warnings).flatMap((e) =>
      e.kind === 'one'
        ? one(e.diagnostic, '  ')
        : [
            `  ${paint('change', '!')} ${e.summary}, e.g.: [${e.code}]`,
            ...e.examples.flatMap((w) => one(w, '    ')),
            `    …and ${e.count - e.examples.length} more (--format json lists every one)`,
          ],
    ),
    '',
  ];
}
