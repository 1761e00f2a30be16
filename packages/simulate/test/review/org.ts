import { type Change, plan as makePlan, type Plan, type Snapshot } from '@orgops/engine';
import { applyPlan, configReadOptions, readSnapshot } from '@orgops/live';
import {
  type Account,
  account,
  assign,
  type DesiredState,
  defineOrganization,
  FullAWSAccess,
  group,
  normalize,
  type OrganizationalUnit,
  type OrganizationPolicy,
  organizationalUnit,
  organizationRoot,
  type PermissionSetOptions,
  type Root,
  serviceControlPolicy,
  trustedService,
} from '@orgops/model';
import {
  adminPermissionSet,
  BREAK_GLASS,
  managementIn,
  protectTrailPolicy,
  readOnlyPermissionSet,
} from '@orgops/model/testing';
import { createSandbox, type SandboxBackend } from '@orgops/sandbox';

/**
 * A small organization for the review analyzer, applied to an in-memory sandbox so plans come
 * from the real planner against a real read:
 *
 *   /                  FullAWSAccess, protect-trail (exempt: break-glass), deny-leave
 *   /Security          log-archive
 *   /Workloads         app-prod (environment=prod), app-dev
 *   management
 *
 * ReadOnly (ReadOnlyAccess) for group read-only at the root except management; Admin
 * (AdministratorAccess, 1h) for group platform-admins in /Workloads.
 */
export { BREAK_GLASS };
export const SSO_ROLES = 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_*';

export interface Variant {
  readonly trailExempt?: readonly string[];
  readonly readOnlyInline?: unknown;
  readonly readOnlyManaged?: readonly string[];
  readonly detachLeave?: boolean;
}

export function organization(v: Variant = {}): DesiredState {
  const protectTrail = protectTrailPolicy({
    actions: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
    ...(v.trailExempt ? { exempt: v.trailExempt } : {}),
  });
  const denyLeave = serviceControlPolicy({
    name: 'deny-leave',
    content: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
    },
  });
  const root = organizationRoot({
    policies: [FullAWSAccess, protectTrail, ...(v.detachLeave ? [] : [denyLeave])],
  });
  return reviewOrganization({
    root,
    readOnly: {
      ...(v.readOnlyManaged ? { managedPolicies: [...v.readOnlyManaged] } : {}),
      ...(v.readOnlyInline ? { inlinePolicy: v.readOnlyInline as never } : {}),
    },
    more: (workloads) => ({
      ous: [],
      accounts: [
        account({
          name: 'app-prod',
          email: 'app-prod@example.com',
          parent: workloads,
          tags: { environment: 'prod' },
        }),
        account({ name: 'app-dev', email: 'app-dev@example.com', parent: workloads }),
      ],
    }),
  });
}

/**
 * What both review organizations are made of: under `root`, a Security OU holding log-archive and
 * a Workloads OU (with `workloadsPolicies`); the management account; ReadOnly (4h, `readOnly`
 * overrides) for group read-only everywhere but management, Admin (1h) for group platform-admins
 * in /Workloads; trusted access for Identity Center. `more` adds what is below /Workloads.
 */
export function reviewOrganization(parts: {
  readonly root: Root;
  readonly workloadsPolicies?: readonly OrganizationPolicy[];
  readonly readOnly: Partial<PermissionSetOptions>;
  readonly more: (workloads: OrganizationalUnit) => {
    readonly ous: readonly OrganizationalUnit[];
    readonly accounts: readonly Account[];
  };
}): DesiredState {
  const { root } = parts;
  const security = organizationalUnit('Security', { parent: root });
  const workloads = organizationalUnit('Workloads', {
    parent: root,
    ...(parts.workloadsPolicies ? { policies: parts.workloadsPolicies } : {}),
  });
  const more = parts.more(workloads);
  const management = managementIn(root);
  const readOnly = readOnlyPermissionSet({ sessionDuration: 'PT4H', ...parts.readOnly });
  const admin = adminPermissionSet({ sessionDuration: 'PT1H' });
  return normalize(
    defineOrganization({
      policyTypes: ['SERVICE_CONTROL_POLICY'],
      root,
      organizationalUnits: [security, workloads, ...more.ous],
      accounts: [
        management,
        account({ name: 'log-archive', email: 'log-archive@example.com', parent: security }),
        ...more.accounts,
      ],
      defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
      permissionSets: [readOnly, admin],
      assignments: [
        assign(group('read-only'), readOnly, [root], { exclude: [management] }),
        assign(group('platform-admins'), admin, [workloads]),
      ],
      trustedServices: [trustedService('sso.amazonaws.com')],
    }),
  );
}

/** A sandbox (a fresh one unless given) with `desired` (the base organization) applied. */
export async function appliedSandbox(
  desired: DesiredState = organization(),
  sb: SandboxBackend = createSandbox(),
): Promise<SandboxBackend> {
  const first = await planned(sb, desired);
  const result = await applyPlan(first.plan, sb, { pollIntervalMs: 0 });
  if (!result.ok) throw new Error('apply failed');
  return sb;
}

/** Plans `desired` against the sandbox: the plan, and the inputs an analyzer sees when planning. */
export async function planned(
  sb: SandboxBackend,
  desired: DesiredState,
): Promise<{ plan: Plan; desired: DesiredState; snapshot: Snapshot; changes: Change[] }> {
  const snapshot = await readSnapshot(sb, configReadOptions(desired));
  const result = makePlan({ desired, snapshot, toolVersion: '0.0.0-test' });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { plan: result.value, desired, snapshot, changes: result.value.phases.flatMap((p) => p.changes) };
}
