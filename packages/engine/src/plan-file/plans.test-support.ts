import { analyzePlan } from '../analysis/analyze.ts';
import type { Change, ChangeKind } from '../change.ts';
import { PHASES, type PhaseName, type Plan } from '../plan.ts';
import {
  ACCOUNTS,
  assignment,
  baseDesired,
  baseSnapshot,
  DENY_ALL,
  DENY_LEAVE,
  GROUPS,
  PS_ARN,
} from '../testing/index.ts';
import { planIntegrity, type Sealable } from './integrity.ts';
import { sealPlan } from './seal.ts';
import { serializePlan } from './serialize.ts';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const NEW = { email: 'new-app@example.com', name: 'new-app' };

/** One change of every kind, in the phase the planner puts it; a new kind fails to compile here. */
export const EVERY_KIND: { readonly [K in ChangeKind]: readonly [PhaseName, Extract<Change, { kind: K }>] } =
  {
    'policy-type': [
      'enable-services',
      { kind: 'policy-type', action: 'enable', policyType: 'TAG_POLICY', address: 'policy-type/TAG_POLICY' },
    ],
    'trusted-service': [
      'disable-services',
      {
        kind: 'trusted-service',
        action: 'disable',
        servicePrincipal: 'securityhub.amazonaws.com',
        address: 'trusted-service/securityhub.amazonaws.com',
      },
    ],
    'delegated-admin': [
      'delegate',
      {
        kind: 'delegated-admin',
        action: 'register',
        servicePrincipal: 'guardduty.amazonaws.com',
        account: ACCOUNTS.dev,
        address: 'delegated-admin/guardduty.amazonaws.com/dev-app@example.com',
      },
    ],
    'ou-create': [
      'create-ous',
      {
        kind: 'ou-create',
        action: 'create',
        path: '/Workloads/Sandbox',
        name: 'Sandbox',
        parentPath: '/Workloads',
        tags: { team: 'platform' },
        address: 'ou/Workloads/Sandbox',
      },
    ],
    'ou-update': [
      'create-ous',
      {
        kind: 'ou-update',
        action: 'update',
        path: '/Workloads/Dev',
        rename: { from: 'Dev', to: 'Development' },
        tags: { set: { team: 'apps' }, remove: [], before: {} },
        address: 'ou/Workloads/Dev',
      },
    ],
    'ou-delete': [
      'delete-ous',
      { kind: 'ou-delete', action: 'delete', path: '/Old', id: 'ou-old', address: 'ou/Old' },
    ],
    'account-create': [
      'create-accounts',
      {
        kind: 'account-create',
        action: 'create',
        ...NEW,
        parentPath: '/Workloads/Prod',
        tags: { environment: 'production' },
        address: `account/${NEW.email}`,
      },
    ],
    'account-move': [
      'place-accounts',
      {
        kind: 'account-move',
        action: 'move',
        account: ACCOUNTS.old,
        fromPath: '/Suspended',
        toPath: '/Workloads/Dev',
        address: `account/${ACCOUNTS.old.email}`,
        quarantine: {
          direction: 'release',
          reason: 'INC-42 closed',
          heldFor: 'INC-42 root login',
          quarantinedAt: '2026-11-30T10:15:00.000Z',
        },
      },
    ],
    'account-tag': [
      'place-accounts',
      {
        kind: 'account-tag',
        action: 'tag',
        account: ACCOUNTS.dev,
        tags: { set: { owner: 'apps' }, remove: ['team'], before: { team: 'x' } },
        address: `account/${ACCOUNTS.dev.email}`,
      },
    ],
    'account-close': [
      'close-accounts',
      {
        kind: 'account-close',
        action: 'close',
        account: ACCOUNTS.old,
        closeReason: 'retired',
        address: `account/${ACCOUNTS.old.email}`,
      },
    ],
    'policy-create': [
      'write-policies',
      {
        kind: 'policy-create',
        action: 'create',
        policyType: 'SERVICE_CONTROL_POLICY',
        name: 'deny-all-2',
        description: 'quarantine',
        content: DENY_ALL,
        tags: {},
        address: 'policy/SERVICE_CONTROL_POLICY/deny-all-2',
      },
    ],
    'policy-update': [
      'write-policies',
      {
        kind: 'policy-update',
        action: 'update',
        policyType: 'SERVICE_CONTROL_POLICY',
        name: 'deny-leave-org',
        id: 'p-denyleave',
        description: { before: 'No leaving', after: 'Never leave' },
        content: {
          before: DENY_LEAVE,
          after:
            '{"Statement":[{"Action":["organizations:LeaveOrganization","cloudtrail:StopLogging"],"Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}',
        },
        address: 'policy/SERVICE_CONTROL_POLICY/deny-leave-org',
      },
    ],
    'policy-delete': [
      'delete-policies',
      {
        kind: 'policy-delete',
        action: 'delete',
        policyType: 'SERVICE_CONTROL_POLICY',
        name: 'deny-all',
        id: 'p-denyall',
        content: DENY_ALL,
        address: 'policy/SERVICE_CONTROL_POLICY/deny-all',
      },
    ],
    'policy-attachment': [
      'attachments',
      {
        kind: 'policy-attachment',
        action: 'attach',
        policyType: 'SERVICE_CONTROL_POLICY',
        policyName: 'deny-all-2',
        target: { kind: 'account', account: ACCOUNTS.old },
        address: `attachment/SERVICE_CONTROL_POLICY/deny-all-2@account:${ACCOUNTS.old.email}`,
      },
    ],
    'permission-set-create': [
      'write-permission-sets',
      {
        kind: 'permission-set-create',
        action: 'create',
        name: 'Auditor',
        after: {
          description: 'Read the logs',
          sessionDuration: 'PT1H',
          relayState: 'https://console.aws.amazon.com/cloudtrail',
          inlinePolicy:
            '{"Statement":[{"Action":"logs:Get*","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
          managedPolicies: [READ_ONLY],
          customerManagedPolicies: [{ name: 'audit', path: '/' }],
          permissionsBoundary: { customerManagedPolicy: { name: 'boundary', path: '/' } },
          tags: { owner: 'security' },
        },
        address: 'permission-set/Auditor',
      },
    ],
    'permission-set-update': [
      'write-permission-sets',
      {
        kind: 'permission-set-update',
        action: 'update',
        name: 'ReadOnly',
        arn: PS_ARN.ReadOnly,
        before: { sessionDuration: 'PT4H' },
        after: { sessionDuration: 'PT2H', permissionsBoundary: { managedPolicyArn: READ_ONLY } },
        address: 'permission-set/ReadOnly',
      },
    ],
    'permission-set-delete': [
      'delete-permission-sets',
      {
        kind: 'permission-set-delete',
        action: 'delete',
        name: 'Admin',
        arn: PS_ARN.Admin,
        address: 'permission-set/Admin',
      },
    ],
    'permission-set-provision': [
      'provision',
      {
        kind: 'permission-set-provision',
        action: 'provision',
        name: 'ReadOnly',
        accounts: [ACCOUNTS.prod, ACCOUNTS.dev],
        reason: 're-provision after update',
        address: 'provision/ReadOnly',
      },
    ],
    assignment: ['create-assignments', assignment('create', GROUPS.developers, 'Admin', ACCOUNTS.prod)],
  };

