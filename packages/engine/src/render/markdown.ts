import { type Diagnostic, groupRepeated, policyTypeLabel } from '@orgops/model';
import { accountLabel } from '../analysis/analysis-context.ts';
import { heldAccounts, heldFix, heldWords } from '../analysis/held-in-quarantine.ts';
import { plural } from '../analysis/policy-facts.ts';
import type { AccessChange, GuardrailChange, Risk } from '../analysis/types.ts';
import { changesOf, type Plan } from '../plan.ts';
import { diffBody, phaseSections } from './body.ts';
import { DEFAULT_TITLE, provenanceWords, targetWords, type ViewOptions } from './header.ts';
import { mdCode, mdText } from './inert-markdown.ts';
import { rehearsalMarkdown } from './rehearsal.ts';
import { lintSection, type ReviewFinding } from './review-findings.ts';
import { reviewMap } from './review-map.ts';
import { summaryLine } from './symbols.ts';

export interface MarkdownOptions extends ViewOptions {
  /** Hard cap on the output length. GitHub rejects comments over 65,536 characters. */
  readonly maxChars?: number;
  /** Where the full plan is when the details are cut, e.g. a link to the workflow artifact. */
  readonly fullPlanHint?: string;
  /** `orgops lint`'s findings on the config, shown as the "Lint findings" section. */
  readonly lint?: readonly ReviewFinding[];
}

export const DEFAULT_MAX_CHARS = 65_000;
const DEFAULT_HINT =
  'The full plan is in the plan artifact of this workflow run; `orgops show PLANFILE` prints it.';

const RISK_BADGES: Readonly<Record<Risk['level'], string>> = {
  high: '🔴 **High**',
  medium: '🟠 **Medium**',
  low: '🟡 **Low**',
};

/**
 * The pull-request review: who gains or loses what, where, before anything else. Risks come
 * first, then access changes, guardrail changes, lint findings and warnings; the full plan follows in a
 * collapsed block, which is cut first when the comment would exceed `maxChars`.
 *
 * @example
 * await octokit.rest.issues.createComment({ ...repo, issue_number, body: renderPlanMarkdown(plan) });
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const hint = options.fullPlanHint ?? DEFAULT_HINT;
  const changes = changesOf(plan);
  const { risks, access, guardrails } = plan.analysis;

  const foot = `<sub>${mdText(provenanceWords(plan))}</sub>\n`;
  const review = (cap: number): string => {
    const head: string[] = [
      `## ${mdText(`${options.title ?? DEFAULT_TITLE}: ${targetWords(plan.target)}`)}`,
      '',
      ...capped(rehearsalMarkdown(plan), cap, 'refusals'),
    ];
    head.push(`**${summaryLine(changes)}**${riskCount(risks)}`, '');
    head.push(...capped(heldSection(plan), cap, 'accounts'));
    if (changes.length > 0) {
      head.push(
        ...capped(riskSection(risks), cap, 'risks'),
        ...capped(accessSection(access), cap, 'rows'),
        ...capped(guardrailSection(guardrails), cap, 'rows'),
        ...mapSection(plan, cap),
      );
    }
    head.push(...capped(lintSection(options.lint), cap, 'findings'));
    head.push(...capped(warningSection(plan), cap, 'warnings'));
    return head.join('\n');
  };
  // Every risk, access and guardrail row is shown when it fits; a plan with thousands of them
  // lists the first of each section, so the summary, risks and access tables always fit.
  const budget = maxChars - foot.length - hint.length - 400;
  const head = REVIEW_CAPS.map(review).find((h) => h.length <= budget) ?? review(0);

  if (changes.length === 0) return fitWithin(`${head}\n${foot}`, maxChars);
  const body = diffBody(phaseSections(plan));
  return assemble(head, body, foot, changes.length, hint, maxChars);
}

/** Items per review section to try, most first. */
const REVIEW_CAPS = [Number.POSITIVE_INFINITY, 200, 50, 10];

/**
 * A section (heading, items as `- ` list lines or `| ` table rows) with at most `cap` items of
 * each run, and a line saying how many more the full plan has.
 */
function capped(lines: readonly string[], cap: number, noun: string): string[] {
  const out: string[] = [];
  let run = 0;
  const flush = () => {
    if (run > cap) out.push(`_… and ${run - cap} more ${noun}: the full review lists them._`);
    run = 0;
  };
  lines.forEach((line, i) => {
    const tableHead = line.startsWith('| ---') || lines[i + 1]?.startsWith('| ---');
    if (!tableHead && (line.startsWith('- ') || line.startsWith('| '))) {
      if (run < cap) out.push(line);
      run++;
      return;
    }
    flush();
    out.push(line);
  });
  flush();
  return out;
}

function riskCount(risks: readonly Risk[]): string {
  if (risks.length === 0) return '';
  const by = (level: Risk['level']) => risks.filter((r) => r.level === level).length;
  const parts = (['high', 'medium', 'low'] as const).filter((l) => by(l) > 0).map((l) => `${by(l)} ${l}`);
  return ` Risks: ${parts.join(', ')}.`;
}

