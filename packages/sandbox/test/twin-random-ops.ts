import { type AsyncStatus, isServiceError } from '@orgops/live';
import fc from 'fast-check';
import type { SandboxBackend } from '../src/index.ts';
import { createAccount, doc, INSTANCE, MGMT, RCP, ROOT, rcpDoc, SCP, STORE } from './helpers.ts';

/** Polls an Identity Center request until it completes. */
export const settled = async (
  sb: SandboxBackend,
  s: Promise<AsyncStatus>,
  kind: 'create' | 'delete' | 'provision',
) => {
  const started = await s;
  const describe =
    kind === 'create'
      ? sb.ssoAdmin.describeAccountAssignmentCreationStatus
      : kind === 'delete'
        ? sb.ssoAdmin.describeAccountAssignmentDeletionStatus
        : sb.ssoAdmin.describePermissionSetProvisioningStatus;
  let status = started;
  while (status.status === 'IN_PROGRESS') status = await describe(INSTANCE, started.requestId);
  return status;
};

export type Op = (sb: SandboxBackend) => Promise<unknown>;

/** AWS refusing a random call is part of the game. */
export async function tolerate(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (!isServiceError(err)) throw err;
  }
}

const parents = (sb: SandboxBackend) => [ROOT, ...sb.exportState().ous.map((o) => o.id)];
const targets = (sb: SandboxBackend) => [...parents(sb), ...sb.exportState().accounts.map((a) => a.id)];
const members = (sb: SandboxBackend) =>
  sb
    .exportState()
    .accounts.map((a) => a.id)
    .filter((id) => id !== MGMT);
const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];

/** One random call on the sandbox, as data fast-check can shrink. */
export const operation: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ parent: fc.nat(), name: fc.constantFrom('X', 'Y', 'Z') }).map(
    ({ parent, name }): Op =>
      (sb) =>
        sb.organizations.createOrganizationalUnit(pick(parents(sb), parent) ?? ROOT, name, { n: name }),
  ),
  fc.record({ n: fc.nat(99), to: fc.nat() }).map(
    ({ n, to }): Op =>
      async (sb) => {
        if (sb.exportState().accounts.some((a) => a.name === `acct-${n}`)) return;
        const id = await createAccount(sb, `acct-${n}`);
        await sb.organizations.moveAccount(id, ROOT, pick(parents(sb), to) ?? ROOT);
      },
  ),
  fc.record({ type: fc.constantFrom(SCP, RCP), n: fc.nat(5), target: fc.nat() }).map(
    ({ type, n, target }): Op =>
      async (sb) => {
        const content = type === SCP ? doc(`s3:Get${n}`) : rcpDoc(`s3:Get${n}`);
        const existing = sb.exportState().policies.find((p) => p.type === type && p.name === `p${n}`);
        const id =
          existing?.id ??
          (await sb.organizations.createPolicy({ type, name: `p${n}`, description: '', content, tags: {} }))
            .id;
        await sb.organizations.attachPolicy(id, pick(targets(sb), target) ?? ROOT);
      },
  ),
  fc.constantFrom(RCP, 'TAG_POLICY').map(
    (type): Op =>
      (sb) =>
        sb.organizations.enablePolicyType(ROOT, type),
  ),
  fc
    .record({
      ps: fc.constantFrom('One', 'Two'),
      account: fc.nat(),
      group: fc.constantFrom('developers', 'read-only'),
    })
    .map(
      ({ ps, account, group }): Op =>
        async (sb) => {
          const existing = sb.exportState().identityCenter?.permissionSets.find((p) => p.name === ps);
          const arn =
            existing?.arn ??
            (await sb.ssoAdmin.createPermissionSet(INSTANCE, { name: ps, sessionDuration: 'PT1H', tags: {} }))
              .arn;
          const groupId = (await sb.identityStore.getGroupId(STORE, group)) ?? '';
          const accountId = pick(members(sb), account);
          if (!accountId) return;
          await settled(
            sb,
            sb.ssoAdmin.createAccountAssignment(INSTANCE, {
              accountId,
              permissionSetArn: arn,
              principalType: 'GROUP',
              principalId: groupId,
            }),
            'create',
          );
        },
    ),
  fc.constantFrom('One', 'Two').map(
    (ps): Op =>
      async (sb) => {
        const arn = sb.exportState().identityCenter?.permissionSets.find((p) => p.name === ps)?.arn;
        if (arn)
          await sb.ssoAdmin.attachManagedPolicyToPermissionSet(
            INSTANCE,
            arn,
            'arn:aws:iam::aws:policy/ViewOnlyAccess',
          );
      },
  ),
  fc.nat().map(
    (account): Op =>
      async (sb) => {
        const id = pick(members(sb), account);
        if (id) await sb.organizations.closeAccount(id);
      },
  ),
);
