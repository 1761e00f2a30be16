import type {
  Snapshot,
  SnapshotAccount,
  SnapshotOu,
  SnapshotPermissionSet,
  SnapshotPolicy,
} from '../snapshot.ts';

/**
 * Builds snapshots for tests: starts from a fresh organization (management account, SCPs enabled,
 * FullAWSAccess on root and management account, an Identity Center instance) and adds to it.
 */
export class SnapshotBuilder {
  private ous: SnapshotOu[] = [];
  private accounts: SnapshotAccount[] = [
    {
      id: '100000000000',
      name: 'management',
      email: 'aws-management@example.com',
      state: 'ACTIVE',
      parentId: 'r-test',
      tags: {},
    },
  ];
  private policies: SnapshotPolicy[] = [
    {
      id: 'p-FullAWSAccess',
      type: 'SERVICE_CONTROL_POLICY',
      name: 'FullAWSAccess',
      description: 'Allows access to every operation',
      content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      awsManaged: true,
      tags: {},
      targets: ['r-test', '100000000000'],
    },
  ];
  private permissionSets: SnapshotPermissionSet[] = [];
  private assignments: {
    permissionSetArn: string;
    accountId: string;
    principalType: 'GROUP' | 'USER';
    principalId: string;
  }[] = [];
  private principals = [
    { type: 'GROUP' as const, id: 'g-developers', name: 'developers' },
    { type: 'GROUP' as const, id: 'g-platform-admins', name: 'platform-admins' },
    { type: 'USER' as const, id: 'u-alice', name: 'alice' },
  ];
  private trusted: string[] = ['sso.amazonaws.com'];
  private policyTypes: string[] = ['SERVICE_CONTROL_POLICY'];
  private counter = 0;
  private identityCenter = true;

  ou(name: string, parentId = 'r-test', tags: Record<string, string> = {}): string {
    const id = `ou-test-${String(++this.counter).padStart(8, '0')}`;
    this.ous.push({ id, name, parentId, tags });
    this.attach('p-FullAWSAccess', id);
    return id;
  }

  account(name: string, email: string, parentId = 'r-test', extra: Partial<SnapshotAccount> = {}): string {
    const id = String(200000000000 + ++this.counter);
    this.accounts.push({ id, name, email, state: 'ACTIVE', parentId, tags: {}, ...extra });
    this.attach('p-FullAWSAccess', id);
    return id;
  }

  policy(type: string, name: string, content: unknown, targets: string[] = []): string {
    const id = `p-test${String(++this.counter).padStart(8, '0')}`;
    this.policies.push({
      id,
      type,
      name,
      description: '',
      content: JSON.stringify(content),
      awsManaged: false,
      tags: {},
      targets,
    });
    return id;
  }

  attach(policyId: string, targetId: string): this {
    const p = this.policies.find((x) => x.id === policyId)!;
    this.policies = this.policies.map((x) => (x === p ? { ...p, targets: [...p.targets, targetId] } : x));
    return this;
  }

  detach(policyId: string, targetId: string): this {
    this.policies = this.policies.map((x) =>
      x.id === policyId ? { ...x, targets: x.targets.filter((t) => t !== targetId) } : x,
    );
    return this;
  }

  permissionSet(name: string, fields: Partial<SnapshotPermissionSet> = {}): string {
    const arn = `arn:aws:sso:::permissionSet/ssoins-test000000000001/ps-${String(++this.counter).padStart(16, '0')}`;
    this.permissionSets.push({
      arn,
      name,
      sessionDuration: 'PT1H',
      managedPolicies: [],
      customerManagedPolicies: [],
      tags: {},
      provisionedTo: [],
      outdatedIn: [],
      ...fields,
    });
    return arn;
  }

  assignment(
    permissionSetArn: string,
    accountId: string,
    principalId: string,
    principalType: 'GROUP' | 'USER' = 'GROUP',
  ): this {
    this.assignments.push({ permissionSetArn, accountId, principalType, principalId });
    const ps = this.permissionSets.find((p) => p.arn === permissionSetArn)!;
    if (!ps.provisionedTo.includes(accountId)) {
      this.permissionSets = this.permissionSets.map((p) =>
        p === ps ? { ...ps, provisionedTo: [...ps.provisionedTo, accountId] } : p,
      );
    }
    return this;
  }

  enablePolicyType(type: string): this {
    this.policyTypes.push(type);
    return this;
  }

  trustedService(principal: string): this {
    this.trusted.push(principal);
    return this;
  }

  /** An organization where IAM Identity Center was never enabled. */
  withoutIdentityCenter(): this {
    this.identityCenter = false;
    return this;
  }

  build(): Snapshot {
    return {
      snapshotVersion: 1,
      source: { backend: 'sandbox', location: 'test.json', readAt: '2026-11-23T00:00:00.000Z' },
      organization: {
        id: 'o-test000001',
        managementAccountId: '100000000000',
        managementAccountEmail: 'aws-management@example.com',
        featureSet: 'ALL',
      },
      root: {
        id: 'r-test',
        policyTypes: this.policyTypes.map((type) => ({ type, status: 'ENABLED' as const })),
      },
      ous: this.ous,
      accounts: this.accounts,
      policies: this.policies,
      trustedServices: this.trusted,
      delegatedAdministrators: [],
      ...(this.identityCenter
        ? {
            identityCenter: {
              instanceArn: 'arn:aws:sso:::instance/ssoins-test000000000001',
              identityStoreId: 'd-0000000000',
              permissionSets: this.permissionSets,
              assignments: this.assignments,
              principals: this.principals,
            },
          }
        : {}),
    };
  }
}
