import {
  type AssignmentChange,
  type PermissionSetCreate,
  type PermissionSetFields,
  type PermissionSetProvision,
  type PermissionSetUpdate,
  permissionSetPolicySwaps,
} from '@orgops/engine';
import type { AsyncStatus } from '../ports.ts';
import { type ApplyContext, AsyncRequestFailed, NotStarted } from './apply-context.ts';
import type { Executed, Executors, IdentityCenterGates, IdentityCenterKind } from './executor.ts';

const INACTIVE = new Set(['SUSPENDED', 'PENDING_CLOSURE', 'CLOSED']);

type Ref = { readonly name: string; readonly path: string };
const refKey = (r: Ref) => `${r.path}${r.name}`;

/** Brings a permission set from `before` to `after`, field by field (only fields present in either). */
async function writeFields(
  ctx: ApplyContext,
  arn: string,
  before: Partial<PermissionSetFields>,
  after: Partial<PermissionSetFields>,
): Promise<void> {
  const sso = ctx.backend.ssoAdmin;
  const instance = ctx.instanceArn;
  const has = (field: keyof PermissionSetFields) => field in after || field in before;

  if ('inlinePolicy' in after || 'inlinePolicy' in before) {
    if (after.inlinePolicy !== undefined)
      await ctx.retrying(() => sso.putInlinePolicyToPermissionSet(instance, arn, after.inlinePolicy!));
    else if (before.inlinePolicy !== undefined)
      await ctx.retrying(() => sso.deleteInlinePolicyFromPermissionSet(instance, arn));
  }
  // Detach first so the 25-policy quota is never exceeded midway (`permissionSetPolicySwaps`).
  if (has('managedPolicies')) {
    for (const { action, key: p } of permissionSetPolicySwaps(
      before.managedPolicies ?? [],
      after.managedPolicies ?? [],
    ))
      await ctx.retrying(() =>
        action === 'detach'
          ? sso.detachManagedPolicyFromPermissionSet(instance, arn, p)
          : sso.attachManagedPolicyToPermissionSet(instance, arn, p),
      );
  }
  if (has('customerManagedPolicies')) {
    const refs = new Map(
      [...(before.customerManagedPolicies ?? []), ...(after.customerManagedPolicies ?? [])].map((r) => [
        refKey(r),
        r,
      ]),
    );
    for (const { action, key } of permissionSetPolicySwaps(
      (before.customerManagedPolicies ?? []).map(refKey),
      (after.customerManagedPolicies ?? []).map(refKey),
    )) {
      const r = refs.get(key)!;
      await ctx.retrying(() =>
        action === 'detach'
          ? sso.detachCustomerManagedPolicyReferenceFromPermissionSet(instance, arn, r)
          : sso.attachCustomerManagedPolicyReferenceToPermissionSet(instance, arn, r),
      );
    }
  }
  if (has('permissionsBoundary')) {
    if (after.permissionsBoundary)
      await ctx.retrying(() =>
        sso.putPermissionsBoundaryToPermissionSet(instance, arn, after.permissionsBoundary!),
      );
    else if (before.permissionsBoundary)
      await ctx.retrying(() => sso.deletePermissionsBoundaryFromPermissionSet(instance, arn));
  }
  if (has('tags')) {
    const was = before.tags ?? {};
    const want = after.tags ?? {};
    const set = Object.fromEntries(Object.entries(want).filter(([k, v]) => was[k] !== v));
    const remove = Object.keys(was).filter((k) => !(k in want));
    if (Object.keys(set).length > 0) await ctx.retrying(() => sso.tagResource(instance, arn, set));
    if (remove.length > 0) await ctx.retrying(() => sso.untagResource(instance, arn, remove));
  }
}

async function createPermissionSet(ctx: ApplyContext, c: PermissionSetCreate): Promise<Executed> {
  const sso = ctx.backend.ssoAdmin;
  const a = c.after;
  const created = await ctx.retrying(() =>
    sso.createPermissionSet(ctx.instanceArn, {
      name: c.name,
      sessionDuration: a.sessionDuration,
      tags: a.tags,
      ...(a.description !== undefined ? { description: a.description } : {}),
      ...(a.relayState !== undefined ? { relayState: a.relayState } : {}),
    }),
  );
  ctx.setPermissionSet(c.name, created.arn);
  const { tags: _tags, description: _d, sessionDuration: _s, relayState: _r, ...rest } = a;
  await writeFields(ctx, created.arn, {}, rest);
  return {};
}

async function updatePermissionSet(ctx: ApplyContext, c: PermissionSetUpdate): Promise<Executed> {
  const sso = ctx.backend.ssoAdmin;
  const { before, after } = c;
  const basics = ['description', 'sessionDuration', 'relayState'] as const;
  // A field the update changes is in `before` or `after`; one set to nothing survives a saved
  // plan only in `before` (JSON drops undefined), so look at both.
  const changes = (f: (typeof basics)[number]) => f in after || f in before;
  if (basics.some(changes)) {
    const live = ctx.snapshot.identityCenter?.permissionSets.find((p) => p.arn === c.arn);
    const sessionDuration = after.sessionDuration ?? live?.sessionDuration ?? 'PT1H';
    // UpdatePermissionSet keeps the description when it is left out (it cannot be removed; the
    // planner refuses that) but clears the relay state when it is left out (TF#17411), so the
    // current relay state is sent back unless this update changes it.
    const description = changes('description') ? after.description : live?.description;
    const relayState = changes('relayState') ? after.relayState : live?.relayState;
    await ctx.retrying(() =>
      sso.updatePermissionSet(ctx.instanceArn, {
        arn: c.arn,
        sessionDuration,
        ...(description !== undefined ? { description } : {}),
        ...(relayState !== undefined ? { relayState } : {}),
      }),
    );
  }
  const strip = (f: Partial<PermissionSetFields>) => {
    const { description: _d, sessionDuration: _s, relayState: _r, ...rest } = f;
    return rest;
  };
  await writeFields(ctx, c.arn, strip(before), strip(after));
  return {};
}

