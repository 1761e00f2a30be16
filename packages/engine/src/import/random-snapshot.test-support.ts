import fc from 'fast-check';
import type { Snapshot, SnapshotAccount, SnapshotPermissionSet } from '../snapshot.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';

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
  const b = new SnapshotBuilder({
    organization: { id: 'o-prop', managementAccountId: '100000000000', featureSet: 'ALL' },
    management: { id: '100000000000', name: 'management', email: 'mgmt@example.com' },
    rootId: 'r-prop',
    source: { backend: 'sandbox', location: 'property.json', readAt: '2026-11-23T00:00:00.000Z' },
    identityCenter: { instanceArn: 'arn:aws:sso:::instance/ssoins-prop', identityStoreId: 'd-prop' },
    principals: PRINCIPALS,
  });
  const ous: string[] = [];
  const parentOf = (n: number): string =>
    n % (ous.length + 1) === 0 ? b.root : ous[(n % (ous.length + 1)) - 1]!;
  const siblingNames = new Map<string, Set<string>>();
  s.ous.forEach((o, i) => {
    const parentId = parentOf(o.parent);
    const taken = siblingNames.get(parentId) ?? new Set<string>();
    siblingNames.set(parentId, taken);
    ous.push(b.ou(unique(o.name, taken), parentId, o.tags, { id: `ou-prop-${i}` }));
  });
  const accounts = [
    '100000000000',
    ...s.accounts.map((a, i) =>
      b.account(a.name, `Account-${i}@Example.com`, parentOf(a.parent), {
        id: String(200000000000 + i),
        state: a.state,
        tags: a.tags,
      }),
    ),
  ];
  const targetIds = [b.root, ...ous, ...accounts];
  const pick = (ns: readonly number[]): string[] => [
    ...new Set(ns.map((n) => targetIds[n % targetIds.length]!)),
  ];

  for (const target of pick(s.fullAccessDetachedFrom)) b.detach('p-FullAWSAccess', target);
  const scpNames = new Set<string>();
  s.scps.forEach((p, i) => {
    b.policy('SERVICE_CONTROL_POLICY', unique(p.name, scpNames), p.content, pick(p.targets), {
      id: `p-scp${i}`,
      description: p.description,
      tags: p.tags,
    });
  });
  if (s.rcp) {
    b.enablePolicyType('RESOURCE_CONTROL_POLICY');
    b.policy('RESOURCE_CONTROL_POLICY', 'RCPFullAWSAccess', '', targetIds, {
      id: 'p-RCPFullAWSAccess',
      awsManaged: true,
    });
    b.policy('RESOURCE_CONTROL_POLICY', 'deny-insecure-transport', RCP_DOCUMENT, pick(s.rcp), {
      id: 'p-rcp',
    });
  }
  if (s.tagPolicy) {
    if (s.tagPolicy.enabled) b.enablePolicyType('TAG_POLICY');
    const attached = s.tagPolicy.enabled ? pick(s.tagPolicy.targets) : [];
    b.policy('TAG_POLICY', s.tagPolicy.name, TAG_DOCUMENT, attached, { id: 'p-tag' });
  }

  const psNames = new Set<string>();
  const permissionSets = s.permissionSets.map((p, i) =>
    b.permissionSet(unique(p.name, psNames), {
      arn: `arn:aws:sso:::permissionSet/ssoins-prop/ps-${i}`,
      description: p.description ?? undefined,
      sessionDuration: p.sessionDuration,
      relayState: p.relayState ?? undefined,
      inlinePolicy: p.inlinePolicy ?? undefined,
      managedPolicies: p.managedPolicies,
      customerManagedPolicies: p.customerManagedPolicies,
      permissionsBoundary: p.permissionsBoundary ?? undefined,
      tags: p.tags,
    }),
  );
  if (permissionSets.length) {
    for (const a of s.assignments) {
      const principal = PRINCIPALS[a.principal % PRINCIPALS.length]!;
      b.assignment(
        permissionSets[a.permissionSet % permissionSets.length]!,
        accounts[a.account % accounts.length]!,
        principal.id,
        principal.type,
      );
    }
  }
  const delegated = s.delegatedAdmin;
  if (delegated) {
    b.trustedService(delegated.service);
    b.delegatedAdministrator(accounts[delegated.account % accounts.length]!, delegated.service);
  }
  return b.build();
}