function riskSection(risks: readonly Risk[]): string[] {
  if (risks.length === 0) return ['### Risks', '', 'No risks found.', ''];
  return [
    '### Risks',
    '',
    ...risks.map((r) => `- ${RISK_BADGES[r.level]} ${mdText(r.message)} \`${r.code}\``),
    '',
  ];
}

function accessSection(access: readonly AccessChange[]): string[] {
  const out = ['### Access changes', ''];
  if (access.length === 0) return [...out, 'No one gains or loses access.', ''];
  const gains = access.filter((a) => a.effect === 'gains');
  const loses = access.filter((a) => a.effect === 'loses');
  const changed = access.filter((a) => a.effect === 'changed');
  // The simulator's column, only when the review was computed with it.
  const simulated = access.some((a) => a.possible !== undefined);
  const possibleHead = simulated ? ' Can now (simulated) |' : '';
  const possibleRule = simulated ? ' --- |' : '';
  const possible = (a: AccessChange): string[] => (simulated ? [possibleCell(a)] : []);
  if (gains.length) {
    out.push(
      '**Gains access**',
      '',
      `| Principal | Permission set | Accounts | Grants |${possibleHead}`,
      `| --- | --- | --- | --- |${possibleRule}`,
    );
    for (const a of gains)
      out.push(row([who(a), code(a.permissionSet), accounts(a), cell(a.grants ?? ''), ...possible(a)]));
    out.push('');
  }
  if (loses.length) {
    out.push('**Loses access**', '', '| Principal | Permission set | Accounts |', '| --- | --- | --- |');
    for (const a of loses) out.push(row([who(a), code(a.permissionSet), accounts(a)]));
    out.push('');
  }
  if (changed.length) {
    out.push(
      '**Access changes for current holders**',
      '',
      `| Principal | Permission set | Accounts | What changes | Grants after |${possibleHead}`,
      `| --- | --- | --- | --- | --- |${possibleRule}`,
    );
    for (const a of changed) {
      const details = (a.details ?? []).map(cell).join('<br>');
      out.push(
        row([who(a), code(a.permissionSet), accounts(a), details, cell(a.grants ?? ''), ...possible(a)]),
      );
    }
    out.push('');
  }
  return out;
}

const GUARDRAIL_EFFECTS: Readonly<Record<GuardrailChange['items'][number]['effect'], string>> = {
  added: '➕ attach',
  removed: '➖ detach',
  changed: '✏️ change',
};

function guardrailSection(guardrails: readonly GuardrailChange[]): string[] {
  const out = ['### Guardrail changes', ''];
  if (guardrails.length === 0) return [...out, 'No guardrail changes.', ''];
  out.push('| Target | Accounts below | Change |', '| --- | --- | --- |');
  for (const g of guardrails) {
    const items = g.items.map(
      (i) =>
        `${GUARDRAIL_EFFECTS[i.effect]} ${cell(policyTypeLabel(i.policyType))} ${code(i.policyName)}${i.summary ? `: ${cell(i.summary)}` : ''}${(i.effects ?? []).map((e) => `<br>↳ ${cell(e)}`).join('')}`,
    );
    const target = g.targetKind === 'account' ? cell(g.target) : code(g.target);
    out.push(row([target, String(g.accountsAffected), items.join('<br>')]));
  }
  return [...out, ''];
}

function warningItem(w: Diagnostic, bullet: string): string {
  return `${bullet}⚠️ ${mdText(w.message)}${w.path ? ` (${mdCode(w.path)})` : ''}${w.fix ? ` Fix: ${mdText(w.fix)}` : ''} \`${w.code}\``;
}

/** "change IAM (iam:PutRolePolicy) in 9 accounts" lines, under a header that says "can now". */
function possibleCell(a: AccessChange): string {
  const lines = a.possible ?? [];
  if (lines.length === 0) return a.effect === 'loses' ? '' : '_none of the capabilities the review checks_';
  return lines.map((l) => cell(l.replace(/^can now /, ''))).join('<br>');
}

/**
 * The OU tree the plan touches, drawn (GitHub renders Mermaid). Left out of the shortest review
 * caps, where the tables need the room.
 */
function mapSection(plan: Plan, cap: number): string[] {
  if (cap < 50) return [];
  const map = reviewMap(plan);
  if (!map) return [];
  return ['### Where the changes land', '', map, ''];
}

/** Held accounts come right after the summary: the review of a quarantine's pull request is this. */
function heldSection(plan: Plan): string[] {
  const held = heldAccounts(plan.reviewContext);
  if (held.length === 0) return [];
  return [
    '### 🔒 Held in quarantine',
    '',
    'No plan moves these accounts out; only `release: { reason, quarantinedAt }` on the account does.',
    '',
    ...held.map((a) => {
      const fix = heldFix(a);
      const waiting = a.held.waiting.length
        ? `<br>Waits for release: ${a.held.waiting.map(cell).join('; ')}`
        : '';
      return `- ${mdText(heldWords(a))}${waiting}${fix ? `<br>Fix: ${mdText(fix)}` : ''}`;
    }),
    '',
  ];
}

