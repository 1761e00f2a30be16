import {
  account,
  defineOrganization,
  FullAWSAccess,
  managementAccount,
  normalize,
  organizationRoot,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { plan } from './index.ts';

/** An organization of the management account plus `existing` members, with `added` accounts to create. */
function setup(
  existing: number,
  added: number,
  quotas: Snapshot['quotas'],
  backend: 'sandbox' | 'aws' = 'sandbox',
) {
  const s = new SnapshotBuilder();
  const root = organizationRoot({ policies: [FullAWSAccess] });
  const accounts = [
    managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root }),
  ];
  for (let i = 0; i < existing; i++) {
    s.account(`m${i}`, `m${i}@example.com`);
    accounts.push(account({ name: `m${i}`, email: `m${i}@example.com`, parent: root }));
  }
  for (let i = 0; i < added; i++)
    accounts.push(account({ name: `new${i}`, email: `new${i}@example.com`, parent: root }));
  const built = s.build();
  const snapshot: Snapshot = {
    ...built,
    source:
      backend === 'aws' ? { ...built.source, backend: 'aws', location: 'aws (eu-west-1)' } : built.source,
    ...(quotas ? { quotas } : {}),
  };
  const desired = normalize(
    defineOrganization({
      policyTypes: ['SERVICE_CONTROL_POLICY'],
      root,
      organizationalUnits: [],
      accounts,
      defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
    }),
  );
  return plan({ desired, snapshot, toolVersion: '0.1.0', now: new Date(0) });
}

describe('the account quota at plan time', () => {
  it('refuses a plan that adds accounts beyond the quota, naming the count, the quota and the first account over', () => {
    // The builder's organization has the management account; 9 members fill a quota of 10.
    const result = setup(9, 2, { maxAccounts: 10 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const err = result.errors.find((e) => e.code === 'account-quota');
    expect(err?.message).toBe(
      'The config adds 2 account(s) to an organization that holds 10 of its quota of 10 accounts (suspended and closing accounts count until AWS removes them); 2 of them cannot be created.',
    );
    expect(err?.path).toBe('accounts[new0]');
    expect(err?.value).toEqual(['new0@example.com', 'new1@example.com']);
    expect(err?.fix).toContain(
      'Raise the quota to at least 12 (set quotas.maxAccounts in the sandbox file test.json)',
    );
  });

  it('on AWS, says where to raise it: Service Quotas in us-east-1, with the quota code', () => {
    const result = setup(8, 3, { maxAccounts: 10 }, 'aws');
    if (result.ok) throw new Error('expected the quota error');
    const err = result.errors.find((e) => e.code === 'account-quota')!;
    expect(err.path).toBe('accounts[new1]');
    expect(err.fix).toContain('"Default maximum number of accounts" (L-29A0C5DF)');
    expect(err.fix).toContain('us-east-1');
    // A quota raised by a support case that Service Quotas does not show can be given to orgops.
    expect(err.fix).toContain('--account-quota or ORGOPS_ACCOUNT_QUOTA');
  });

  it('allows a plan that fits exactly, and counts suspended accounts but not closed ones', () => {
    expect(setup(8, 1, { maxAccounts: 10 }).ok).toBe(true);
    const s = new SnapshotBuilder();
    s.account('gone', 'gone@example.com', 'r-test', { state: 'CLOSED' });
    s.account('leaving', 'leaving@example.com', 'r-test', { state: 'SUSPENDED' });
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const desired = normalize(
      defineOrganization({
        policyTypes: ['SERVICE_CONTROL_POLICY'],
        root,
        organizationalUnits: [],
        accounts: [
          managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root }),
          account({ name: 'leaving', email: 'leaving@example.com', parent: root, close: { reason: 'done' } }),
          account({ name: 'new', email: 'new@example.com', parent: root }),
        ],
        defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
      }),
    );
    const at = (maxAccounts: number) =>
      plan({ desired, snapshot: { ...s.build(), quotas: { maxAccounts } }, toolVersion: '0.1.0' });
    expect(at(3).ok).toBe(true);
    expect(at(2).ok).toBe(false);
  });

  it('warns, and still plans, when the quota could not be read', () => {
    const result = setup(
      9,
      1,
      { maxAccountsUnreadable: 'AccessDeniedException on servicequotas:GetServiceQuota' },
      'aws',
    );
    expect(result.ok).toBe(true);
    const warning = result.warnings.find((w) => w.code === 'account-quota-unknown');
    expect(warning?.message).toContain('AccessDeniedException on servicequotas:GetServiceQuota');
    expect(warning?.fix).toContain('servicequotas:GetServiceQuota');
    expect(warning?.fix).toContain('--account-quota or ORGOPS_ACCOUNT_QUOTA');
  });

  it('says nothing when the plan creates no account', () => {
    const result = setup(9, 0, { maxAccountsUnreadable: 'denied' });
    expect(result.ok).toBe(true);
    expect(result.warnings.filter((w) => w.code.startsWith('account-quota'))).toEqual([]);
  });
});
