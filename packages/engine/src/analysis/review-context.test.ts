import type { DesiredState } from '@orgops/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import type { Snapshot } from '../snapshot.ts';
import {
  ACCOUNTS,
  accountMove,
  assignment,
  attachment,
  baseDesired,
  baseSnapshot,
  DENY_ALL,
  DENY_LEAVE,
  GROUPS,
  PS_ARN,
  permissionSetUpdate,
  policyUpdate,
} from '../testing/index.ts';
import { analyzePlan, analyzeUnpruned } from './analyze.ts';
import { reviewContextOf } from './review-context.ts';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const NEW_ACCOUNT = { email: 'new-app@example.com', name: 'new-app' };
const GUARD =
  '{"Statement":[{"Action":"cloudtrail:StopLogging","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';

const ESCALATE =
  '{"Statement":[{"Action":"iam:*","Effect":"Allow","Resource":"*"},{"Action":"sts:AssumeRole","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}';
const EXEMPT_SSO =
  '{"Statement":[{"Action":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin_*"]}},"Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';

/** Every kind of change the analysis reads, against the test organization. */
function pool(): Change[] {
  const accounts = [ACCOUNTS.prod, ACCOUNTS.dev, ACCOUNTS.old, NEW_ACCOUNT];
  const principals = [GROUPS.developers, GROUPS.admins, GROUPS.alice];
  const changes: Change[] = [];
  for (const principal of principals)
    for (const ps of ['Admin', 'ReadOnly', 'Breakglass'])
      for (const account of accounts)
        for (const action of ['create', 'delete'] as const)
          changes.push(assignment(action, principal, ps, account));
  const targets = [
    { kind: 'root' },
    { kind: 'ou', path: '/Workloads' },
    { kind: 'ou', path: '/Workloads/Prod' },
    { kind: 'ou', path: '/Workloads/Dev' },
    { kind: 'ou', path: '/Suspended' },
    { kind: 'ou', path: '/Gone' },
    { kind: 'account', account: ACCOUNTS.prod },
  ] as const;
  for (const name of ['FullAWSAccess', 'deny-leave-org', 'deny-all', 'guard'])
    for (const target of targets)
      for (const action of ['attach', 'detach'] as const) changes.push(attachment(action, name, target));
  changes.push(
    {
      kind: 'account-create',
      action: 'create',
      ...NEW_ACCOUNT,
      parentPath: '/Workloads/Prod',
      tags: {},
      address: `account/${NEW_ACCOUNT.email}`,
    },
    {
      kind: 'permission-set-create',
      action: 'create',
      name: 'Breakglass',
      after: { sessionDuration: 'PT8H', managedPolicies: [ADMIN], customerManagedPolicies: [], tags: {} },
      address: 'permission-set/Breakglass',
    },
    permissionSetUpdate(
      'ReadOnly',
      { managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
      { managedPolicies: [ADMIN] },
    ),
    permissionSetUpdate('Admin', { sessionDuration: 'PT1H' }, { sessionDuration: 'PT8H' }),
    permissionSetUpdate('ReadOnly', {}, { inlinePolicy: ESCALATE }),
    policyUpdate({ content: { before: DENY_ALL, after: EXEMPT_SSO } }, { name: 'deny-all', id: 'p-denyall' }),
    { kind: 'permission-set-delete', action: 'delete', name: 'Admin', arn: PS_ARN.Admin, address: 'x' },
    {
      kind: 'permission-set-delete',
      action: 'delete',
      name: 'ReadOnly',
      arn: PS_ARN.ReadOnly,
      address: 'permission-set/ReadOnly',
    },
    {
      kind: 'policy-create',
      action: 'create',
      policyType: 'SERVICE_CONTROL_POLICY',
      name: 'guard',
      description: '',
      content: GUARD,
      tags: {},
      address: 'policy/SERVICE_CONTROL_POLICY/guard',
    },
    policyUpdate({ content: { before: DENY_LEAVE, after: '{"Statement":[],"Version":"2012-10-17"}' } }),
    {
      kind: 'policy-delete',
      action: 'delete',
      policyType: 'SERVICE_CONTROL_POLICY',
      name: 'deny-all',
      id: 'p-denyall',
      content: DENY_ALL,
      address: 'policy/SERVICE_CONTROL_POLICY/deny-all',
    },
    accountMove(ACCOUNTS.old, '/Suspended', '/Workloads/Prod'),
    accountMove(ACCOUNTS.dev, '/Workloads/Dev', '/Suspended'),
    {
      kind: 'account-close',
      action: 'close',
      account: ACCOUNTS.old,
      closeReason: 'retired',
      address: `account/${ACCOUNTS.old.email}`,
    },
    {
      kind: 'policy-type',
      action: 'disable',
      policyType: 'SERVICE_CONTROL_POLICY',
      address: 'policy-type/SERVICE_CONTROL_POLICY',
    },
    {
      kind: 'delegated-admin',
      action: 'deregister',
      servicePrincipal: 'guardduty.amazonaws.com',
      account: ACCOUNTS.dev,
      address: 'delegated-admin/guardduty.amazonaws.com/dev-app@example.com',
    },
  );
  return changes;
}

/**
 * The config with a new account, permission set and policy, some of which a plan creates, and
 * dev-app moved out of /Workloads/Dev, which stays in config empty.
 */
function desiredWithExtras(): DesiredState {
  const d = baseDesired();
  return {
    ...d,
    accounts: [
      ...d.accounts.map((a) => (a.name === 'dev-app' ? { ...a, parentPath: '/Suspended' } : a)),
      { ...NEW_ACCOUNT, parentPath: '/Workloads/Prod', tags: {}, management: false },
    ],
    policies: [
      ...d.policies,
      { type: 'SERVICE_CONTROL_POLICY', name: 'guard', description: '', content: GUARD, tags: {} },
    ],
    attachments: [
      ...d.attachments,
      { policyType: 'SERVICE_CONTROL_POLICY', policyName: 'guard', target: '/Workloads', fromDefault: false },
    ],
    permissionSets: [
      ...d.permissionSets,
      {
        name: 'Breakglass',
        sessionDuration: 'PT8H',
        managedPolicies: [ADMIN],
        customerManagedPolicies: [],
        tags: {},
      },
    ],
  };
}

function withoutIdentityCenter(): Snapshot {
  const { identityCenter: _, ...rest } = baseSnapshot();
  return rest;
}

const worlds: [string, () => DesiredState, () => Snapshot][] = [
  ['the test organization', baseDesired, baseSnapshot],
  ['a config with more than AWS has', desiredWithExtras, baseSnapshot],
  ['an organization without Identity Center', desiredWithExtras, withoutIdentityCenter],
];

describe('reviewContextOf', () => {
  for (const [name, desired, snapshot] of worlds) {
    it(`gives the same review as the full config and snapshot, for any changes to ${name}`, () => {
      const changes = pool();
      fc.assert(
        fc.property(fc.subarray(changes, { minLength: 0, maxLength: 12 }), (picked) => {
          const input = { changes: picked, desired: desired(), snapshot: snapshot() };
          expect(analyzePlan(input)).toEqual(analyzeUnpruned(input));
          const context = reviewContextOf(input);
          expect(reviewContextOf({ changes: picked, ...context })).toEqual(context);
        }),
        { numRuns: 150 },
      );
      const all = { changes, desired: desired(), snapshot: snapshot() };
      expect(analyzePlan(all)).toEqual(analyzeUnpruned(all));
    });
  }

  it('keeps documents, assignments and principals only where a change refers to them', () => {
    const quiet = reviewContextOf({ changes: [], desired: baseDesired(), snapshot: baseSnapshot() });
    expect(quiet.snapshot.policies).toEqual([]);
    expect(quiet.snapshot.identityCenter).toEqual({ permissionSets: [], assignments: [], principals: [] });
    expect(quiet.desired.policies).toEqual([]);
    expect(quiet.desired.permissionSets).toEqual([]);
    expect(quiet.desired.attachments).toEqual([]);
    // The structure stays whole: placing and counting accounts need all of it.
    expect(quiet.snapshot.accounts).toHaveLength(3);
    expect(quiet.snapshot.ous).toHaveLength(4);
    expect(quiet.desired.accounts).toHaveLength(3);

    const update = pool().find((c) => c.kind === 'permission-set-update' && c.name === 'ReadOnly')!;
    const held = reviewContextOf({ changes: [update], desired: baseDesired(), snapshot: baseSnapshot() });
    expect(held.snapshot.identityCenter?.permissionSets.map((ps) => ps.name)).toEqual(['ReadOnly']);
    expect(held.snapshot.identityCenter?.assignments.map((a) => a.accountId)).toEqual([
      '111111111111',
      '222222222222',
    ]);
    expect(held.snapshot.identityCenter?.principals.map((p) => p.name)).toEqual(['Developers']);
  });

  it('keeps the guardrails on the path of an account whose access changes, and the holders below a changed guardrail', () => {
    const gain = assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.prod);
    const chain = reviewContextOf({ changes: [gain], desired: baseDesired(), snapshot: baseSnapshot() });
    // prod-app sits in /Workloads/Prod: root, /Workloads and /Workloads/Prod, not /Suspended.
    expect(chain.desired.attachments.map((a) => `${a.policyName}@${a.target}`)).toEqual([
      'FullAWSAccess@/',
      'FullAWSAccess@/Workloads',
      'FullAWSAccess@/Workloads/Prod',
      'deny-leave-org@/',
    ]);
    expect(chain.snapshot.policies.map((p) => p.name)).toEqual(['FullAWSAccess', 'deny-leave-org']);
    expect(chain.desired.policies.map((p) => p.name)).toEqual(['FullAWSAccess', 'deny-leave-org']);
    // Nobody's holders are needed for a gain.
    expect(chain.snapshot.identityCenter?.assignments).toEqual([]);

    const edit: Change = {
      kind: 'policy-update',
      action: 'update',
      policyType: 'SERVICE_CONTROL_POLICY',
      name: 'deny-all',
      id: 'p-denyall',
      content: { before: DENY_ALL, after: DENY_LEAVE },
      address: 'policy/SERVICE_CONTROL_POLICY/deny-all',
    };
    const guarded = reviewContextOf({ changes: [edit], desired: baseDesired(), snapshot: baseSnapshot() });
    // deny-all guards /Suspended, where nobody holds anything; every permission set is kept to
    // name whom an exemption reaches.
    expect(guarded.snapshot.identityCenter?.assignments).toEqual([]);
    expect(guarded.snapshot.identityCenter?.permissionSets.map((p) => p.name)).toEqual(['Admin', 'ReadOnly']);
    const rootEdit = {
      ...edit,
      name: 'deny-leave-org',
      id: 'p-denyleave',
      address: 'policy/SERVICE_CONTROL_POLICY/deny-leave-org',
    };
    const everywhere = reviewContextOf({
      changes: [rootEdit],
      desired: baseDesired(),
      snapshot: baseSnapshot(),
    });
    expect(everywhere.snapshot.identityCenter?.assignments).toHaveLength(3);
    expect(everywhere.snapshot.identityCenter?.principals.map((p) => p.name)).toEqual([
      'Developers',
      'Admins',
    ]);
  });

  it('carries no source locations or other fields the review does not read', () => {
    const d = baseDesired();
    const desired = {
      ...d,
      accounts: d.accounts.map((a) => ({ ...a, site: { file: '/home/me/org.ts', line: 1, column: 1 } })),
    };
    const context = reviewContextOf({ changes: pool(), desired, snapshot: baseSnapshot() });
    const text = JSON.stringify(context);
    expect(text).not.toContain('/home/me');
    expect(text).not.toContain('provisionedTo');
    expect(text).not.toContain('management');
    expect(text).not.toContain('identityStoreId');
  });
});
