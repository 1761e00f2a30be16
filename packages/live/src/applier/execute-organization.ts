import type {
  AccountClose,
  AccountCreate,
  AccountMove,
  OuCreate,
  OuUpdate,
  PolicyAttachment,
  PolicyUpdate,
  TagDiff,
} from '@orgops/engine';
import { isServiceError } from '../ports.ts';
import { type ApplyContext, AsyncRequestFailed } from './apply-context.ts';
import type { Executed, Executors, OrganizationsKind } from './executor.ts';

async function applyTags(
  tag: (tags: Record<string, string>) => Promise<void>,
  untag: (keys: readonly string[]) => Promise<void>,
  diff: TagDiff | undefined,
): Promise<void> {
  if (!diff) return;
  if (Object.keys(diff.set).length > 0) await tag({ ...diff.set });
  if (diff.remove.length > 0) await untag(diff.remove);
}

async function createOu(ctx: ApplyContext, c: OuCreate): Promise<Executed> {
  const parentId = ctx.ouId(c.parentPath);
  const ou = await ctx.retrying(() =>
    ctx.backend.organizations.createOrganizationalUnit(parentId, c.name, c.tags),
  );
  ctx.ous.add(ou.id, c.name, parentId);
  return {};
}

async function updateOu(ctx: ApplyContext, c: OuUpdate): Promise<Executed> {
  const org = ctx.backend.organizations;
  // `path` is where the OU was when the plan was made; a parent renamed earlier in this apply
  // does not change which OU that is.
  const id = ctx.ous.idAsPlanned(c.path);
  if (c.rename) {
    const rename = c.rename;
    await ctx.retrying(() => org.updateOrganizationalUnit(id, rename.to));
    ctx.ous.rename(id, rename.to);
  }
  await applyTags(
    (tags) => ctx.retrying(() => org.tagResource(id, tags)),
    (keys) => ctx.retrying(() => org.untagResource(id, keys)),
    c.tags,
  );
  return {};
}

/**
 * CreateAccount, polled to completion, then MoveAccount from the root (where AWS puts every new
 * account) to its OU. The caller keeps at most 5 of these in progress.
 */
async function createAccount(ctx: ApplyContext, c: AccountCreate): Promise<Executed> {
  const org = ctx.backend.organizations;
  const started = await org.createAccount({ email: c.email, name: c.name, tags: c.tags });
  const final = await ctx.poll(
    c.address,
    `account ${c.name} to be created`,
    started,
    () => ctx.retrying(() => org.describeCreateAccountStatus(started.requestId)),
    (s) => s.state !== 'IN_PROGRESS',
  );
  if (final.state === 'FAILED' || !final.accountId)
    throw new AsyncRequestFailed(
      'create-account-failed',
      `CreateAccount for ${c.name} <${c.email}> failed: ${final.failureReason ?? 'no reason given'}.`,
      'organizations:CreateAccount',
      final.failureReason,
    );
  const accountId = final.accountId;
  ctx.addAccount(c.email, accountId, ctx.rootId);
  if (c.parentPath !== '/') {
    const destination = ctx.ouId(c.parentPath);
    await ctx.retrying(() => org.moveAccount(accountId, ctx.rootId, destination));
    ctx.setAccountParent(accountId, destination);
  }
  return { note: `account id ${accountId}` };
}

async function moveAccount(ctx: ApplyContext, c: AccountMove): Promise<Executed> {
  const id = ctx.accountId(c.account);
  const source = ctx.accountParent(id);
  const destination = ctx.ouId(c.toPath);
  if (source === destination) return { note: `already in ${c.toPath}` };
  await ctx.retrying(() => ctx.backend.organizations.moveAccount(id, source, destination));
  ctx.setAccountParent(id, destination);
  return {};
}

/** CloseAccount, waiting (by polling the account list) while AWS's 3 concurrent closures are in progress. */
async function closeAccount(ctx: ApplyContext, c: AccountClose): Promise<Executed> {
  const org = ctx.backend.organizations;
  const id = ctx.accountId(c.account);
  const state = ctx.accountState(id);
  if (state && state !== 'ACTIVE') return { skipped: true, note: `account is already ${state}` };
  for (let attempt = 0; ; attempt++) {
    try {
      await org.closeAccount(id);
      ctx.setAccountState(id, 'PENDING_CLOSURE');
      return {};
    } catch (err) {
      const busy =
        isServiceError(err, 'ConstraintViolationException') &&
        err.reason === 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED';
      if (!busy || attempt >= ctx.maxPolls) throw err;
      await ctx.poll(
        c.address,
        'an earlier account closure to finish',
        false,
        async () => (await org.listAccounts()).filter((a) => a.state === 'PENDING_CLOSURE').length < 3,
        (free) => free,
      );
    }
  }
}

