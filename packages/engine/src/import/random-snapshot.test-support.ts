import fc from 'fast-check';
import type {
  Snapshot,
  SnapshotAccount,
  SnapshotOu,
  SnapshotPermissionSet,
  SnapshotPolicy,
} from '../snapshot.ts';

// Names chosen to collide with each other, with reserved words, with the generated files' own
// identifiers, and to need escaping.
const OU_NAMES = [
  'Prod',
  'prod',
  'Workloads',
  'default',
  'class',
  '1st',
  'Sécurité',
  'a b',
  'x-y',
  'root',
  'accounts',
  'Sandbox',
];
const ACCOUNT_NAMES = [
  'prod',
  'Prod',
  'log-archive',
  'audit',
  'FullAWSAccess',
  'new',
  '123',
  "o'brien",
  'app prod',
  'workloads',
];
const POLICY_NAMES = [
  'deny-leave',
  'Deny Leave',
  'prod',
  'guardrail',
  'assign',
  'class',
  'aws-guardrails-Xyz12',
];
const PS_NAMES = [
  'ReadOnly',
  'Admin',
  'prod',
  'developers',
  'AWSControlTowerAdmin',
  'AWSServiceCatalogEndUserAccess',
  'x.y@z',
];
const TAG_KEYS = ['env', 'cost-center', 'Owner', '__proto__', 'aws:cloudformation:stack-name'];
const TAG_VALUES = ['', 'prod', 'a b', 'x=y', 'tëst'];

const DOCUMENTS: readonly string[] = [
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
  }),
  JSON.stringify({
    Statement: [
      {
        Sid: "It's fine",
        Effect: 'Deny',
        NotAction: ['iam:*'],
        Resource: "arn:aws:s3:::bucket-'quoted'/line\nbreak\u2028",
        Condition: {
          NumericGreaterThan: { 'aws:MultiFactorAuthAge': 3600 },
          Bool: { 'aws:SecureTransport': false },
        },
      },
    ],
    Version: '2012-10-17',
  }),
  JSON.stringify({
    Version: '2012-10-17',
    Id: 'with-id',
    Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
  }),
  JSON.stringify({ Version: '2008-10-17', Statement: [] }),
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x","a":[1,2.5,-0,true,null]}}}]}',
  'not json {',
];
const RCP_DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});
const TAG_DOCUMENT = JSON.stringify({ tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } });

const tags = fc
  .array(fc.tuple(fc.constantFrom(...TAG_KEYS), fc.constantFrom(...TAG_VALUES)), { maxLength: 3 })
  .map((pairs) => Object.fromEntries(pairs));
const targets = fc.array(fc.nat(), { maxLength: 4 });

