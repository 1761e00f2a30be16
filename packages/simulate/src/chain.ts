import {
  accountTarget,
  type DesiredAccount,
  type DesiredState,
  OrgopsError,
  ouPathNames,
  ouPathOf,
  RCP,
  SCP,
  type TargetKey,
} from '@orgops/model';
import { accountIdOf, findAccount } from './accounts.ts';
import type { SimulationIdentity } from './identity.ts';

/** One policy attached at a level, as the document AWS evaluates. */
export interface ChainPolicy {
  readonly name: string;
  readonly document: unknown;
}

/** One level of the path from the root to an account, and the policies attached directly to it. */
export interface ChainLevel {
  /** `/`, an OU path, or `account:<email>`: the config's target key. */
  readonly target: TargetKey;
  /** `root`, `/Workloads/Prod` or `account payments-prod`, as simulation results name levels. */
  readonly label: string;
  readonly policies: readonly ChainPolicy[];
}

/** The organization policies on the way from the root to one account. */
export interface AccountChain {
  readonly account: DesiredAccount;
  readonly accountId: string;
  /**
   * True for the management account: no SCP binds its principals and no RCP its resources
   * (aws-facts §5), whatever is attached on the way to it.
   */
  readonly management: boolean;
  /** Root first, account last. SCPs need an Allow at every level and a Deny at any level denies. */
  readonly serviceControlPolicies: readonly ChainLevel[];
  /** Root first, account last; AWS's RCPFullAWSAccess is implicit at every level. */
  readonly resourceControlPolicies: readonly ChainLevel[];
}

/**
 * The effective SCP and RCP chains of an account as the config places it: root → each OU on its
 * path → the account, with the documents attached at each level (FullAWSAccess where attached,
 * defaults included, since normalization already expanded `defaultPolicies`).
 *
 * @throws OrgopsError `simulation-account-unknown`, or `simulation-policy-unknown` when an
 *   attachment names a policy the config does not define.
 */
export function accountChain(desired: DesiredState, identity: SimulationIdentity, ref: string): AccountChain {
  const account = findAccount(desired, identity, ref);
  const targets = [...ouPathsOf(account.parentPath), accountTarget(account.email)];
  const levels = (type: string) =>
    targets.map((target) => ({
      target,
      label: levelLabel(target, account),
      policies: policiesAt(desired, target, type),
    }));
  return {
    account,
    accountId: accountIdOf(identity, account),
    management: account.management,
    serviceControlPolicies: levels(SCP),
    resourceControlPolicies: levels(RCP),
  };
}

/** `/`, then every OU path from the top down to `path`. */
function ouPathsOf(path: string): string[] {
  // Names may contain an escaped `/`: split with the model's path reader, never on the text.
  const names = ouPathNames(path);
  return ['/', ...names.map((_, i) => ouPathOf(names.slice(0, i + 1)))];
}

function levelLabel(target: TargetKey, account: DesiredAccount): string {
  if (target === '/') return 'root';
  if (target.startsWith('account:')) return `account ${account.name}`;
  return target;
}

function policiesAt(desired: DesiredState, target: TargetKey, type: string): ChainPolicy[] {
  return desired.attachments
    .filter((a) => a.target === target && a.policyType === type)
    .map((a) => {
      const policy = desired.policies.find((p) => p.type === type && p.name === a.policyName);
      if (!policy) {
        throw new OrgopsError(
          'simulation-policy-unknown',
          `${a.policyName} is attached at ${target} but the config defines no such ${type === SCP ? 'SCP' : 'RCP'}.`,
        );
      }
      return { name: policy.name, document: JSON.parse(policy.content) as unknown };
    });
}
