import { describe, expect, it } from 'vitest';
import { FullAWSAccess, organizationRoot, validateConfig } from '../src/index.ts';
import { managementIn, organizationFixture, testOrganization, variantPair } from '../src/testing/index.ts';

describe('the test kit', () => {
  it('builds an SCP-only organization with FullAWSAccess on new targets, any default replaced', () => {
    const root = organizationRoot();
    const config = testOrganization({ root, organizationalUnits: [], accounts: [managementIn(root)] });
    expect(config.policyTypes).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(config.defaultPolicies).toEqual({ SERVICE_CONTROL_POLICY: [FullAWSAccess] });
    expect(validateConfig(config).ok).toBe(true);
    const rcp = testOrganization({
      root,
      organizationalUnits: [],
      accounts: [],
      policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
      defaultPolicies: {},
    });
    expect(rcp.policyTypes).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);
    expect(rcp.defaultPolicies).toEqual({});
  });

  it('derives both configs of a pair from a fresh fixture, the site only when one is given', () => {
    let built = 0;
    const fixture = () => {
      built++;
      const root = organizationRoot();
      return organizationFixture(
        { root },
        { policyTypes: [], root, organizationalUnits: [], accounts: [managementIn(root)] },
      );
    };
    const site = { file: 'x.ts', line: 1, column: 1 };
    const pair = variantPair(fixture, { nonCompliant: () => ({ overrides: { accounts: [] }, site }) });
    expect(pair.compliant().accounts).toHaveLength(1);
    expect(pair.nonCompliant()).toEqual({ config: expect.objectContaining({ accounts: [] }), site });
    expect(built).toBe(2);
    const noSite = variantPair(fixture, {
      compliant: () => ({ policyTypes: ['SERVICE_CONTROL_POLICY'] }),
      nonCompliant: () => ({ overrides: {} }),
    });
    expect(noSite.compliant().policyTypes).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(noSite.nonCompliant()).not.toHaveProperty('site');
  });
});
