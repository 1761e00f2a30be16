import { LIMITS, type Tags } from '@orgops/model';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import {
  DEFAULT_POLICY_BY_TYPE,
  nextId,
  type SandboxAccount,
  type SandboxCreateAccountRequest,
  type SandboxOu,
  type SandboxPolicy,
} from './state.ts';

const SVC = 'organizations';

export function findAccount(ctx: SandboxContext, op: string, id: string): SandboxAccount {
  const account = ctx.state.accounts.find((a) => a.id === id);
  if (!account)
    throw awsError(SVC, op, 'AccountNotFoundException', `Account ${id} is not in the organization.`);
  return account;
}

/**
 * A member account for an operation AWS refuses on the management account, with the
 * ConstraintViolationException `reason` it gives for that operation.
 */
export function findMemberAccount(
  ctx: SandboxContext,
  op: string,
  id: string,
  refusal: { readonly message: string; readonly reason: string },
): SandboxAccount {
  const account = findAccount(ctx, op, id);
  if (account.id === ctx.state.organization.managementAccountId)
    throw awsError(SVC, op, 'ConstraintViolationException', refusal.message, refusal.reason);
  return account;
}

export function findOu(ctx: SandboxContext, op: string, id: string): SandboxOu {
  const ou = ctx.state.ous.find((o) => o.id === id);
  if (!ou) throw awsError(SVC, op, 'OrganizationalUnitNotFoundException', `No organizational unit ${id}.`);
  return ou;
}

export function findPolicy(ctx: SandboxContext, op: string, id: string): SandboxPolicy {
  const policy = ctx.state.policies.find((p) => p.id === id);
  if (!policy) throw awsError(SVC, op, 'PolicyNotFoundException', `No policy ${id}.`);
  return policy;
}

export function isParent(ctx: SandboxContext, id: string): boolean {
  return id === ctx.state.root.id || ctx.state.ous.some((o) => o.id === id);
}

export function isTarget(ctx: SandboxContext, id: string): boolean {
  return isParent(ctx, id) || ctx.state.accounts.some((a) => a.id === id);
}

/** Every root, OU and account id: the targets a policy type applies to. */
export function allTargets(ctx: SandboxContext): string[] {
  return [ctx.state.root.id, ...ctx.state.ous.map((o) => o.id), ...ctx.state.accounts.map((a) => a.id)];
}

/** Levels below the root: a top-level OU has depth 1. */
export function ouDepth(ctx: SandboxContext, parentId: string): number {
  let depth = 0;
  let current = parentId;
  while (current !== ctx.state.root.id) {
    const ou = ctx.state.ous.find((o) => o.id === current);
    if (!ou) break;
    depth += 1;
    current = ou.parentId;
  }
  return depth;
}

/** AWS attaches FullAWSAccess (and RCPFullAWSAccess) to every new target of an enabled type. */
export function attachDefaults(ctx: SandboxContext, targetId: string): void {
  for (const type of ctx.state.root.enabledPolicyTypes) {
    const policyId = DEFAULT_POLICY_BY_TYPE[type];
    const policy = ctx.state.policies.find((p) => p.id === policyId);
    if (policy && !policy.targets.includes(targetId)) policy.targets.push(targetId);
  }
}

export function detachEverything(ctx: SandboxContext, targetId: string): void {
  for (const policy of ctx.state.policies) policy.targets = policy.targets.filter((t) => t !== targetId);
}

/** Tags object of any taggable resource, or a TargetNotFoundException. */
export function taggable(ctx: SandboxContext, op: string, id: string): { tags: Tags } {
  if (id === ctx.state.root.id) return ctx.state.root;
  const found =
    ctx.state.ous.find((o) => o.id === id) ??
    ctx.state.accounts.find((a) => a.id === id) ??
    ctx.state.policies.find((p) => p.id === id && !p.awsManaged);
  if (!found) throw awsError(SVC, op, 'TargetNotFoundException', `No taggable resource ${id}.`);
  return found;
}

export function checkTags(op: string, existing: Tags, added: Tags): Tags {
  const merged = { ...existing, ...added };
  for (const [key, value] of Object.entries(added)) {
    if (key.length < 1 || key.length > LIMITS.organizations.maxTagKeyLength)
      throw awsError(
        SVC,
        op,
        'InvalidInputException',
        `Tag key "${key}" must be 1-128 characters.`,
        'INVALID_INPUT',
      );
    if (value.length > LIMITS.organizations.maxTagValueLength)
      throw awsError(
        SVC,
        op,
        'InvalidInputException',
        `Tag value for "${key}" is over 256 characters.`,
        'MAX_LENGTH_EXCEEDED',
      );
  }
  if (Object.keys(merged).length > LIMITS.organizations.maxTagsPerResource)
    throw awsError(
      SVC,
      op,
      'ConstraintViolationException',
      `A resource can have at most ${LIMITS.organizations.maxTagsPerResource} tags.`,
      'MAX_TAG_LIMIT_EXCEEDED',
    );
  return merged;
}

/** Members that count against the account quota: everything not yet permanently closed. */
export function accountsCounted(ctx: SandboxContext): number {
  return ctx.state.accounts.filter((a) => a.state !== 'CLOSED').length;
}

/** The effect of a CreateAccount request when it completes: the account, or why it failed. */
export function completeCreateAccount(ctx: SandboxContext, r: SandboxCreateAccountRequest): void {
  const s = ctx.state;
  const email = r.email.toLowerCase();
  if (s.accounts.some((a) => a.email.toLowerCase() === email)) {
    r.state = 'FAILED';
    r.failureReason = 'EMAIL_ALREADY_EXISTS';
    return;
  }
  if (accountsCounted(ctx) >= s.quotas.maxAccounts) {
    r.state = 'FAILED';
    r.failureReason = 'ACCOUNT_LIMIT_EXCEEDED';
    return;
  }
  const id = String(100_000_000_000 + nextId(s, 'account'));
  s.accounts.push({
    id,
    name: r.name,
    email: r.email,
    state: 'ACTIVE',
    parentId: s.root.id,
    tags: { ...r.tags },
    joinedMethod: 'CREATED',
  });
  attachDefaults(ctx, id);
  r.state = 'SUCCEEDED';
  r.accountId = id;
}
