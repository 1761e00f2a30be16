import type { DesiredPermissionSet } from '@orgops/model';
import { awsManagedPolicy, policyStatements } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { ADMIN_EQUIVALENT_MANAGED_POLICIES, adminGrant, isAdminEquivalent } from '../src/index.ts';

const withManaged = (name: string): DesiredPermissionSet => ({
  name: 'X',
  sessionDuration: 'PT1H',
  managedPolicies: [`arn:aws:iam::aws:policy/${name}`],
  customerManagedPolicies: [],
  tags: {},
});

describe('admin-equivalent AWS managed policies', () => {
  it.each(ADMIN_EQUIVALENT_MANAGED_POLICIES)('%s grants admin by its own document', async (name) => {
    const { document } = await awsManagedPolicy(`arn:aws:iam::aws:policy/${name}`);
    expect(policyStatements(document).some((s) => adminGrant(s) !== undefined && !s.Condition)).toBe(true);
    expect(isAdminEquivalent(withManaged(name))).toBe(true);
  });

  it('leaves out PowerUserAccess (no IAM) and ReadOnlyAccess', () => {
    expect(isAdminEquivalent(withManaged('PowerUserAccess'))).toBe(false);
    expect(isAdminEquivalent(withManaged('ReadOnlyAccess'))).toBe(false);
  });
});
