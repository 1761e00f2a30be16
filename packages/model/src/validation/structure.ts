import { type Diagnostic, diagnostic } from '../diagnostic.ts';
import { LIMITS } from '../limits.ts';
import { isObject } from './readable-path.ts';

export const PARENT_CHAIN_CODE = 'ou-parent-cycle';

/**
 * Parent chains are walked recursively by the schema and by pathOf(), so a chain that never reaches
 * the root (a cycle built by hand in plain JavaScript) is reported before either runs. Chains are
 * cut off far beyond AWS's depth limit; `ou-depth` reports depths that are merely too deep.
 */
const MAX_CHAIN = LIMITS.organizations.maxOuDepth * 20;

export function parentChainDiagnostics(value: unknown): Diagnostic[] {
  if (!isObject(value)) return [];
  const starts: { readonly node: unknown; readonly path: string }[] = [];
  const list = (key: string): unknown[] => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
  const add = (nodes: unknown, path: string): void => {
    if (!Array.isArray(nodes)) return;
    for (const [i, node] of nodes.entries()) starts.push({ node, path: `${path}[${i}]` });
  };
  add(list('organizationalUnits'), 'organizationalUnits');
  add(list('accounts'), 'accounts');
  for (const [i, a] of list('assignments').entries()) {
    if (!isObject(a)) continue;
    add(a.targets, `assignments[${i}].targets`);
    add(a.exclude, `assignments[${i}].exclude`);
  }
  for (const [i, s] of list('trustedServices').entries()) {
    if (isObject(s))
      starts.push({ node: s.delegatedAdministrator, path: `trustedServices[${i}].delegatedAdministrator` });
  }

  const reported = new Set<unknown>();
  const out: Diagnostic[] = [];
  for (const { node, path } of starts) {
    const seen: unknown[] = [];
    let current: unknown = node;
    while (isObject(current) && current.kind !== 'root' && seen.length <= MAX_CHAIN) {
      if (seen.includes(current)) break;
      seen.push(current);
      current = current.parent;
    }
    const cyclic = isObject(current) && seen.includes(current);
    if (!cyclic && seen.length <= MAX_CHAIN) continue;
    const culprit = cyclic ? current : seen[seen.length - 1];
    if (reported.has(culprit)) continue;
    // Every member of a cycle is reported through the first chain that reaches it.
    for (const member of cyclic ? seen.slice(seen.indexOf(current)) : [culprit]) reported.add(member);
    const names = seen.map((n) => (isObject(n) && typeof n.name === 'string' ? n.name : '?'));
    out.push(
      diagnostic('error', PARENT_CHAIN_CODE, {
        message: cyclic
          ? `The parent chain of ${path} never reaches the root: ${names.join(' -> ')} -> ${isObject(current) && typeof current.name === 'string' ? current.name : '?'} is a cycle.`
          : `The parent chain of ${path} is more than ${MAX_CHAIN} levels long without reaching the root.`,
        path: `${path}.parent`,
        value: names,
        fix: "Build OUs top-down with organizationalUnit('Name', { parent }) so every chain ends at organizationRoot(); never assign `parent` after creation.",
      }),
    );
  }
  return out;
}
