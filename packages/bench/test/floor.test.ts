import { readSnapshot } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { buildOrganization } from '../src/build-organization.ts';
import { bucketLoads, floorSeconds } from '../src/floor.ts';
import { MODEL, measureRead } from '../src/measure.ts';
import { SHAPES } from '../src/shape.ts';

describe('the floor of a set of calls', () => {
  it("is the slowest throttling bucket's calls beyond its burst ÷ its rate (slowest first)", () => {
    // ListTagsForResource: 10/s, burst 15. sso-admin: one 20/s bucket, burst 20, for all its APIs.
    const calls = {
      'organizations:ListTagsForResource': 115,
      'sso-admin:ListAccountAssignmentsForPrincipal': 100,
      'sso-admin:DescribePermissionSet': 140,
    };
    expect(bucketLoads(calls).map((b) => [b.bucket, b.calls, b.seconds])).toEqual([
      ['sso-admin:*', 240, 11],
      ['organizations:ListTagsForResource', 115, 10],
    ]);
    expect(floorSeconds(calls)).toBe(11);
    expect(floorSeconds({ 'organizations:ListTagsForResource': 15 })).toBe(0);
    expect(floorSeconds({})).toBe(0);
  });
});

/**
 * Issue 8's "done means": the modeled full read is within 1.1× the floor at both sizes. Only the
 * reader runs here (seconds of CPU); `pnpm bench` adds the naive reader, the config, the apply and
 * drift. The counts are the organizations' and change only when the reader's calls do.
 */
describe('the reader at 1,000 and 5,000 accounts, on modeled time', () => {
  const common = {
    'organizations:DescribeOrganization': 1,
    'organizations:ListRoots': 1,
    'organizations:ListAWSServiceAccessForOrganization': 1,
    'organizations:ListDelegatedAdministrators': 1,
    'organizations:ListDelegatedServicesForAccount': 1,
    // root + 100 OUs
    'organizations:ListOrganizationalUnitsForParent': 101,
    'organizations:ListPolicies': 6,
    'organizations:DescribePolicy': 100,
    'service-quotas:GetServiceQuota': 1,
    'sso-admin:ListInstances': 1,
    'sso-admin:ListPermissionSets': 1,
    'sso-admin:DescribePermissionSet': 50,
    'sso-admin:GetInlinePolicyForPermissionSet': 50,
    'sso-admin:ListManagedPoliciesInPermissionSet': 50,
    'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 50,
    'sso-admin:GetPermissionsBoundaryForPermissionSet': 50,
    'sso-admin:ListTagsForResource': 50,
    'identitystore:ListGroups': 2,
    'identitystore:ListUsers': 5,
  };

  it.each([
    {
      shape: 'large' as const,
      calls: {
        ...common,
        'organizations:ListAccountsForParent': 101,
        // 100 OUs + 1,000 accounts + 100 SCPs
        'organizations:ListTagsForResource': 1_200,
        'organizations:ListTargetsForPolicy': 156,
        'sso-admin:ListAccountsForProvisionedPermissionSet': 272,
        'sso-admin:ListAccountAssignmentsForPrincipal': 690,
      },
      total: 2_941,
      modeled: 118.8,
      floor: 118.5,
    },
    {
      shape: 'huge' as const,
      calls: {
        ...common,
        'organizations:ListAccountsForParent': 281,
        'organizations:ListTagsForResource': 5_200,
        'organizations:ListTargetsForPolicy': 356,
        'sso-admin:ListAccountsForProvisionedPermissionSet': 1_039,
        'sso-admin:ListAccountAssignmentsForPrincipal': 1_450,
      },
      total: 8_848,
      modeled: 518.8,
      floor: 518.5,
    },
  ])(
    '$shape: $total calls, no ListAccounts, modeled within 1.1× the floor',
    async ({ shape, ...want }) => {
      const read = await measureRead(buildOrganization(SHAPES[shape]), MODEL, (b) => readSnapshot(b));
      expect(read.stats.calls).toEqual(want.calls);
      expect(read.stats.total).toBe(want.total);
      expect(read.floorBucket).toBe('organizations:ListTagsForResource');
      expect(read.floorSeconds).toBeCloseTo(want.floor, 6);
      // Modeled time is deterministic: the same on every machine.
      expect(read.modeledSeconds).toBeCloseTo(want.modeled, 6);
      expect(read.modeledSeconds / read.floorSeconds).toBeLessThan(1.1);
    },
    120_000,
  );
});