/** The random organization's shape, made consistent by {@link toSnapshot}. */
export const shape = fc.record({
  ous: fc.array(fc.record({ name: fc.constantFrom(...OU_NAMES), parent: fc.nat(), tags }), { maxLength: 8 }),
  accounts: fc.array(
    fc.record({
      name: fc.constantFrom(...ACCOUNT_NAMES),
      parent: fc.nat(),
      tags,
      state: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE') as fc.Arbitrary<
        SnapshotAccount['state']
      >,
    }),
    { maxLength: 8 },
  ),
  scps: fc.array(
    fc.record({
      name: fc.constantFrom(...POLICY_NAMES),
      content: fc.constantFrom(...DOCUMENTS),
      description: fc.constantFrom('', 'Guardrail: keep'),
      tags,
      targets,
    }),
    { maxLength: 4 },
  ),
  fullAccessDetachedFrom: targets,
  rcp: fc.option(targets),
  tagPolicy: fc.option(fc.record({ name: fc.constantFrom(...POLICY_NAMES), targets, enabled: fc.boolean() })),
  permissionSets: fc.array(
    fc.record({
      name: fc.constantFrom(...PS_NAMES),
      description: fc.option(fc.constantFrom('', 'Read-only', "Ops' access")),
      sessionDuration: fc.constantFrom('PT1H', 'PT2H', 'PT90M', 'PT12H'),
      relayState: fc.option(fc.constantFrom('', 'https://console.aws.amazon.com/s3/home')),
      inlinePolicy: fc.option(fc.constantFrom(...DOCUMENTS.slice(0, 5))),
      managedPolicies: fc.subarray([
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      ]),
      customerManagedPolicies: fc.subarray([
        { name: 'baseline', path: '/' },
        { name: 'team', path: '/teams/' },
        { name: 'no-path', path: '' },
      ]),
      permissionsBoundary: fc.option(
        fc.constantFrom<SnapshotPermissionSet['permissionsBoundary']>(
          { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
          { customerManagedPolicy: { name: 'boundary', path: '/' } },
          { customerManagedPolicy: { name: 'boundary', path: '/b/' } },
        ),
      ),
      tags,
    }),
    { maxLength: 4 },
  ),
  assignments: fc.array(fc.record({ permissionSet: fc.nat(), principal: fc.nat(), account: fc.nat() }), {
    maxLength: 14,
  }),
  delegatedAdmin: fc.option(
    fc.record({
      service: fc.constantFrom('guardduty.amazonaws.com', 'securityhub.amazonaws.com'),
      account: fc.nat(),
    }),
  ),
});

const PRINCIPALS = [
  { type: 'GROUP' as const, id: 'g-1', name: 'developers' },
  { type: 'GROUP' as const, id: 'g-2', name: 'Platform Admins' },
  { type: 'GROUP' as const, id: 'g-3', name: 'ReadOnly' },
  { type: 'USER' as const, id: 'u-1', name: 'alice@example.com' },
];

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** A consistent snapshot from the random shape: unique sibling names, valid parents, real ids. */
export function toSnapshot(s: typeof shape extends fc.Arbitrary<infer T> ? T : never): Snapshot {
  const rootId = 'r-prop';
  const ous: SnapshotOu[] = [];
  const siblingNames = new Map<string, Set<string>>();
  s.ous.forEach((o, i) => {
    const parentId = o.parent % (ous.length + 1) === 0 ? rootId : ous[(o.parent % (ous.length + 1)) - 1]!.id;
    const taken = siblingNames.get(parentId) ?? new Set<string>();
    siblingNames.set(parentId, taken);
    ous.push({ id: `ou-prop-${i}`, name: unique(o.name, taken), parentId, tags: o.tags });
  });
  const parentOf = (n: number): string =>
    n % (ous.length + 1) === 0 ? rootId : ous[(n % (ous.length + 1)) - 1]!.id;
  const accounts: SnapshotAccount[] = [
    {
      id: '100000000000',
      name: 'management',
      email: 'mgmt@example.com',
      state: 'ACTIVE',
      parentId: rootId,
      tags: {},
    },
    ...s.accounts.map((a, i) => ({
      id: String(200000000000 + i),
      name: a.name,
      email: `Account-${i}@Example.com`,
      state: a.state,
      parentId: parentOf(a.parent),
      tags: a.tags,
    })),
  ];
  const targetIds = [rootId, ...ous.map((o) => o.id), ...accounts.map((a) => a.id)];
  const pick = (ns: readonly number[]): string[] => [
    ...new Set(ns.map((n) => targetIds[n % targetIds.length]!)),
  ];

  const detached = new Set(pick(s.fullAccessDetachedFrom));
  const policies: SnapshotPolicy[] = [
    {
      id: 'p-FullAWSAccess',
      type: 'SERVICE_CONTROL_POLICY',
      name: 'FullAWSAccess',
      description: 'Allows access to every operation',
      content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      awsManaged: true,
      tags: {},
      targets: targetIds.filter((t) => !detached.has(t)),
    },
  ];
  const scpNames = new Set<string>();
  s.scps.forEach((p, i) => {
    policies.push({
      id: `p-scp${i}`,
      type: 'SERVICE_CONTROL_POLICY',
      name: unique(p.name, scpNames),
      description: p.description,
      content: p.content,
      awsManaged: false,
      tags: p.tags,
      targets: pick(p.targets),
    });
  });
  const policyTypes = ['SERVICE_CONTROL_POLICY'];
  if (s.rcp) {
    policyTypes.push('RESOURCE_CONTROL_POLICY');
    policies.push({
      id: 'p-RCPFullAWSAccess',
      type: 'RESOURCE_CONTROL_POLICY',
      name: 'RCPFullAWSAccess',
      description: '',
      content: '',
      awsManaged: true,
      tags: {},
      targets: targetIds,
    });
    policies.push({
      id: 'p-rcp',
      type: 'RESOURCE_CONTROL_POLICY',
      name: 'deny-insecure-transport',
      description: '',
      content: RCP_DOCUMENT,
      awsManaged: false,
      tags: {},
      targets: pick(s.rcp),
    });
  }
  if (s.tagPolicy) {
    if (s.tagPolicy.enabled) policyTypes.push('TAG_POLICY');
    const attached = s.tagPolicy.enabled ? pick(s.tagPolicy.targets) : [];
    policies.push({
      id: 'p-tag',
      type: 'TAG_POLICY',
      name: s.tagPolicy.name,
      description: '',
      content: TAG_DOCUMENT,
      awsManaged: false,
      tags: {},
      targets: attached,
    });
  }

  const psNames = new Set<string>();
  const permissionSets: SnapshotPermissionSet[] = s.permissionSets.map((p, i) => ({
    arn: `arn:aws:sso:::permissionSet/ssoins-prop/ps-${i}`,
    name: unique(p.name, psNames),
    description: p.description ?? undefined,
    sessionDuration: p.sessionDuration,
    relayState: p.relayState ?? undefined,
    inlinePolicy: p.inlinePolicy ?? undefined,
    managedPolicies: p.managedPolicies,
    customerManagedPolicies: p.customerManagedPolicies,
    permissionsBoundary: p.permissionsBoundary ?? undefined,
    tags: p.tags,
    provisionedTo: [],
    outdatedIn: [],
  }));
  const assignments = permissionSets.length
    ? s.assignments.map((a) => ({
        permissionSetArn: permissionSets[a.permissionSet % permissionSets.length]!.arn,
        accountId: accounts[a.account % accounts.length]!.id,
        principalType: PRINCIPALS[a.principal % PRINCIPALS.length]!.type,
        principalId: PRINCIPALS[a.principal % PRINCIPALS.length]!.id,
      }))
    : [];
  const delegated = s.delegatedAdmin;
  return {
    snapshotVersion: 1,
    source: { backend: 'sandbox', location: 'property.json', readAt: '2026-11-23T00:00:00.000Z' },
    organization: { id: 'o-prop', managementAccountId: '100000000000', featureSet: 'ALL' },
    root: { id: rootId, policyTypes: policyTypes.map((type) => ({ type, status: 'ENABLED' as const })) },
    ous,
    accounts,
    policies,
    trustedServices: ['sso.amazonaws.com', ...(delegated ? [delegated.service] : [])],
    delegatedAdministrators: delegated
      ? [
          {
            accountId: accounts[delegated.account % accounts.length]!.id,
            servicePrincipal: delegated.service,
          },
        ]
      : [],
    identityCenter: {
      instanceArn: 'arn:aws:sso:::instance/ssoins-prop',
      identityStoreId: 'd-prop',
      permissionSets,
      assignments,
      principals: PRINCIPALS,
    },
  };
}
