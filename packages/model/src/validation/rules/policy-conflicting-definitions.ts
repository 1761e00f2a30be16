import { canonicalJson } from '../../canonical-json.ts';
import { minifiedContent, type OrganizationPolicy, policyTypeLabel } from '../../policy.ts';
import { formatSite } from '../../site.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies, type PolicyReference } from '../targets.ts';

/** Policies are keyed by type+name; two different definitions under one key would silently lose one. */
export const policyConflictingDefinitions = defineRule(
  {
    code: 'policy-conflicting-definitions',
    severity: 'error',
    description:
      'Two policy objects with the same type and name have the same content, description and tags.',
  },
  (ctx) => {
    const first = new Map<string, PolicyReference>();
    return distinctPolicies(ctx).flatMap((ref) => {
      const p = ref.policy;
      const key = `${p.type}/${p.name}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, ref);
        return [];
      }
      const differences = differing(earlier.policy, p);
      if (differences.length === 0) return [];
      return [
        {
          message: `${policyTypeLabel(p.type)} "${p.name}" is defined twice with different ${differences.join(' and ')}: here and at ${earlier.path}${earlier.policy.site ? ` (${formatSite(earlier.policy.site)})` : ''}.`,
          path: ref.path,
          site: p.site,
          value: p.name,
          fix: 'Define the policy once, export it, and import the same object everywhere it is attached; if both variants are intended, give them different names.',
        },
      ];
    });
  },
);

function differing(a: OrganizationPolicy, b: OrganizationPolicy): string[] {
  const out: string[] = [];
  if (minifiedContent(a.content) !== minifiedContent(b.content)) out.push('content');
  if ((a.description ?? '') !== (b.description ?? '')) out.push('description');
  if (canonicalJson(a.tags ?? {}) !== canonicalJson(b.tags ?? {})) out.push('tags');
  return out;
}
