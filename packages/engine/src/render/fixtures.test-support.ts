/**
 * Hand-built plans for the renderer tests. The analysis is computed by `analyzePlan` over the
 * organization in `analysis/org.test-support.ts`, so the views are tested on real review data.
 */
import type { DesiredState } from '@orgops/model';
import { analyzePlan } from '../analysis/analyze.ts';
import type { Change } from '../change.ts';
import { PHASES, type PhaseName, type Plan, type PlanTarget } from '../plan.ts';
import { sealPlan } from '../plan-file/seal.ts';
import {
  ACCOUNTS,
  accountMove,
  assignment,
  attachment,
  baseDesired,
  baseSnapshot,
  DENY_LEAVE,
  DENY_LEAVE_AND_TRAIL,
  GROUPS,
  permissionSetUpdate,
  policyUpdate,
} from '../testing/index.ts';

const DENY_ROOT_USER =
  '{"Statement":[{"Action":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}},"Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';
const BILLING = { email: 'billing@example.com', name: 'billing' } as const;

export const SANDBOX_TARGET: PlanTarget = {
  backend: 'sandbox',
  location: '.orgops/sandbox.json',
  organizationId: 'o-test1234',
  managementAccountId: '999999999999',
};

export const AWS_TARGET: PlanTarget = {
  backend: 'aws',
  location: 'aws://us-east-1 (profile org-admin)',
  organizationId: 'o-a1b2c3d4e5',
  managementAccountId: '123456789012',
  managementAccountEmail: 'aws-root@example.com',
};

const PHASED: readonly (readonly [PhaseName, Change])[] = [
  [
    'create-ous',
    {
      kind: 'ou-create',
      action: 'create',
      address: 'ou/Workloads/Sandbox',
      path: '/Workloads/Sandbox',
      name: 'Sandbox',
      parentPath: '/Workloads',
      tags: { team: 'platform' },
    },
  ],
  [
    'create-accounts',
    {
      kind: 'account-create',
      action: 'create',
      address: 'account/billing@example.com',
      email: BILLING.email,
      name: BILLING.name,
      parentPath: '/Workloads/Sandbox',
      tags: { environment: 'sandbox' },
    },
  ],
  [
    'place-accounts',
    accountMove(ACCOUNTS.old, '/Suspended', '/Workloads/Dev', { reason: 'old-app is back in service' }),
  ],
  [
    'write-policies',
    {
      kind: 'policy-create',
      action: 'create',
      address: 'policy/SERVICE_CONTROL_POLICY/deny-root-user',
      policyType: 'SERVICE_CONTROL_POLICY',
      name: 'deny-root-user',
      description: 'No root user in member accounts',
      content: DENY_ROOT_USER,
      tags: {},
    },
  ],
  [
    'write-policies',
    policyUpdate({
      content: { before: DENY_LEAVE, after: DENY_LEAVE_AND_TRAIL },
      tags: { set: { owner: 'security' }, remove: [], before: {} },
    }),
  ],
  ['attachments', attachment('attach', 'deny-root-user', { kind: 'ou', path: '/Workloads' })],
  ['attachments', attachment('detach', 'deny-all', { kind: 'ou', path: '/Suspended' })],
  [
    'write-permission-sets',
    {
      kind: 'permission-set-create',
      action: 'create',
      address: 'permission-set/Billing',
      name: 'Billing',
      after: {
        description: 'Billing console',
        sessionDuration: 'PT1H',
        managedPolicies: ['arn:aws:iam::aws:policy/job-function/Billing'],
        customerManagedPolicies: [],
        tags: {},
      },
    },
  ],
  [
    'write-permission-sets',
    permissionSetUpdate(
      'ReadOnly',
      { sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
      {
        sessionDuration: 'PT8H',
        managedPolicies: [
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
          'arn:aws:iam::aws:policy/AWSSupportAccess',
        ],
      },
    ),
  ],
  [
    'provision',
    {
      kind: 'permission-set-provision',
      action: 'provision',
      address: 'provision/ReadOnly',
      name: 'ReadOnly',
      accounts: [ACCOUNTS.prod, ACCOUNTS.dev],
      reason: 're-provision after update',
    },
  ],
  ['create-assignments', assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.prod)],
  ['create-assignments', assignment('create', GROUPS.developers, 'Billing', ACCOUNTS.dev)],
  ['delete-assignments', assignment('delete', GROUPS.developers, 'ReadOnly', ACCOUNTS.prod)],
  [
    'disable-services',
    {
      kind: 'trusted-service',
      action: 'disable',
      address: 'trusted-service/securityhub.amazonaws.com',
      servicePrincipal: 'securityhub.amazonaws.com',
    },
  ],
];

/** The config the representative plan moves to. */
function representativeDesired(): DesiredState {
  const base = baseDesired();
  return {
    ...base,
    ous: [
      ...base.ous,
      { path: '/Workloads/Sandbox', name: 'Sandbox', parentPath: '/Workloads', tags: { team: 'platform' } },
    ],
    accounts: [
      ...base.accounts.map((a) => (a.name === 'old-app' ? { ...a, parentPath: '/Workloads/Dev' } : a)),
      { ...BILLING, parentPath: '/Workloads/Sandbox', tags: { environment: 'sandbox' }, management: false },
    ],
    policies: [
      ...base.policies.map((p) =>
        p.name === 'deny-leave-org' ? { ...p, content: DENY_LEAVE_AND_TRAIL } : p,
      ),
      {
        type: 'SERVICE_CONTROL_POLICY',
        name: 'deny-root-user',
        description: '',
        content: DENY_ROOT_USER,
        tags: {},
      },
    ],
    attachments: [
      ...base.attachments.filter((a) => a.policyName !== 'deny-all'),
      {
        policyType: 'SERVICE_CONTROL_POLICY',
        policyName: 'deny-root-user',
        target: '/Workloads',
        fromDefault: false,
      },
    ],
  };
}

export function planOf(
  entries: readonly (readonly [PhaseName, Change])[],
  desired: DesiredState,
  overrides: Partial<Plan> = {},
): Plan {
  const changes = entries.map(([, c]) => c);
  const facts = { desired, snapshot: baseSnapshot(), analyze: analyzePlan };
  const plan = sealPlan(facts, {
    toolVersion: '0.1.0',
    limitsVersion: '2026-05-15',
    createdAt: '2026-11-23T12:00:00.000Z',
    target: SANDBOX_TARGET,
    phases: PHASES.map((name) => ({ name, changes: entries.filter(([p]) => p === name).map(([, c]) => c) })),
    observed: Object.fromEntries(changes.map((c) => [c.address, 'sha256:0000'])),
    warnings: [],
  });
  return { ...plan, ...overrides };
}

/** OU create, account create and move, SCP create/update/attach/detach, permission set create/update/provision, assignments, a trusted service disabled. */
export function representativePlan(overrides: Partial<Plan> = {}): Plan {
  return planOf(PHASED, representativeDesired(), {
    warnings: [
      {
        severity: 'warning',
        code: 'assignment-to-user',
        message: 'user alice is assigned ReadOnly directly',
        path: 'assignments[2]',
        fix: 'assign a group that alice belongs to instead',
      },
    ],
    ...overrides,
  });
}

export function emptyPlan(overrides: Partial<Plan> = {}): Plan {
  return planOf([], baseDesired(), overrides);
}
