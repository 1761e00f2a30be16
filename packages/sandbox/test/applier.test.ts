import type { Change, PhaseName, Plan, Snapshot } from '@orgops/engine';
import { readSnapshot } from '@orgops/live';
import { account, FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
import { managementIn, testOrganization } from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import type { SandboxBackend } from '../src/index.ts';
import { planFor } from './e2e-helpers.ts';
import { accountCreate, apply, developersReadOnly, handPlan } from './hand-plan.ts';
import { createAccount, doc, INSTANCE, MGMT, ROOT, SCP, sandbox, suspendAccount } from './helpers.ts';

describe('freshness', () => {
  const config = () => {
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const workloads = organizationalUnit('Workloads', { parent: root });
    return testOrganization({
      root,
      organizationalUnits: [workloads],
      accounts: [managementIn(root), account({ name: 'app', email: 'app@example.com', parent: workloads })],
    });
  };

  it('refuses a stale plan and names every object that changed', async () => {
    const sb = sandbox();
    const p = await planFor(sb, config());
    await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', {});
    await createAccount(sb, 'app', 'app@example.com');
    const before = sb.exportState();
    const err = await apply(sb, p).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'plan-stale', source: 'user' });
    expect((err as Error).message).toContain('ou/Workloads');
    expect((err as Error).message).toContain('account/app@example.com');
    // Nothing was changed.
    expect(sb.exportState().ous).toEqual(before.ous);
  });

  it('refuses a plan made for another organization', async () => {
    const sb = sandbox();
    const p = await planFor(sb, config());
    const foreign: Plan = { ...p, target: { ...p.target, organizationId: 'o-other000001' } };
    await expect(apply(sb, foreign)).rejects.toMatchObject({ code: 'plan-foreign', source: 'user' });
    expect(sb.exportState().ous).toEqual([]);
  });
});

describe('execution rules', () => {
  it('keeps at most 5 CreateAccount requests in progress and moves new accounts to their OU', async () => {
    const sb = sandbox({ asyncPolls: 3 });
    await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', {});
    const p = await handPlan(
      sb,
      Array.from({ length: 8 }, (_, i) => accountCreate(i, '/Workloads')),
    );
    const result = await apply(sb, p);
    expect(result.counts).toEqual({ done: 8, skipped: 0, failed: 0, 'not-started': 0 });
    expect(result.stats.calls['organizations:CreateAccount']).toBe(8);
    expect(result.stats.calls['organizations:MoveAccount']).toBe(8);
    const state = sb.exportState();
    const ou = state.ous[0]!.id;
    expect(state.accounts.filter((a) => a.parentId === ou)).toHaveLength(8);
  });

  it('attaches before detaching on one target, so the last SCP is never removed', async () => {
    const sb = sandbox();
    await sb.organizations.createPolicy({
      type: SCP,
      name: 'guard',
      description: '',
      content: doc(),
      tags: {},
    });
    const attachment = (action: 'attach' | 'detach', policyName: string): [PhaseName, Change] => [
      'attachments',
      {
        kind: 'policy-attachment',
        action,
        policyType: SCP,
        policyName,
        target: { kind: 'root' },
        address: `attachment/${SCP}/${policyName}@/`,
      },
    ];
    const result = await apply(
      sb,
      await handPlan(sb, [attachment('attach', 'guard'), attachment('detach', 'FullAWSAccess')]),
    );
    expect(result.ok).toBe(true);
    expect(sb.exportState().policies.find((x) => x.name === 'FullAWSAccess')!.targets).toEqual([MGMT]);
  });

  it('waits for earlier closures when more than 3 accounts close', async () => {
    const sb = sandbox({ asyncPolls: 1, closeTicks: 4 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createAccount(sb, `old${i}`));
    const closes = ids.map((id, i): [PhaseName, Change] => [
      'close-accounts',
      {
        kind: 'account-close',
        action: 'close',
        account: { id, email: `old${i}@example.com`, name: `old${i}` },
        closeReason: 'test',
        address: `account/old${i}@example.com`,
      },
    ]);
    const result = await apply(sb, await handPlan(sb, closes));
    expect(result.counts.done).toBe(5);
    expect(sb.exportState().accounts.filter((a) => a.state !== 'ACTIVE')).toHaveLength(5);
  });

  it('skips suspended accounts with a note, and reports a FAILED assignment status as a failure', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const suspended = await createAccount(sb, 'gone');
    const active = await createAccount(sb, 'live');
    await sb.ssoAdmin.createPermissionSet(INSTANCE, { name: 'RO', sessionDuration: 'PT1H', tags: {} });
    suspendAccount(sb, suspended);
    const assignment = developersReadOnly;
    const p = await handPlan(sb, [assignment(suspended, 'gone'), assignment(active, 'live')]);
    const skipped = await apply(sb, p);
    expect(skipped.outcomes.map((o) => [o.address, o.status, o.note])).toEqual([
      ['assignment/GROUP:developers/RO/gone@example.com', 'skipped', 'account gone is SUSPENDED'],
      ['assignment/GROUP:developers/RO/live@example.com', 'done', undefined],
    ]);

    // The freshness read claims the account is ACTIVE, but it is suspended by the time the role is made.
    const lying = async (backend: SandboxBackend): Promise<Snapshot> => {
      const snap = await readSnapshot(backend, { principals: [{ type: 'GROUP', name: 'developers' }] });
      return { ...snap, accounts: snap.accounts.map((a) => ({ ...a, state: 'ACTIVE' as const })) };
    };
    const failed = await apply(sb, await handPlan(sb, [assignment(suspended, 'gone')]), {
      readSnapshot: (b) => lying(b as SandboxBackend),
    });
    expect(failed.ok).toBe(false);
    expect(failed.outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'async-failed' } });
    expect(failed.outcomes[0]!.error!.message).toMatch(/SUSPENDED/);
  });

  it('never runs two role updates in one account at once, and keeps 15 assignment operations outstanding at most', async () => {
    const sb = sandbox({ asyncPolls: 2 });
    const state = sb.exportState();
    state.quotas.maxAccounts = 20;
    sb.importState(state);
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) ids.push(await createAccount(sb, `a${i}`));
    for (const name of ['P1', 'P2'])
      await sb.ssoAdmin.createPermissionSet(INSTANCE, { name, sessionDuration: 'PT1H', tags: {} });
    const changes: [PhaseName, Change][] = [];
    for (const [i, id] of ids.entries()) {
      for (const ps of ['P1', 'P2']) {
        changes.push([
          'create-assignments',
          {
            kind: 'assignment',
            action: 'create',
            principal: { type: 'GROUP', name: 'finops' },
            permissionSet: ps,
            account: { id, email: `a${i}@example.com`, name: `a${i}` },
            address: `assignment/GROUP:finops/${ps}/a${i}@example.com`,
          },
        ]);
      }
    }
    const result = await apply(sb, await handPlan(sb, changes));
    expect(result.counts).toEqual({ done: 34, skipped: 0, failed: 0, 'not-started': 0 });
    expect(sb.exportState().identityCenter!.assignments).toHaveLength(34);
    // One call each: no ConflictException or ThrottlingException was retried.
    expect(result.stats.calls['sso-admin:CreateAccountAssignment']).toBe(34);
  });
});

