import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/report.ts';
import { runBench } from '../src/run-bench.ts';

/**
 * What `.ci/run` holds the benchmark to: the small organization through every measured path, with
 * its call counts pinned. Modeled seconds come from the virtual clock, so they are the same on any
 * machine; CPU milliseconds are not, and nothing here depends on them.
 */
describe('pnpm bench --small', () => {
  it('pins the calls of the reader, the naive reader, the apply and the incremental drift check', async () => {
    const result = await runBench({ shapes: ['small'], applyChanges: 30 });
    const [org] = result.organizations;
    if (!org) throw new Error('no result');
    expect(org).toMatchObject({ accounts: 60, ous: 10, policies: 8, permissionSets: 5, assignments: 140 });
    expect(org.calls).toEqual({
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      'organizations:ListAWSServiceAccessForOrganization': 1,
      'organizations:ListDelegatedAdministrators': 1,
      'organizations:ListDelegatedServicesForAccount': 1,
      // root + 10 OUs; no ListAccounts, no ListParents
      'organizations:ListOrganizationalUnitsForParent': 11,
      'organizations:ListAccountsForParent': 11,
      // 10 OUs + 60 accounts + 8 customer SCPs
      'organizations:ListTagsForResource': 78,
      'organizations:ListPolicies': 1,
      'organizations:ListTargetsForPolicy': 12,
      'organizations:DescribePolicy': 8,
      'sso-admin:ListInstances': 1,
      'sso-admin:ListPermissionSets': 1,
      'sso-admin:DescribePermissionSet': 5,
      'sso-admin:GetInlinePolicyForPermissionSet': 5,
      'sso-admin:ListManagedPoliciesInPermissionSet': 5,
      'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 5,
      'sso-admin:GetPermissionsBoundaryForPermissionSet': 5,
      'sso-admin:ListTagsForResource': 5,
      'sso-admin:ListAccountsForProvisionedPermissionSet': 10,
      'identitystore:ListGroups': 1,
      'identitystore:ListUsers': 1,
      // 12 groups + 20 users
      'sso-admin:ListAccountAssignmentsForPrincipal': 32,
      // the account quota the plan checks
      'service-quotas:GetServiceQuota': 1,
    });
    expect(org.totalCalls).toBe(203);
    expect(org.naiveCalls).toMatchObject({
      'organizations:ListAccounts': 3,
      'organizations:ListParents': 60,
      // (root + 10 OUs + 60 accounts) × 1 policy type
      'organizations:ListPoliciesForTarget': 71,
      // 60 accounts × 5 permission sets
      'sso-admin:ListAccountAssignments': 300,
    });
    expect(org.naiveTotalCalls).toBe(582);
    expect(org.naiveSnapshotMatches).toBe(true);
    expect(org.apply.calls).toEqual({
      'sso-admin:CreateAccountAssignment': 30,
      // two status polls each
      'sso-admin:DescribeAccountAssignmentCreationStatus': 60,
    });
    expect(org.drift).toMatchObject({ edits: 10, events: 10, totalCalls: 36, matchesFullRead: true });
    expect(org.drift.calls).toEqual({
      'cloudtrail:LookupEvents': 1,
      // read afresh every time
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      'organizations:ListAWSServiceAccessForOrganization': 1,
      'organizations:ListDelegatedAdministrators': 1,
      'organizations:ListDelegatedServicesForAccount': 1,
      'organizations:ListAccounts': 3,
      'sso-admin:ListInstances': 1,
      'service-quotas:GetServiceQuota': 1,
      'identitystore:ListGroups': 1,
      'identitystore:ListUsers': 1,
      // the move's two parents and the new OU's parent (the root)
      'organizations:ListOrganizationalUnitsForParent': 3,
      'organizations:ListAccountsForParent': 3,
      // the retagged account and OU, the new OU
      'organizations:ListTagsForResource': 3,
      'organizations:ListPoliciesForTarget': 1,
      'organizations:ListTargetsForPolicy': 2,
      'organizations:DescribePolicy': 1,
      // the updated permission set, read whole
      'sso-admin:DescribePermissionSet': 1,
      'sso-admin:GetInlinePolicyForPermissionSet': 1,
      'sso-admin:ListManagedPoliciesInPermissionSet': 1,
      'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 1,
      'sso-admin:GetPermissionsBoundaryForPermissionSet': 1,
      'sso-admin:ListTagsForResource': 1,
      'sso-admin:ListAccountsForProvisionedPermissionSet': 2,
      // the two assignment pairs
      'sso-admin:ListAccountAssignments': 2,
    });
    // Direct user assignments are `orgops lint` findings, not config warnings: the config is clean.
    expect(org.warnings).toEqual({});
    // Modeled time, so deterministic: the read is within 1.1× its floor even this small.
    expect(org.modeledReadSeconds / org.floorSeconds).toBeLessThan(1.1);
    expect(org.floorBucket).toBe('organizations:ListTagsForResource');
    // The incremental drift check goes under the full read's floor.
    expect(org.drift.modeledSeconds).toBeLessThan(org.floorSeconds / 2);

    const md = renderMarkdown(result);
    expect(md).toContain('| reader: calls | 203 |');
    expect(md).toContain('| `sso-admin:ListAccountAssignments` |  | 300 |');
    // The JSON other tools track.
    expect(Object.keys(JSON.parse(JSON.stringify(result)).organizations[0])).toEqual(
      expect.arrayContaining([
        'accounts',
        'calls',
        'modeledReadSeconds',
        'floorSeconds',
        'naiveCalls',
        'naiveModeledReadSeconds',
      ]),
    );
  }, 240_000);
});
