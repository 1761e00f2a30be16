import type { Change } from '../change.ts';
import type { PhaseName, Plan } from '../plan.ts';
import type { Paint, Tone } from './ansi.ts';
import { type ChangeView, viewOf } from './describe.ts';
import type { DiffLine } from './line-diff.ts';
import { ACTION_SYMBOLS, symbolOf } from './symbols.ts';

const PHASE_TITLES: Readonly<Record<PhaseName, string>> = {
  'enable-services': 'Enable policy types and trusted services',
  'create-ous': 'Create and update OUs',
  'write-policies': 'Write policies',
  attachments: 'Attach and detach policies',
  'create-accounts': 'Create accounts',
  'place-accounts': 'Move and tag accounts',
  'attach-new-accounts': 'Attach policies to new accounts',
  delegate: 'Delegated administrators',
  'write-permission-sets': 'Write permission sets',
  provision: 'Provision permission sets',
  'create-assignments': 'Create assignments',
  'delete-assignments': 'Delete assignments',
  'delete-permission-sets': 'Delete permission sets',
  'delete-ous': 'Delete OUs',
  'delete-policies': 'Delete policies',
  'close-accounts': 'Close accounts',
  'disable-services': 'Disable policy types and trusted services',
};

export interface PhaseSection {
  readonly title: string;
  readonly changes: readonly { readonly change: Change; readonly view: ChangeView }[];
}

/** The plan's non-empty phases in execution order, each change with its view. */
export function phaseSections(plan: Pick<Plan, 'phases'>): PhaseSection[] {
  return plan.phases
    .filter((p) => p.changes.length > 0)
    .map((p) => ({
      title: PHASE_TITLES[p.name] ?? p.name,
      changes: p.changes.map((change) => ({ change, view: viewOf(change) })),
    }));
}

export const MARK_TONES: Readonly<Record<DiffLine['mark'], Tone>> = {
  '+': 'add',
  '-': 'remove',
  '~': 'change',
  ' ': 'plain',
};

/** Terminal lines of the plan body: phase headings, indented changes, their values and notes. */
export function terminalBody(sections: readonly PhaseSection[], paint: Paint): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(paint('strong', section.title));
    for (const { change, view } of section.changes) {
      const tone = ACTION_SYMBOLS[change.action].tone;
      lines.push(`  ${paint(tone, symbolOf(change.action))} ${view.headline}`);
      for (const d of view.details) lines.push(`      ${paint(MARK_TONES[d.mark], `${d.mark} ${d.text}`)}`);
      for (const note of view.notes) lines.push(`      ${paint('note', note)}`);
    }
    lines.push('');
  }
  return lines;
}

/**
 * The same body for a ```diff block: `+`/`-` must sit in column 0 for GitHub to color the line,
 * so value marks move there, and a line whose symbol starts with `-` without removing anything
 * (`->` move) is shifted right to stay uncolored.
 */
export function diffBody(sections: readonly PhaseSection[]): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`# ${section.title}`);
    for (const { change, view } of section.changes) {
      const { tone } = ACTION_SYMBOLS[change.action];
      const line = `${symbolOf(change.action)} ${view.headline}`;
      const colored = line.startsWith('+') || line.startsWith('-');
      lines.push(colored && tone !== 'add' && tone !== 'remove' ? ` ${line}` : line);
      for (const d of view.details) lines.push(`${d.mark}     ${d.text}`);
      for (const note of view.notes) lines.push(`      ${note}`);
    }
    lines.push('');
  }
  return lines;
}
