import type { Action, Change } from '../change.ts';
import type { Tone } from './ansi.ts';

interface SymbolInfo {
  /** Two characters wide, so change lines line up. */
  readonly symbol: string;
  readonly tone: Tone;
  /** Legend wording. */
  readonly meaning: string;
  /** Summary-line wording: "3 to attach". */
  readonly verb: string;
}

/**
 * One fixed-width ASCII symbol per action. Updates of tags share `~` with other updates because
 * to a reviewer they are the same kind of change.
 */
export const ACTION_SYMBOLS: Readonly<Record<Action, SymbolInfo>> = {
  create: { symbol: '+', tone: 'add', meaning: 'create', verb: 'create' },
  update: { symbol: '~', tone: 'change', meaning: 'update in place', verb: 'update' },
  tag: { symbol: '~', tone: 'change', meaning: 'update in place', verb: 'retag' },
  move: { symbol: '->', tone: 'change', meaning: 'move to another OU', verb: 'move' },
  attach: { symbol: '+a', tone: 'add', meaning: 'attach policy', verb: 'attach' },
  detach: { symbol: '-a', tone: 'remove', meaning: 'detach policy', verb: 'detach' },
  provision: {
    symbol: 'P',
    tone: 'info',
    meaning: 'provision permission set to accounts',
    verb: 'provision',
  },
  enable: { symbol: '+e', tone: 'add', meaning: 'enable', verb: 'enable' },
  disable: { symbol: '-e', tone: 'remove', meaning: 'disable', verb: 'disable' },
  register: { symbol: '+r', tone: 'add', meaning: 'register delegated administrator', verb: 'register' },
  deregister: {
    symbol: '-r',
    tone: 'remove',
    meaning: 'deregister delegated administrator',
    verb: 'deregister',
  },
  delete: { symbol: '-', tone: 'remove', meaning: 'delete', verb: 'delete' },
  close: { symbol: 'x', tone: 'remove', meaning: 'close account', verb: 'close' },
};

/** Summary order: what appears, then what changes, then what goes away. */
const SUMMARY_ORDER: readonly Action[] = [
  'create',
  'update',
  'tag',
  'move',
  'attach',
  'detach',
  'provision',
  'enable',
  'disable',
  'register',
  'deregister',
  'delete',
  'close',
];

export function symbolOf(action: Action): string {
  return ACTION_SYMBOLS[action].symbol.padEnd(2);
}

/** Legend entries for the symbols used by these changes only, in summary order. */
export function legendEntries(
  changes: readonly Change[],
): { readonly symbol: string; readonly meaning: string; readonly tone: Tone }[] {
  const used = new Set(changes.map((c) => c.action));
  const seen = new Set<string>();
  const out: { symbol: string; meaning: string; tone: Tone }[] = [];
  for (const action of SUMMARY_ORDER) {
    if (!used.has(action)) continue;
    const { symbol, meaning, tone } = ACTION_SYMBOLS[action];
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    out.push({ symbol, meaning, tone });
  }
  return out;
}

export const NO_CHANGES = 'No changes. The organization matches the config.';

/** "Plan: 5 to create, 2 to update, 1 to delete." — or {@link NO_CHANGES}. */
export function summaryLine(changes: readonly Change[]): string {
  if (changes.length === 0) return NO_CHANGES;
  const counts = new Map<Action, number>();
  for (const c of changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
  const parts = SUMMARY_ORDER.filter((a) => counts.has(a)).map(
    (a) => `${counts.get(a)} to ${ACTION_SYMBOLS[a].verb}`,
  );
  return `Plan: ${parts.join(', ')}.`;
}
