import { plural } from '../analysis/policy-facts.ts';
import { changesOf, type Plan } from '../plan.ts';
import type { PlanRehearsal, RehearsalLeftOver, RehearsalRefusal } from '../rehearsal.ts';
import type { Paint } from './ansi.ts';
import { mdCode, mdText } from './inert-markdown.ts';
import { escapeControls } from './safe-text.ts';

/**
 * The rehearsal's verdict in one line: "rehearsed: 107 changes applied, converges", or what blocks
 * the plan. Shared by every view, so the terminal, the review and the GitHub header agree.
 */
export function rehearsalHeadline(plan: Plan): string | undefined {
  const r = plan.rehearsal;
  if (!r) return undefined;
  const total = changesOf(plan).length;
  const skipped = r.skipped > 0 ? ` (${r.skipped} skipped)` : '';
  switch (r.outcome) {
    case 'converges':
      return `rehearsed: ${plural(r.applied + r.skipped, 'change')} applied${skipped}, converges`;
    case 'refused': {
      const rest = r.notRehearsed > 0 ? `, ${r.notRehearsed} not rehearsed because they depend on one` : '';
      return `rehearsal blocked: AWS would refuse ${r.refusals.length} of ${plural(total, 'change')} (${r.applied} applied${rest})`;
    }
    case 'does-not-converge':
      return `rehearsal blocked: ${plural(r.applied + r.skipped, 'change')} applied${skipped}, but the plan does not converge: planning again against the result still finds ${plural(r.leftOver.length, 'difference')}`;
  }
}

const WHERE = 'The twin is an in-memory copy of what the plan read, with AWS’s rules; no AWS call was made.';

/** The terminal lines: the verdict first, then each refusal with its fix, left-overs, assumptions. */
export function rehearsalTextLines(plan: Plan, paint: Paint): string[] {
  const r = plan.rehearsal;
  const headline = rehearsalHeadline(plan);
  if (!r || !headline) return [];
  const blocked = r.outcome !== 'converges';
  const lines = [paint('strong', paint(blocked ? 'remove' : 'add', `${blocked ? '✗' : '✓'} ${headline}`))];
  for (const f of r.refusals) {
    lines.push(
      `  ${paint('remove', '✗')} ${escapeControls(`${f.action} ${f.address}`)}`,
      `      ${escapeControls(errorWords(f))}`,
      `      ${paint('note', `fix: ${escapeControls(f.fix)}`)}`,
    );
  }
  for (const l of r.leftOver) lines.push(`  ${paint('change', '!')} ${escapeControls(leftOverWords(l))}`);
  if (blocked) lines.push(`  ${paint('note', WHERE)}`);
  for (const a of r.assumptions) lines.push(`  ${paint('note', `assumed: ${escapeControls(a)}`)}`);
  return [...lines, ''];
}

/**
 * The review's rehearsal section, at the very top: a blocking problem is a GitHub caution alert
 * with one list item per refusal (the review caps long lists), a clean rehearsal one line.
 */
export function rehearsalMarkdown(plan: Plan): string[] {
  const r = plan.rehearsal;
  const headline = rehearsalHeadline(plan);
  if (!r || !headline) return [];
  const assumed = assumptionsBlock(r);
  if (r.outcome === 'converges') return [`✅ **${mdText(capitalized(headline))}.** ${WHERE}`, '', ...assumed];
  const what =
    r.outcome === 'refused'
      ? 'Applying this plan would fail part way: fix the config so the plan avoids each refusal below.'
      : 'Applying this plan would leave differences behind: a later plan would find more to do.';
  return [
    '> [!CAUTION]',
    `> **${mdText(capitalized(headline))}.** ${what} ${WHERE}`,
    '',
    ...r.refusals.map(
      (f) => `- ❌ ${mdCode(f.address)} (${f.action}): ${mdText(errorWords(f))} **Fix:** ${mdText(f.fix)}`,
    ),
    ...r.leftOver.map((l) => `- ⚠️ ${mdCode(l.address)}: ${mdText(leftOverWords(l, false))}`),
    ...(r.refusals.length + r.leftOver.length > 0 ? [''] : []),
    ...assumed,
  ];
}

function errorWords(f: RehearsalRefusal): string {
  const code = f.reason ? `${f.code} (${f.reason})` : f.code;
  return `${f.operation ? `${f.operation}: ` : ''}${code}: ${f.message}`;
}

function leftOverWords(l: RehearsalLeftOver, withAddress = true): string {
  const at = withAddress ? `${l.address}: ` : '';
  return l.action === 'refused'
    ? `${at}planning again refuses: ${l.message ?? ''}`
    : `${at}planning again still wants to ${l.action} it`;
}

function assumptionsBlock(r: PlanRehearsal): string[] {
  if (r.assumptions.length === 0) return [];
  return [
    `<details><summary>What the twin assumed (${r.assumptions.length})</summary>`,
    '',
    ...r.assumptions.map((a) => `- ${mdText(a)}`),
    '',
    '</details>',
    '',
  ];
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