function failedStatus(what: string, status: AsyncStatus, operation: string): AsyncRequestFailed {
  // A 200 from the call is not success: the failure only shows in the request status. Identity
  // Center's failure reasons are prose, not codes, so they stay in the message.
  return new AsyncRequestFailed(
    'async-failed',
    `${what} failed: ${status.failureReason ?? 'no reason given'}.`,
    operation,
  );
}

/** ProvisionPermissionSet per account (≤3 at once, one role update per account), polled to completion. */
async function provision(
  ctx: ApplyContext,
  c: PermissionSetProvision,
  gates: IdentityCenterGates,
): Promise<Executed> {
  const sso = ctx.backend.ssoAdmin;
  const arn = ctx.permissionSetArn(c.name);
  const skipped: string[] = [];
  const targets = c.accounts.filter((ref) => {
    const id = ctx.accountId(ref);
    const state = ctx.accountState(id);
    if (state && INACTIVE.has(state)) skipped.push(`${ref.name} (${state})`);
    return !(state && INACTIVE.has(state));
  });
  await Promise.all(
    targets.map((ref) => {
      const accountId = ctx.accountId(ref);
      return gates.perAccount.run(accountId, () =>
        gates.provisioning.run(async () => {
          const started = await ctx.retrying(
            () => sso.provisionPermissionSet(ctx.instanceArn, arn, accountId),
            ['ConflictException'],
          );
          const final = await ctx.poll(
            c.address,
            `${c.name} to be provisioned in ${ref.name}`,
            started,
            () =>
              ctx.retrying(() =>
                sso.describePermissionSetProvisioningStatus(ctx.instanceArn, started.requestId),
              ),
            (s) => s.status !== 'IN_PROGRESS',
          );
          if (final.status === 'FAILED')
            throw failedStatus(
              `Provisioning ${c.name} in ${ref.name} (${accountId})`,
              final,
              'sso-admin:ProvisionPermissionSet',
            );
        }),
      );
    }),
  );
  return skipped.length > 0 ? { note: `skipped inactive accounts: ${skipped.join(', ')}` } : {};
}

async function assignment(
  ctx: ApplyContext,
  c: AssignmentChange,
  gates: IdentityCenterGates,
): Promise<Executed> {
  const sso = ctx.backend.ssoAdmin;
  const accountId = ctx.accountId(c.account);
  const state = ctx.accountState(accountId);
  if (state && INACTIVE.has(state)) return { skipped: true, note: `account ${c.account.name} is ${state}` };
  const principalId = await ctx.principalId(c.principal);
  const arn = ctx.permissionSetArn(c.permissionSet);
  const info = { accountId, permissionSetArn: arn, principalType: c.principal.type, principalId };
  const what = `${c.action === 'create' ? 'Assigning' : 'Unassigning'} ${c.principal.name} / ${c.permissionSet} in ${c.account.name}`;
  return gates.perAccount.run(accountId, () =>
    gates.assignments.run(async () => {
      if (ctx.halted) throw new NotStarted(c.address);
      const instance = ctx.instanceArn;
      const started = await ctx.retrying(
        () =>
          c.action === 'create'
            ? sso.createAccountAssignment(instance, info)
            : sso.deleteAccountAssignment(instance, info),
        ['ConflictException'],
      );
      const final = await ctx.poll(
        c.address,
        what.toLowerCase(),
        started,
        () =>
          ctx.retrying(() =>
            c.action === 'create'
              ? sso.describeAccountAssignmentCreationStatus(instance, started.requestId)
              : sso.describeAccountAssignmentDeletionStatus(instance, started.requestId),
          ),
        (s) => s.status !== 'IN_PROGRESS',
      );
      if (final.status === 'FAILED')
        throw failedStatus(
          what,
          final,
          c.action === 'create' ? 'sso-admin:CreateAccountAssignment' : 'sso-admin:DeleteAccountAssignment',
        );
      return {};
    }),
  );
}

/** The executor of every Identity Center change kind. */
export const IDENTITY_CENTER_EXECUTORS: Executors<IdentityCenterKind> = {
  'permission-set-create': createPermissionSet,
  'permission-set-update': updatePermissionSet,
  'permission-set-delete': async (ctx, c) => {
    // Deprovisioning after the last assignment goes can lag; AWS answers ConflictException meanwhile.
    await ctx.retrying(
      () => ctx.backend.ssoAdmin.deletePermissionSet(ctx.instanceArn, c.arn),
      ['ConflictException'],
    );
    return {};
  },
  'permission-set-provision': provision,
  assignment,
};
