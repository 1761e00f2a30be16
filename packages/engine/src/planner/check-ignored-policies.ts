import { type DesiredState, isAccountTarget, matchesPattern } from '@orgops/model';
import type { PlanBuilder } from './builder.ts';

/**
 * A policy the config attaches must not match an `ignore.policies` pattern. Validation catches
 * this for the config's own policies; AWS-managed ones such as FullAWSAccess are only known by
 * name, and a broad pattern (`'*AWS*'`) would make orgops re-attach FullAWSAccess where it already
 * is (DuplicatePolicyAttachmentException on every apply) and never detach it from an allow-list
 * OU.
 */
export function checkIgnoredPolicies(desired: DesiredState, out: PlanBuilder): void {
  const patterns = desired.ignore.policies ?? [];
  const reported = new Set<string>();
  for (const a of desired.attachments) {
    const i = patterns.findIndex((p) => matchesPattern(a.policyName, p));
    if (i < 0 || reported.has(a.policyName)) continue;
    reported.add(a.policyName);
    const targets = desired.attachments.filter((x) => x.policyName === a.policyName).map((x) => x.target);
    const ou = desired.ous.find((o) => targets.includes(o.path));
    const account = desired.accounts.find((x) => targets.includes(`account:${x.email}`));
    out.error('ignore-matches-attached-policy', {
      message: `ignore.policies pattern "${patterns[i]}" matches ${a.policyName}, which the config attaches to ${targets.map((t) => (t === '/' ? 'the root' : isAccountTarget(t) ? t.slice('account:'.length) : t)).join(', ')}; orgops never attaches or detaches an ignored policy, so those attachments could never be planned.`,
      path: `ignore.policies[${i}]`,
      value: patterns[i],
      site: ou?.site ?? account?.site ?? a.site,
      fix: `Narrow the pattern so it does not match ${a.policyName} (Control Tower's SCPs are 'aws-guardrails-*').`,
    });
  }
}
