import { describe, expect, it } from 'vitest';
import { account, FullAWSAccess, organizationRoot, validateConfig } from '../src/index.ts';
import {
  addingTo,
  managementIn,
  organizationFixture,
  testOrganization,
  variantPair,
} from '../src/testing/index.ts';

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

  it('adds objects to a list of a fresh fixture, made from that fixture when given as a function', () => {
    const fixture = () => {
      const root = organizationRoot();
      return organizationFixture(
        { root },
        { policyTypes: [], root, organizationalUnits: [], accounts: [managementIn(root)] },
      );
    };
    const accounts = addingTo(fixture, 'accounts');
    const extra = account({ name: 'extra', email: 'extra@example.com', parent: organizationRoot() });
    expect(accounts.config(extra, extra).accounts.map((a) => a.name)).toEqual([
      'management',
      'extra',
      'extra',
    ]);
    const { config, site } = accounts.variant((f) =>
      account({ name: 'child', email: 'child@example.com', parent: f.root }),
    );
    expect(config.accounts[1]?.parent).toBe(config.root);
    expect(site).toBe(config.accounts[1]?.site);
  });
});