/** A plan of the given changes against the test organization, sealed as the planner seals it. */
export function sealedPlan(entries: readonly (readonly [PhaseName, Change])[]): Plan {
  const changes = entries.map(([, c]) => c);
  return sealPlan(
    { desired: baseDesired(), snapshot: baseSnapshot(), analyze: analyzePlan },
    {
      toolVersion: '0.1.0',
      limitsVersion: '2026-05-15',
      createdAt: '2026-11-23T12:00:00.000Z',
      target: {
        backend: 'sandbox',
        location: '.orgops/sandbox.json',
        organizationId: 'o-test1234',
        managementAccountId: '999999999999',
      },
      phases: PHASES.map((name) => ({
        name,
        changes: entries.filter(([p]) => p === name).map(([, c]) => c),
      })).filter((p) => p.changes.length > 0),
      observed: Object.fromEntries(changes.map((c) => [c.address, '0123456789abcdef'])),
      warnings: [
        {
          severity: 'warning',
          code: 'assignment-to-user',
          message: 'user alice is assigned ReadOnly directly',
          path: 'assignments[2]',
          fix: 'assign a group',
          value: { any: ['json'] },
          site: { file: '/work/org/index.ts', line: 3, column: 7 },
        },
      ],
    },
  );
}

/** The plan with one change of every kind. */
export function everyKindPlan(): Plan {
  return sealedPlan(Object.values(EVERY_KIND));
}

/** The plan file text after `edit` changed its JSON. */
export function editedText(plan: Plan, edit: (json: PlanJson) => void): string {
  const json = JSON.parse(serializePlan(plan)) as PlanJson;
  edit(json);
  return JSON.stringify(json);
}

/** Re-seals an edited plan as someone who knows the algorithm would: only the content can object. */
export function resealed(json: PlanJson): string {
  const { integrity: _, analysis: __, summary: ___, ...rest } = json;
  return JSON.stringify({ ...json, integrity: planIntegrity(rest as unknown as Sealable) });
}

export function changeOf(json: PlanJson, kind: string): Json {
  const found = json.phases.flatMap((p) => p.changes).find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} change in the plan`);
  return found;
}

export type Json = Record<string, unknown>;
export interface PlanJson extends Json {
  phases: { name: string; changes: Json[] }[];
  integrity: Json;
}

export { ADMIN };
