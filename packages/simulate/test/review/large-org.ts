import {
  adminPermissionSet,
  management as managementAt,
  protectTrail as protectTrailPolicy,
  readOnlyPermissionSet,
  regionAllowList,
} from '@orgops/engine/testing';
import {
  account,
  assign,
  type DesiredState,
  defineOrganization,
  FullAWSAccess,
  group,
  normalize,
  organizationalUnit,
  organizationRoot,
  trustedService,
} from '@orgops/model';
import { createSandbox, type SandboxBackend, seedState } from '@orgops/sandbox';
import { appliedSandbox } from './org.ts';

export const LARGE_ACCOUNTS = 1000;
const TEAMS = 40;

export interface LargeVariant {
  readonly readOnlyInline?: unknown;
  readonly trailExempt?: readonly string[];
}

/**
 * An organization at the size the review must stay fast and readable for: 1,000 accounts in 40
 * team OUs under /Workloads/Prod and /Workloads/NonProd, a Security OU, guardrails at the root
 * (one with exempt principals) and a Region allow-list on /Workloads; ReadOnly for group
 * read-only everywhere but management, Admin for group platform-admins in /Workloads.
 */
export function largeOrganization(v: LargeVariant = {}): DesiredState {
  const protectTrail = protectTrailPolicy(v.trailExempt ? { exempt: v.trailExempt } : {});
  const regions = regionAllowList('region-allow-list', ['iam:*', 'organizations:*', 'sts:*']);
  const root = organizationRoot({ policies: [FullAWSAccess, protectTrail] });
  const security = organizationalUnit('Security', { parent: root });
  const workloads = organizationalUnit('Workloads', { parent: root, policies: [FullAWSAccess, regions] });
  const prod = organizationalUnit('Prod', { parent: workloads });
  const nonProd = organizationalUnit('NonProd', { parent: workloads });
  const teams = Array.from({ length: TEAMS }, (_, i) =>
    organizationalUnit(`team-${String(i).padStart(2, '0')}`, { parent: i % 2 === 0 ? prod : nonProd }),
  );
  const accounts = Array.from({ length: LARGE_ACCOUNTS - 2 }, (_, i) => {
    const team = teams[i % TEAMS]!;
    const name = `acct-${String(i).padStart(4, '0')}`;
    return account({
      name,
      email: `${name}@example.com`,
      parent: team,
      tags: (i % TEAMS) % 2 === 0 ? { environment: 'prod' } : {},
    });
  });
  const readOnly = readOnlyPermissionSet({
    sessionDuration: 'PT4H',
    ...(v.readOnlyInline ? { inlinePolicy: v.readOnlyInline as never } : {}),
  });
  const admin = adminPermissionSet({ sessionDuration: 'PT1H' });
  const management = managementAt(root);
  return normalize(
    defineOrganization({
      policyTypes: ['SERVICE_CONTROL_POLICY'],
      root,
      organizationalUnits: [security, workloads, prod, nonProd, ...teams],
      accounts: [
        management,
        account({ name: 'log-archive', email: 'log-archive@example.com', parent: security }),
        ...accounts,
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

/** A sandbox with the large organization applied (its account quota raised, as a real one's is). */
export function appliedLargeSandbox(): Promise<SandboxBackend> {
  return appliedSandbox(largeOrganization(), createSandbox(seedState({ maxAccounts: LARGE_ACCOUNTS + 1 })));
}
