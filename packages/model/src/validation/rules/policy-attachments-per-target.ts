import { RCP_FULL_AWS_ACCESS } from '../../aws-managed-policies.ts';
import { policyTypeLimits } from '../../limits.ts';
import { policyTypeLabel, RCP } from '../../policy.ts';
import { LIMITS_NOTE, quoteList } from '../messages.ts';
import { defineRule } from '../rule.ts';
import { policyTargets } from '../targets.ts';

/** AWS attaches RCPFullAWSAccess to every target and it counts toward the RCP limit. */
const RCP_FULL_ACCESS = RCP_FULL_AWS_ACCESS.name;

export const policyAttachmentsPerTarget = defineRule(
  {
    code: 'policy-attachments-per-target',
    severity: 'error',
    description:
      "Direct attachments of one policy type on a root, OU or account (defaults included, and the implicit RCPFullAWSAccess) stay within the type's per-target maximum.",
  },
  (ctx) => {
    // target -> policy type -> attached policy names
    const byTarget = new Map<string, Map<string, string[]>>();
    for (const a of ctx.desired.attachments) {
      const types = byTarget.get(a.target) ?? new Map<string, string[]>();
      byTarget.set(a.target, types);
      types.set(a.policyType, [...(types.get(a.policyType) ?? []), a.policyName]);
    }
    const rcpEnabled = ctx.config.policyTypes.includes(RCP);
    return policyTargets(ctx).flatMap((target) => {
      const attached = byTarget.get(target.key) ?? new Map<string, string[]>();
      const types = new Set(attached.keys());
      if (rcpEnabled) types.add(RCP);
      return [...types].flatMap((type) => {
        const names = attached.get(type) ?? [];
        const implicit = type === RCP && rcpEnabled && !names.includes(RCP_FULL_ACCESS) ? 1 : 0;
        const count = names.length + implicit;
        const max = policyTypeLimits(type).maxPerTarget;
        if (count <= max) return [];
        return [
          {
            message: `${target.label} has ${count} ${policyTypeLabel(type)}s attached directly (${quoteList(names, 12)}${implicit ? `, plus ${RCP_FULL_ACCESS} which AWS attaches and counts` : ''}); ${type} allows at most ${max} per target ${LIMITS_NOTE}.`,
            path: `${target.path}.policies`,
            site: target.site,
            value: count,
            fix: `Attach at most ${max}: merge policies into fewer documents, or move shared policies up to the parent OU or the root (inherited policies do not count toward the limit).`,
          },
        ];
      });
    });
  },
);