describe('permission sets', () => {
  it('provisions at most 3 at once across accounts, polled to completion', async () => {
    const sb = sandbox({ asyncPolls: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await createAccount(sb, `p${i}`));
    await sb.ssoAdmin.createPermissionSet(INSTANCE, { name: 'RO', sessionDuration: 'PT1H', tags: {} });
    const p = await handPlan(sb, [
      [
        'provision',
        {
          kind: 'permission-set-provision',
          action: 'provision',
          name: 'RO',
          accounts: ids.map((id, i) => ({ id, email: `p${i}@example.com`, name: `p${i}` })),
          address: 'provision/RO',
        },
      ],
    ]);
    const result = await apply(sb, p);
    expect(result.ok).toBe(true);
    expect(result.stats.calls['sso-admin:ProvisionPermissionSet']).toBe(6);
    const ps = sb.exportState().identityCenter!.permissionSets[0]!;
    expect(Object.keys(ps.provisioned).sort()).toEqual([...ids].sort());
  });

  it('creates a permission set with every field and updates it field by field', async () => {
    const sb = sandbox();
    const inline = doc('kms:Decrypt');
    const created = await apply(
      sb,
      await handPlan(sb, [
        [
          'write-permission-sets',
          {
            kind: 'permission-set-create',
            action: 'create',
            name: 'Ops',
            address: 'permission-set/Ops',
            after: {
              description: 'ops',
              sessionDuration: 'PT2H',
              inlinePolicy: inline,
              managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
              customerManagedPolicies: [{ name: 'extra', path: '/' }],
              permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
              tags: { team: 'ops', old: 'x' },
            },
          },
        ],
      ]),
    );
    expect(created.ok).toBe(true);
    const arn = sb.exportState().identityCenter!.permissionSets[0]!.arn;
    const updated = await apply(
      sb,
      await handPlan(sb, [
        [
          'write-permission-sets',
          {
            kind: 'permission-set-update',
            action: 'update',
            name: 'Ops',
            arn,
            address: 'permission-set/Ops',
            before: {
              sessionDuration: 'PT2H',
              inlinePolicy: inline,
              managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
              permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
              tags: { team: 'ops', old: 'x' },
            },
            after: {
              sessionDuration: 'PT3H',
              inlinePolicy: undefined,
              managedPolicies: ['arn:aws:iam::aws:policy/ViewOnlyAccess'],
              permissionsBoundary: undefined,
              tags: { team: 'platform' },
            },
          },
        ],
      ]),
    );
    expect(updated.ok).toBe(true);
    const ps = sb.exportState().identityCenter!.permissionSets[0]!;
    expect(ps).toMatchObject({
      name: 'Ops',
      description: 'ops',
      sessionDuration: 'PT3H',
      managedPolicies: ['arn:aws:iam::aws:policy/ViewOnlyAccess'],
      customerManagedPolicies: [{ name: 'extra', path: '/' }],
      tags: { team: 'platform' },
    });
    expect(ps.inlinePolicy).toBeUndefined();
    expect(ps.permissionsBoundary).toBeUndefined();
  });
});