async function attachment(ctx: ApplyContext, c: PolicyAttachment): Promise<Executed> {
  const org = ctx.backend.organizations;
  const policyId = ctx.policyId(c.policyType, c.policyName);
  const targetId = ctx.targetId(c.target);
  await ctx.retrying(() =>
    c.action === 'attach' ? org.attachPolicy(policyId, targetId) : org.detachPolicy(policyId, targetId),
  );
  return {};
}

async function updatePolicy(ctx: ApplyContext, c: PolicyUpdate): Promise<Executed> {
  const org = ctx.backend.organizations;
  if (c.rename || c.description || c.content) {
    await ctx.retrying(() =>
      org.updatePolicy({
        policyId: c.id,
        ...(c.rename ? { name: c.rename.to } : {}),
        ...(c.description ? { description: c.description.after } : {}),
        ...(c.content ? { content: c.content.after } : {}),
      }),
    );
  }
  if (c.rename) ctx.setPolicy(c.policyType, c.rename.to, c.id);
  await applyTags(
    (tags) => ctx.retrying(() => org.tagResource(c.id, tags)),
    (keys) => ctx.retrying(() => org.untagResource(c.id, keys)),
    c.tags,
  );
  return {};
}

/** The executor of every Organizations change kind. */
export const ORGANIZATIONS_EXECUTORS: Executors<OrganizationsKind> = {
  'policy-type': async (ctx, c) => {
    const org = ctx.backend.organizations;
    if (c.action === 'enable') await ctx.retrying(() => org.enablePolicyType(ctx.rootId, c.policyType));
    else await ctx.retrying(() => org.disablePolicyType(ctx.rootId, c.policyType));
    // Enabling and disabling are asynchronous: the root shows PENDING_* until done.
    const settled = (roots: Awaited<ReturnType<typeof org.listRoots>>) => {
      const status = roots[0]?.policyTypes.find((t) => t.type === c.policyType)?.status;
      return c.action === 'enable' ? status === 'ENABLED' : status === undefined;
    };
    await ctx.poll(
      c.address,
      `${c.policyType} to be ${c.action}d`,
      await org.listRoots(),
      () => org.listRoots(),
      settled,
    );
    return {};
  },
  'trusted-service': async (ctx, c) => {
    const org = ctx.backend.organizations;
    if (c.action === 'enable') await ctx.retrying(() => org.enableAWSServiceAccess(c.servicePrincipal));
    else await ctx.retrying(() => org.disableAWSServiceAccess(c.servicePrincipal));
    return {};
  },
  'delegated-admin': async (ctx, c) => {
    const org = ctx.backend.organizations;
    const id = ctx.accountId(c.account);
    if (c.action === 'register')
      await ctx.retrying(() => org.registerDelegatedAdministrator(id, c.servicePrincipal));
    else await ctx.retrying(() => org.deregisterDelegatedAdministrator(id, c.servicePrincipal));
    return {};
  },
  'ou-create': createOu,
  'ou-update': updateOu,
  'ou-delete': async (ctx, c) => {
    await ctx.retrying(() => ctx.backend.organizations.deleteOrganizationalUnit(c.id));
    ctx.ous.remove(c.id);
    return {};
  },
  'account-create': createAccount,
  'account-move': moveAccount,
  'account-tag': async (ctx, c) => {
    const org = ctx.backend.organizations;
    const id = ctx.accountId(c.account);
    await applyTags(
      (tags) => ctx.retrying(() => org.tagResource(id, tags)),
      (keys) => ctx.retrying(() => org.untagResource(id, keys)),
      c.tags,
    );
    return {};
  },
  'account-close': closeAccount,
  'policy-create': async (ctx, c) => {
    const created = await ctx.retrying(() =>
      ctx.backend.organizations.createPolicy({
        type: c.policyType,
        name: c.name,
        description: c.description,
        content: c.content,
        tags: c.tags,
      }),
    );
    ctx.setPolicy(c.policyType, c.name, created.id);
    return {};
  },
  'policy-update': updatePolicy,
  'policy-delete': async (ctx, c) => {
    await ctx.retrying(() => ctx.backend.organizations.deletePolicy(c.id));
    return {};
  },
  'policy-attachment': attachment,
};
