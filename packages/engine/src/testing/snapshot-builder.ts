import type {
  Snapshot,
  SnapshotAccount,
  SnapshotOu,
  SnapshotPermissionSet,
  SnapshotPolicy,
  SnapshotPrincipal,
} from '../snapshot.ts';

const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';

/**
 * What a builder starts from when the defaults will not do: fixtures with fixed ids (a review
 * fixture whose rendered output names them) and generators that number their own objects.
 */
export interface SnapshotBuilderOptions {
  /** Defaults to `o-test000001`, naming the management account below. */
  readonly organization?: Snapshot['organization'];
  /** The management account in the account list; `null` leaves it out (the organization still names it). */
  readonly management?: { readonly id: string; readonly name: string; readonly email: string } | null;
  readonly rootId?: string;
  readonly source?: Snapshot['source'];
  readonly identityCenter?: { readonly instanceArn: string; readonly identityStoreId: string };
  readonly principals?: readonly SnapshotPrincipal[];
  /**
   * `false`: no AWS FullAWSAccess policy and no automatic attachment of it; the fixture adds the
   * policy itself (with its own text and targets) through {@link SnapshotBuilder.policy}.
   */
  readonly fullAwsAccess?: boolean;
}

const DEFAULT_MANAGEMENT = { id: '100000000000', name: 'management', email: 'aws-management@example.com' };

/**
 * Builds snapshots for tests: starts from a fresh organization (management account, SCPs enabled,
 * FullAWSAccess on root and management account, an Identity Center instance) and adds to it.
 * Objects get generated ids unless the caller passes its own (`extra.id`, `fields.id`, `fields.arn`).
 */
export class SnapshotBuilder {
  private readonly rootId: string;
  private readonly organization: Snapshot['organization'];
  private readonly source: Snapshot['source'];
  private readonly instance: { readonly instanceArn: string; readonly identityStoreId: string };
  private readonly fullAccess: boolean;
  private ous: SnapshotOu[] = [];
  private accounts: SnapshotAccount[] = [];
  private policies: SnapshotPolicy[] = [];
  private permissionSets: SnapshotPermissionSet[] = [];
  private assignments: {
    permissionSetArn: string;
    accountId: string;
    principalType: 'GROUP' | 'USER';
    principalId: string;
  }[] = [];
  private principals: SnapshotPrincipal[];
  private trusted: string[] = ['sso.amazonaws.com'];
  private delegated: { accountId: string; servicePrincipal: string }[] = [];
  private policyTypes: string[] = ['SERVICE_CONTROL_POLICY'];
  private counter = 0;
  private identityCenter = true;

  constructor(options: SnapshotBuilderOptions = {}) {
    this.rootId = options.rootId ?? 'r-test';
    const management = options.management === undefined ? DEFAULT_MANAGEMENT : options.management;
    this.organization = options.organization ?? {
      id: 'o-test000001',
      managementAccountId: (management ?? DEFAULT_MANAGEMENT).id,
      managementAccountEmail: (management ?? DEFAULT_MANAGEMENT).email,
      featureSet: 'ALL',
    };
    this.source = options.source ?? {
      backend: 'sandbox',
      location: 'test.json',
      readAt: '2026-11-23T00:00:00.000Z',
    };
    this.instance = options.identityCenter ?? {
      instanceArn: 'arn:aws:sso:::instance/ssoins-test000000000001',
      identityStoreId: 'd-0000000000',
    };
    this.principals = [
      ...(options.principals ?? [
        { type: 'GROUP', id: 'g-developers', name: 'developers' },
        { type: 'GROUP', id: 'g-platform-admins', name: 'platform-admins' },
        { type: 'USER', id: 'u-alice', name: 'alice' },
      ]),
    ];
    this.fullAccess = options.fullAwsAccess ?? true;
    if (management) {
      this.accounts.push({ ...management, state: 'ACTIVE', parentId: this.rootId, tags: {} });
    }
    if (this.fullAccess) {
      this.policies.push({
        id: FULL_AWS_ACCESS_ID,
        type: 'SERVICE_CONTROL_POLICY',
        name: 'FullAWSAccess',
        description: 'Allows access to every operation',
        content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
        awsManaged: true,
        tags: {},
        targets: [this.rootId, ...(management ? [management.id] : [])],
      });
    }
  }

  /** The root's id, for parents and targets. */
  get root(): string {
    return this.rootId;
  }

  ou(
    name: string,
    parentId = this.rootId,
    tags: Record<string, string> = {},
    extra: Partial<SnapshotOu> = {},
  ): string {
    const ou = { id: `ou-test-${String(++this.counter).padStart(8, '0')}`, name, parentId, tags, ...extra };
    this.ous.push(ou);
    if (this.fullAccess) this.attach(FULL_AWS_ACCESS_ID, ou.id);
    return ou.id;
  }

  account(name: string, email: string, parentId = this.rootId, extra: Partial<SnapshotAccount> = {}): string {
    const account = {
      id: String(200000000000 + ++this.counter),
      name,
      email,
      state: 'ACTIVE' as const,
      parentId,
      tags: {},
      ...extra,
    };
    this.accounts.push(account);
    if (this.fullAccess) this.attach(FULL_AWS_ACCESS_ID, account.id);
    return account.id;
  }

  /**
   * A policy; `content` is a document (stored as its JSON) or the stored text itself, for text
   * that is not JSON or keeps a key order of its own.
   */
  policy(
    type: string,
    name: string,
    content: unknown,
    targets: string[] = [],
    fields: Partial<Pick<SnapshotPolicy, 'id' | 'description' | 'awsManaged' | 'tags'>> = {},
  ): string {
    const policy = {
      id: `p-test${String(++this.counter).padStart(8, '0')}`,
      type,
      name,
      description: '',
      content: typeof content === 'string' ? content : JSON.stringify(content),
      awsManaged: false,
      tags: {},
      targets,
      ...fields,
    };
    this.policies.push(policy);
    return policy.id;
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
    const instance = this.instance.instanceArn.replace(':instance/', ':permissionSet/');
    const arn = `${instance}/ps-${String(++this.counter).padStart(16, '0')}`;
    const ps = {
      arn,
      name,
      sessionDuration: 'PT1H',
      managedPolicies: [],
      customerManagedPolicies: [],
      tags: {},
      provisionedTo: [],
      outdatedIn: [],
      ...fields,
    };
    this.permissionSets.push(ps);
    return ps.arn;
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

  delegatedAdministrator(accountId: string, servicePrincipal: string): this {
    this.delegated.push({ accountId, servicePrincipal });
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
      source: this.source,
      organization: this.organization,
      root: {
        id: this.rootId,
        policyTypes: this.policyTypes.map((type) => ({ type, status: 'ENABLED' as const })),
      },
      ous: this.ous,
      accounts: this.accounts,
      policies: this.policies,
      trustedServices: this.trusted,
      delegatedAdministrators: this.delegated,
      ...(this.identityCenter
        ? {
            identityCenter: {
              ...this.instance,
              permissionSets: this.permissionSets,
              assignments: this.assignments,
              principals: this.principals,
            },
          }
        : {}),
    };
  }
}
