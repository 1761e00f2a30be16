import { policyTypeLabel } from '../../policy.ts';
import { plural, quoteList } from '../messages.ts';
import { defineRule } from '../rule.ts';
import { type PolicyReference, policyReferences } from '../targets.ts';

export const policyTypeNotEnabled = defineRule(
  {
    code: 'policy-type-not-enabled',
    severity: 'error',
    description:
      'Every policy type that is attached or listed is enabled in `policyTypes` (PolicyTypeNotEnabledException).',
  },
  (ctx) => {
    const enabled = new Set(ctx.config.policyTypes);
    const byType = new Map<string, PolicyReference[]>();
    for (const ref of policyReferences(ctx)) {
      if (enabled.has(ref.policy.type)) continue;
      byType.set(ref.policy.type, [...(byType.get(ref.policy.type) ?? []), ref]);
    }
    return [...byType].map(([type, refs]) => {
      const names = [...new Set(refs.map((r) => r.policy.name))];
      const first = refs[0]!;
      return {
        message: `${plural(names.length, `${policyTypeLabel(type)}`)} (${quoteList(names)}) ${names.length === 1 ? 'is' : 'are'} used but ${type} is not enabled in policyTypes.`,
        path: first.path,
        site: first.policy.site,
        value: type,
        fix: `Add '${type}' to \`policyTypes\` in defineOrganization(...), or stop using ${names.length === 1 ? 'that policy' : 'those policies'}.`,
      };
    });
  },
);