function warningSection(plan: Plan): string[] {
  if (plan.warnings.length === 0) return [];
  return [
    '### Warnings',
    '',
    // A warning repeated more than three times shows as one group with two examples.
    ...groupRepeated(plan.warnings).flatMap((e) =>
      e.kind === 'one'
        ? [warningItem(e.diagnostic, '- ')]
        : [
            `- ⚠️ ${mdText(e.summary)}, e.g.: \`${e.code}\``,
            ...e.examples.map((w) => warningItem(w, '  - ')),
            `  - …and ${e.count - e.examples.length} more (the JSON plan lists every one)`,
          ],
    ),
    '',
  ];
}

/**
 * Puts the pieces together under `maxChars`: the review part is kept whole and the collapsed
 * details are cut at a line boundary, with a note saying where the full plan is.
 */
function assemble(
  head: string,
  body: readonly string[],
  foot: string,
  count: number,
  hint: string,
  maxChars: number,
): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const details = (summary: string, lines: readonly string[], note: string): string =>
    `<details><summary>${summary}</summary>\n\n${note}${fence}diff\n${lines.join('\n')}\n${fence}\n\n</details>\n\n`;
  const whole = `${head}\n${details(`Full plan: ${plural(count, 'change')}`, body, '')}${foot}`;
  if (whole.length <= maxChars) return whole;

  const noteFor = (shown: number): string =>
    `_Truncated to fit a comment: ${shown} of ${body.length} lines shown. ${hint}_\n\n`;
  const shell = `${head}\n${details(`Full plan: ${plural(count, 'change')} (truncated)`, [], noteFor(body.length))}${foot}`;
  let budget = maxChars - shell.length;
  const kept: string[] = [];
  for (const line of body) {
    if (line.length + 1 > budget) break;
    kept.push(line);
    budget -= line.length + 1;
  }
  if (kept.length > 0) {
    return `${head}\n${details(`Full plan: ${plural(count, 'change')} (truncated)`, kept, noteFor(kept.length))}${foot}`;
  }
  // Not even one line of detail fits: drop the block and, if need be, cut the review itself.
  const note = `_The full plan (${plural(count, 'change')}) is left out to fit a comment. ${hint}_\n\n`;
  return fitWithin(`${head}\n${note}${foot}`, maxChars, note);
}

/** Cuts text at a line boundary to `maxChars`, ending with `note` when it had to cut. */
function fitWithin(text: string, maxChars: number, note = '\n_Truncated to fit a comment._\n'): string {
  if (text.length <= maxChars) return text;
  const room = maxChars - note.length;
  if (room <= 0) return note.slice(0, maxChars);
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut + 1 : room)}${note}`;
}

function longestBacktickRun(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines)
    for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function who(a: AccessChange): string {
  return `${a.principal.type === 'GROUP' ? 'group' : 'user'} ${code(a.principal.name)}`;
}

/** Up to this many accounts are listed one per line; beyond it the cell summarises by OU. */
export const ACCOUNTS_LISTED = 12;
const NAMES_PER_OU = 3;

/**
 * The accounts of an access row. An assignment to a large OU would make a cell of thousands of
 * lines and push the review past the comment limit, so past {@link ACCOUNTS_LISTED} the accounts
 * are counted per OU with a few names each; the full plan lists every one.
 */
function accounts(a: AccessChange): string {
  if (a.accounts.length <= ACCOUNTS_LISTED) {
    return a.accounts.map((acct) => `${cell(accountLabel(acct))} in ${code(acct.ouPath)}`).join('<br>');
  }
  const byOu = new Map<string, string[]>();
  for (const acct of a.accounts) byOu.set(acct.ouPath, [...(byOu.get(acct.ouPath) ?? []), acct.name]);
  const lines = [...byOu].slice(0, ACCOUNTS_LISTED).map(([ou, names]) => {
    const shown = names.slice(0, NAMES_PER_OU).map(cell).join(', ');
    const more = names.length > NAMES_PER_OU ? `, … ${names.length - NAMES_PER_OU} more` : '';
    return `${code(ou)}: ${plural(names.length, 'account')} (${shown}${more})`;
  });
  const moreOus = byOu.size > ACCOUNTS_LISTED ? [`… and ${byOu.size - ACCOUNTS_LISTED} more OUs`] : [];
  return [`**${plural(a.accounts.length, 'account')}**`, ...lines, ...moreOus].join('<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Prose in a table cell: escaped, mentions and references in code spans, no pipes or newlines. */
function cell(text: string): string {
  return mdText(text);
}

/** A name in a table cell, verbatim as a code span. */
function code(text: string): string {
  return mdCode(text, { inTable: true });
}
