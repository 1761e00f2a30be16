import { SCP } from '../../policy.ts';
import { defineRule } from '../rule.ts';
import { policyTargets } from '../targets.ts';

/** AWS refuses to leave a target without an SCP, so a plan that would do so could never apply. */
export const scpMissing = defineRule(
  {
    code: 'scp-missing',
    severity: 'error',
    description:
      'With SCPs enabled, the root and every OU and account have at least one SCP (own or from defaultPolicies).',
  },
  (ctx) => {
    if (!ctx.config.policyTypes.includes(SCP)) return [];
    const covered = new Set(ctx.desired.attachments.filter((a) => a.policyType === SCP).map((a) => a.target));
    const hasDefault = (ctx.config.defaultPolicies?.[SCP] ?? []).length > 0;
    return policyTargets(ctx).flatMap((target) =>
      covered.has(target.key)
        ? []
        : [
            {
              message: `${target.label} would have no SCP attached; AWS requires at least one SCP on every root, OU and account and refuses to detach the last one.`,
              path: `${target.path}.policies`,
              site: target.site,
              value: [],
              fix: hasDefault
                ? `Attach an SCP to ${target.label}.`
                : `Attach an SCP to ${target.label}, or give every target without its own SCP a default: defineOrganization({ ..., defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] } }) (FullAWSAccess is exported by @orgops/model and is what AWS attaches by default).`,
            },
          ],
    );
  },
);
