import { type DesiredState, FullAWSAccess, isAccountTarget, matchesPattern, SCP } from '@orgops/model';
import type { PlanBuilder } from './builder.ts';

/**
 * A policy the config attaches, and FullAWSAccess wherever SCPs are managed, must not match an
 * `ignore.policies` pattern. Validation catches this for the config's own policies; AWS-managed
 * ones are only known by name, and a broad pattern (`'*AWS*'`) would make orgops re-attach
 * FullAWSAccess where it already is (DuplicatePolicyAttachmentException on every apply) and never
 * detach it from an allow-list OU (AWS attaches it to every new target).
 */
export function checkIgnoredPolicies(desired: DesiredState, out: PlanBuilder): void {
  const patterns = desired.ignore.policies ?? [];
  const names = new Set(desired.attachments.map((a) => a.policyName));
  if (desired.policyTypes.includes(SCP)) names.add(FullAWSAccess.name);
  for (const name of names) {
    const i = patterns.findIndex((p) => matchesPattern(name, p));
    if (i < 0) continue;
    const targets = desired.attachments.filter((x) => x.policyName === name).map((x) => x.target);
    const ou = desired.ous.find((o) => targets.includes(o.path));
    const account = desired.accounts.find((x) => targets.includes(`account:${x.email}`));
    const where = targets.length
      ? `which the config attaches to ${targets.map(label).join(', ')}`
      : 'which AWS attaches to every new root, OU and account';
    out.error('ignore-matches-attached-policy', {
      message: `ignore.policies pattern "${patterns[i]}" matches ${name}, ${where}; orgops never attaches or detaches an ignored policy, so those attachments could never be planned.`,
      path: `ignore.policies[${i}]`,
      value: patterns[i],
      site: ou?.site ?? account?.site ?? desired.attachments.find((a) => a.policyName === name)?.site,
      fix: `Narrow the pattern so it does not match ${name} (Control Tower's SCPs are 'aws-guardrails-*').`,
    });
  }
}

function label(target: string): string {
  if (target === '/') return 'the root';
  return isAccountTarget(target) ? target.slice('account:'.length) : target;
}
