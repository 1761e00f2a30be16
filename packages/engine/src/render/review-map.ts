import { ouPathName, ouPathNames, policyTypeLabel } from '@orgops/model';
import { UNKNOWN_OU } from '../analysis/analysis-context.ts';
import { FULL_ACCESS_POLICY_NAMES, GUARDRAIL_POLICY_TYPES, plural } from '../analysis/policy-facts.ts';
import { ancestorsOf } from '../analysis/review-scope.ts';
import type { GuardrailChange } from '../analysis/types.ts';
import { changesOf, type Plan } from '../plan.ts';
import { type MermaidEdge, type MermaidNode, mermaidFlowchart } from './mermaid.ts';

/** OU nodes drawn at most; past it the OUs with the fewest changes are folded into one node. */
export const MAP_MAX_OUS = 40;
const GUARDRAILS_NAMED = 4;
const ACCOUNTS_NAMED = 3;

interface OuNode {
  path: string;
  marks: string[];
  style?: MermaidNode['style'];
  accounts: Set<string>;
  /** How much happens here, to choose what to keep when the map is too big. */
  weight: number;
}

/**
 * The part of the OU tree a plan touches, as a Mermaid flowchart: every OU where a guardrail
 * changes, where accounts gain or lose access, that is created or deleted, or that an account
 * moves out of or into, with the OUs above them. Each OU lists the guardrails attached there after
 * the plan (+ attached, − detached, ~ changed); accounts are counted per OU with a few names, and
 * moves are dashed arrows. The rest of the organization is left out, so a change to three of
 * 1,000 accounts draws three accounts. `undefined` when the plan touches no OU.
 */
export function reviewMap(plan: Plan): string | undefined {
  const changes = changesOf(plan);
  const { desired } = plan.reviewContext;
  const nodes = new Map<string, OuNode>();
  const node = (path: string): OuNode => {
    let n = nodes.get(path);
    if (!n) {
      n = { path, marks: [], accounts: new Set(), weight: 0 };
      nodes.set(path, n);
    }
    return n;
  };
  const touch = (path: string, weight: number): OuNode | undefined => {
    if (!path.startsWith('/') || path === UNKNOWN_OU) return undefined;
    const n = node(path);
    n.weight += weight;
    return n;
  };

  const guardrailsAt = new Map<string, GuardrailChange>();
  for (const g of plan.analysis.guardrails) {
    if (g.targetKind !== 'account') guardrailsAt.set(g.target, g);
    const n = touch(g.targetKind === 'account' ? accountPath(plan, g.target) : g.target, g.items.length);
    if (!n) continue;
    if (g.targetKind !== 'account') n.style = 'changed';
    else n.accounts.add(g.target.replace(/ \(.*\)$/, ''));
  }
  for (const row of plan.analysis.access) {
    for (const a of row.accounts) touch(a.ouPath, 1)?.accounts.add(a.name);
  }
  const moves: { from: string; to: string; account: string }[] = [];
  for (const c of changes) {
    if (c.kind === 'ou-create') Object.assign(touch(c.path, 5) ?? {}, { style: 'added' });
    if (c.kind === 'ou-delete') Object.assign(touch(c.path, 5) ?? {}, { style: 'removed' });
    if (c.kind === 'ou-update') touch(c.path, 1);
    if (c.kind === 'account-move') {
      touch(c.fromPath, 3);
      touch(c.toPath, 3);
      moves.push({ from: c.fromPath, to: c.toPath, account: c.account.name });
    }
  }
  if (nodes.size === 0) return undefined;

  // Keep the busiest OUs (and everything above them) within the limit; fold the rest.
  const ranked = [...nodes.values()].sort((a, b) => b.weight - a.weight || a.path.localeCompare(b.path));
  const kept = new Set<string>();
  let folded = 0;
  for (const n of ranked) {
    const needed = ancestorsOf(n.path).filter((p) => !kept.has(p));
    if (kept.size + needed.length > MAP_MAX_OUS) {
      folded += 1;
      continue;
    }
    for (const p of needed) kept.add(p);
  }
  const paths = [...kept].sort((a, b) => ouPathNames(a).length - ouPathNames(b).length || a.localeCompare(b));
  const ids = new Map(paths.map((p, i) => [p, `o${i}`]));

  const mermaidNodes: MermaidNode[] = [];
  const edges: MermaidEdge[] = [];
  for (const path of paths) {
    const n = nodes.get(path);
    const lines = [path === '/' ? 'root' : ouPathName(path)];
    const changed = guardrailsAt.get(path);
    const marks = new Map<string, string>();
    for (const item of changed?.items ?? []) {
      const sign = item.effect === 'added' ? '+' : item.effect === 'removed' ? '−' : '~';
      marks.set(
        `${item.policyType}\u0000${item.policyName}`,
        `${sign} ${policyTypeLabel(item.policyType)} ${item.policyName}`,
      );
    }
    lines.push(...marks.values());
    const unchanged = desired.attachments
      .filter((a) => a.target === path && GUARDRAIL_POLICY_TYPES.has(a.policyType))
      .filter((a) => !marks.has(`${a.policyType}\u0000${a.policyName}`))
      // AWS's allow-everything default is everywhere; it is drawn only when it changes.
      .filter((a) => !FULL_ACCESS_POLICY_NAMES.has(a.policyName))
      .map((a) => a.policyName);
    if (unchanged.length > 0) {
      const shown = unchanged.slice(0, GUARDRAILS_NAMED).join(', ');
      lines.push(
        `kept: ${shown}${unchanged.length > GUARDRAILS_NAMED ? ` +${unchanged.length - GUARDRAILS_NAMED} more` : ''}`,
      );
    }
    mermaidNodes.push({ id: ids.get(path)!, lines, style: n?.style ?? (n ? undefined : 'quiet') });
    if (path !== '/') {
      const parent =
        ancestorsOf(path)
          .filter((p) => p !== path)
          .sort((a, b) => ouPathNames(b).length - ouPathNames(a).length)[0] ?? '/';
      edges.push({ from: ids.get(parent)!, to: ids.get(path)! });
    }
    const accounts = [...(n?.accounts ?? [])].sort();
    if (accounts.length > 0) {
      const id = `a${ids.get(path)!.slice(1)}`;
      const named = accounts.slice(0, ACCOUNTS_NAMED).join(', ');
      const more = accounts.length > ACCOUNTS_NAMED ? ` +${accounts.length - ACCOUNTS_NAMED} more` : '';
      mermaidNodes.push({
        id,
        lines: [plural(accounts.length, 'account'), `${named}${more}`],
        shape: 'stadium',
      });
      edges.push({ from: ids.get(path)!, to: id });
    }
  }
  for (const m of moves) {
    const from = ids.get(m.from);
    const to = ids.get(m.to);
    if (from && to) edges.push({ from, to, label: `moves ${m.account}`, dashed: true });
  }
  if (folded > 0) {
    mermaidNodes.push({
      id: 'more',
      lines: [`${plural(folded, 'more OU')} with changes: see the tables`],
      style: 'quiet',
    });
    edges.push({ from: ids.get('/') ?? 'o0', to: 'more', dashed: true });
  }
  return mermaidFlowchart(mermaidNodes, edges);
}

/** The OU an account-level guardrail target sits in after the plan. */
function accountPath(plan: Plan, label: string): string {
  const name = label.replace(/ \(.*\)$/, '');
  const inside = /\(([^()]*)\)$/.exec(label)?.[1];
  const account = plan.reviewContext.desired.accounts.find(
    (a) => a.id === inside || a.email === inside || a.name === name,
  );
  return account?.parentPath ?? UNKNOWN_OU;
}
