/**
 * The shape of the brownfield organization as data: its OU tree, where its 200 accounts live, its
 * permission sets and principals. seed-brownfield.ts creates it in moto; the tests compare what
 * orgops reads and imports against it.
 */

export const MANAGEMENT_ACCOUNT = '123456789012';
/** The OU tree as paths; parents come before children. */
export const OU_PATHS = [
  'Security',
  'Infrastructure',
  'Workloads',
  'Sandbox',
  'Suspended',
  'Security/Audit',
  'Security/Logs',
  'Infrastructure/Network',
  'Infrastructure/Shared',
  'Workloads/Prod',
  'Workloads/Staging',
  'Workloads/Dev',
  'Sandbox/Teams',
  'Workloads/Prod/Payments',
  'Workloads/Prod/Shop',
  'Workloads/Prod/Data',
  'Workloads/Staging/Payments',
  'Workloads/Staging/Shop',
  'Workloads/Dev/Payments',
  'Workloads/Dev/Shop',
] as const;
export type OuPath = (typeof OU_PATHS)[number];

export const OU_TAGS: Partial<Record<OuPath, Record<string, string>>> = {
  Security: { owner: 'security' },
  Workloads: { owner: 'platform' },
  'Workloads/Prod': { env: 'prod' },
  'Workloads/Staging': { env: 'staging' },
  'Workloads/Dev': { env: 'dev' },
  Sandbox: { env: 'sandbox' },
};

/** Where the 200 member accounts live: [home ('' is the root), name prefix, count, env, team]. */
export const HOMES: readonly (readonly [OuPath | '', string, number, string, string])[] = [
  ['Security', 'security-tooling', 1, 'shared', 'security'],
  ['Security/Audit', 'audit', 2, 'shared', 'security'],
  ['Security/Logs', 'log-archive', 2, 'shared', 'security'],
  ['Infrastructure/Network', 'network', 3, 'shared', 'platform'],
  ['Infrastructure/Shared', 'shared-services', 4, 'shared', 'platform'],
  ['Workloads/Prod/Payments', 'prod-payments', 30, 'prod', 'payments'],
  ['Workloads/Prod/Shop', 'prod-shop', 30, 'prod', 'shop'],
  ['Workloads/Prod/Data', 'prod-data', 20, 'prod', 'data'],
  ['Workloads/Staging/Payments', 'staging-payments', 15, 'staging', 'payments'],
  ['Workloads/Staging/Shop', 'staging-shop', 15, 'staging', 'shop'],
  ['Workloads/Dev/Payments', 'dev-payments', 25, 'dev', 'payments'],
  ['Workloads/Dev/Shop', 'dev-shop', 25, 'dev', 'shop'],
  ['Sandbox/Teams', 'sandbox', 26, 'sandbox', 'sandbox'],
  ['', 'legacy', 2, 'prod', 'legacy'],
];

export const denyContent = (actions: readonly string[], resources: readonly string[] = ['*']): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Deny',
        Effect: 'Deny',
        Action: [...actions],
        Resource: resources.length === 1 ? resources[0] : [...resources],
      },
    ],
  });

/**
 * Smells years of console work leave, seeded so `orgops lint` on the import must name each one:
 * a misspelt action in a guardrail (deny-cloudtrail-changes), an inline `*` admin hidden in an
 * innocent permission set (Support), an SCP at 95 % of its size limit (deny-sandbox-expensive),
 * assignments to users (alice, bob, carol, dave) and an admin permission set with 8-hour
 * sessions (BreakGlass).
 */
export const SEEDED_SMELLS = {
  misspeltAction: 'cloudtrail:StopLoging',
  inlineAdmin: 'Support',
  nearLimitPolicy: 'deny-sandbox-expensive',
  users: ['alice', 'bob', 'carol', 'dave'],
  longAdminSession: 'BreakGlass',
} as const;

/** 205 instance ARNs: with the action, 9,700-odd characters of the SCP's 10,240. */
export const NEAR_LIMIT_RESOURCES = Array.from(
  { length: 205 },
  (_, i) => `arn:aws:ec2:*:*:instance/i-0a1b2c3d4e${String(i).padStart(7, '0')}`,
);

export interface PermissionSetSeed {
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly managed: readonly string[];
  readonly inline?: string;
  readonly customerManaged?: readonly { readonly name: string; readonly path: string }[];
}

/** The key tests compare assignments by. */
export const assignmentKey = (a: {
  readonly PrincipalType?: string;
  readonly PrincipalId?: string;
  readonly PermissionSetArn?: string;
  readonly TargetId?: string;
}): string => `${a.PrincipalType}:${a.PrincipalId}/${a.PermissionSetArn}@${a.TargetId}`;

const awsPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;

/** Ten permission sets using every attribute moto stores (no boundaries or tags: moto lacks them). */
export const PERMISSION_SETS: readonly PermissionSetSeed[] = [
  {
    name: 'AdministratorAccess',
    description: 'Full access',
    sessionDuration: 'PT1H',
    managed: [awsPolicy('AdministratorAccess')],
  },
  {
    name: 'ReadOnly',
    description: 'Read everything',
    sessionDuration: 'PT8H',
    managed: [awsPolicy('ReadOnlyAccess')],
  },
  {
    name: 'SecurityAudit',
    description: 'Security team audit',
    sessionDuration: 'PT4H',
    relayState: 'https://console.aws.amazon.com/securityhub/home',
    managed: [awsPolicy('SecurityAudit'), awsPolicy('ReadOnlyAccess')],
  },
  {
    name: 'PowerUser',
    description: 'Everything but IAM',
    sessionDuration: 'PT4H',
    managed: [awsPolicy('PowerUserAccess')],
    inline: denyContent(['iam:CreateUser', 'iam:CreateAccessKey']),
  },
  { name: 'Billing', sessionDuration: 'PT2H', managed: [awsPolicy('AWSBillingReadOnlyAccess')] },
  {
    name: 'S3Reader',
    description: 'Read S3 data',
    sessionDuration: 'PT1H',
    managed: [awsPolicy('AmazonS3ReadOnlyAccess')],
    inline: denyContent(['s3:PutObject', 's3:DeleteObject']),
  },
  {
    name: 'Support',
    description: 'Open support cases',
    sessionDuration: 'PT1H',
    managed: [awsPolicy('AWSSupportAccess')],
    // "Temporary" full access someone added during an incident and never removed.
    inline: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    }),
  },
  {
    name: 'Developer',
    description: 'Build and deploy',
    sessionDuration: 'PT12H',
    managed: [awsPolicy('PowerUserAccess')],
    customerManaged: [{ name: 'developer-extras', path: '/' }],
  },
  {
    name: 'NetworkAdmin',
    description: 'Network operations',
    sessionDuration: 'PT2H',
    managed: [],
    inline: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ec2:*Vpc*', 'ec2:*Subnet*', 'ec2:*Route*'], Resource: '*' }],
    }),
  },
  {
    name: 'BreakGlass',
    description: 'Emergency access, alarmed',
    sessionDuration: 'PT8H',
    managed: [awsPolicy('AdministratorAccess')],
  },
];

/** Groups (12 assigned, plus Contractors, used only by the out-of-band phase) and users. */
export const GROUPS = [
  'Auditors',
  'Platform',
  'payments-prod',
  'shop-prod',
  'data-prod',
  'payments-staging',
  'shop-staging',
  'payments-dev',
  'shop-dev',
  'sandbox-users',
  'FinOps',
  'Security-Responders',
  'Contractors',
] as const;
export const USERS = ['alice', 'bob', 'carol', 'dave', 'eve'] as const;
