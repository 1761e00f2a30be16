import type { Account } from '../account.ts';
import { accountTarget, type TargetKey } from '../desired-state.ts';
import { type OrganizationalUnit, pathOf, type Root } from '../organization-unit.ts';
import type { OrganizationPolicy } from '../policy.ts';
import type { Site } from '../site.ts';
import { inert, keySegment, targetPath } from './paths.ts';
import type { RuleContext } from './rule.ts';

/** A root, OU or account that policies attach to. */
export interface PolicyTarget {
  readonly key: TargetKey;
  readonly path: string;
  /** For messages: `the root`, `OU /Workloads`, `account log-archive`. */
  readonly label: string;
  readonly node: Root | OrganizationalUnit | Account;
  readonly site?: Site;
}

export function policyTargets(ctx: RuleContext): PolicyTarget[] {
  const { config, collected } = ctx;
  const out: PolicyTarget[] = [
    { key: '/', path: 'root', label: 'the root', node: config.root, site: config.root.site },
  ];
  for (const ou of collected.ous) {
    out.push({ key: pathOf(ou), path: targetPath(ou), label: `OU ${pathOf(ou)}`, node: ou, site: ou.site });
  }
  for (const a of collected.accounts) {
    out.push({
      key: accountTarget(a.email),
      path: targetPath(a),
      label: `account ${a.name}`,
      node: a,
      site: a.site,
    });
  }
  return out;
}

/** One place a policy object is referenced from. */
export interface PolicyReference {
  readonly policy: OrganizationPolicy;
  /** e.g. `organizationalUnits[/Workloads/Prod].policies[deny-root-user]` */
  readonly path: string;
}

/** Every reference to a policy, in config order: root, OUs, accounts, `policies`, `defaultPolicies`. */
export function policyReferences(ctx: RuleContext): PolicyReference[] {
  const { config, collected } = ctx;
  const out: PolicyReference[] = [];
  const add = (base: string, list: readonly OrganizationPolicy[] | undefined): void => {
    for (const policy of list ?? []) out.push({ policy, path: `${base}[${inert(policy.name)}]` });
  };
  add('root.policies', config.root.policies);
  for (const ou of collected.ous) add(`${targetPath(ou)}.policies`, ou.policies);
  for (const a of collected.accounts) add(`${targetPath(a)}.policies`, a.policies);
  add('policies', config.policies);
  for (const [type, list] of Object.entries(config.defaultPolicies ?? {}))
    add(`defaultPolicies${keySegment(type)}`, list);
  return out;
}

/** The first reference of each distinct policy object: where policy-level findings are reported. */
export function distinctPolicies(ctx: RuleContext): PolicyReference[] {
  const seen = new Set<OrganizationPolicy>();
  return policyReferences(ctx).filter((ref) => {
    if (seen.has(ref.policy)) return false;
    seen.add(ref.policy);
    return true;
  });
}
