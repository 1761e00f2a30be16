import * as z from 'zod';
import { canonicalJson } from '../canonical-json.ts';

/**
 * The runtime shape of what a config module exports, for configs authored in plain JavaScript or
 * assembled by hand. Objects are strict so a misspelt key (`emial`, `organisationalUnits`) is
 * reported instead of silently ignored. Lengths, formats and cross-references are the rules' job:
 * the schema only guarantees that the rules and normalize() can read the config without throwing.
 */

const site = z.object({ file: z.string(), line: z.number(), column: z.number() });
const tags = z.record(z.string(), z.string({ error: 'must be a string ("" for an empty value)' }));

/** Documents are sent as JSON, so they must survive JSON serialization (no cycles, no BigInt). */
function mustBeJson(value: unknown, ctx: z.RefinementCtx): void {
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is required' });
    return;
  }
  try {
    if (canonicalJson(value) === undefined) throw new Error('not serializable');
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be JSON data (objects, arrays, strings, numbers, booleans, null)',
    });
  }
}

const jsonDocument = z.unknown().superRefine(mustBeJson);

const policySchema = z.strictObject({
  kind: z.literal('policy'),
  type: z.string().min(1, { error: 'must be a non-empty string such as "SERVICE_CONTROL_POLICY"' }),
  name: z.string(),
  description: z.string().optional(),
  content: jsonDocument,
  tags: tags.optional(),
  renamedFrom: z.string().optional(),
  awsManaged: z.strictObject({ id: z.string() }).optional(),
  site: site.optional(),
});

const policies = z.array(policySchema);

const rootSchema = z.strictObject({
  kind: z.literal('root'),
  policies,
  site: site.optional(),
});

const PARENT_ERROR =
  'must be the root or an OU (a value returned by organizationRoot() or organizationalUnit())';

const ouSchema = z.strictObject({
  kind: z.literal('ou'),
  name: z.string(),
  get parent() {
    return parentSchema;
  },
  tags: tags.optional(),
  policies,
  renamedFrom: z.string().optional(),
  site: site.optional(),
});

const parentSchema: z.ZodType = z.discriminatedUnion('kind', [rootSchema, ouSchema], { error: PARENT_ERROR });

const accountSchema = z.strictObject({
  kind: z.literal('account'),
  name: z.string(),
  email: z.string(),
  id: z.string({ error: 'must be a string of 12 digits (a number loses leading zeros)' }).optional(),
  parent: parentSchema,
  tags: tags.optional(),
  policies,
  management: z.boolean().optional(),
  close: z.strictObject({ reason: z.string() }).optional(),
  quarantine: z
    .strictObject({ reason: z.string(), at: z.string().optional(), by: z.string().optional() })
    .optional(),
  release: z.strictObject({ reason: z.string(), quarantinedAt: z.string().optional() }).optional(),
  site: site.optional(),
});

const customerManagedPolicy = z.strictObject({ name: z.string(), path: z.string().optional() });

const permissionSetSchema = z.strictObject({
  kind: z.literal('permission-set'),
  name: z.string(),
  description: z.string().optional(),
  sessionDuration: z.string().optional(),
  relayState: z.string().optional(),
  inlinePolicy: z
    .record(z.string(), z.unknown(), { error: 'must be a policy document object' })
    .superRefine(mustBeJson)
    .optional(),
  managedPolicies: z.array(z.string()).optional(),
  customerManagedPolicies: z.array(customerManagedPolicy).optional(),
  permissionsBoundary: z
    .union([z.strictObject({ managedPolicyArn: z.string() }), z.strictObject({ customerManagedPolicy })], {
      error: 'must be { managedPolicyArn } or { customerManagedPolicy: { name, path? } }',
    })
    .optional(),
  tags: tags.optional(),
  site: site.optional(),
});

const principalSchema = z.strictObject({
  kind: z.literal('principal'),
  type: z.enum(['GROUP', 'USER']),
  name: z.string(),
  site: site.optional(),
});

const tagTargetSchema = z.strictObject({
  kind: z.literal('tag'),
  key: z.string(),
  value: z.string().optional(),
});

const assignmentSchema = z.strictObject({
  kind: z.literal('assignment'),
  principal: principalSchema,
  permissionSet: permissionSetSchema,
  targets: z.array(
    z.discriminatedUnion('kind', [accountSchema, ouSchema, rootSchema, tagTargetSchema], {
      error: 'must be an account, an OU, the root or accountsTagged(...)',
    }),
  ),
  exclude: z.array(accountSchema).optional(),
  site: site.optional(),
});

const trustedServiceSchema = z.strictObject({
  kind: z.literal('trusted-service'),
  principal: z.string(),
  delegatedAdministrator: accountSchema.optional(),
  site: site.optional(),
});

const patterns = z.array(z.string()).optional();

// Playbooks are the organization's own typed data; only the fields orgops reads are checked.
const runbookSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  steps: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      why: z.string().optional(),
      command: z.string().optional(),
    }),
  ),
});

const quarantineSchema = z.strictObject({
  kind: z.literal('quarantine'),
  organizationalUnit: ouSchema,
  guardrails: policies,
  playbooks: z.array(runbookSchema).optional(),
  site: site.optional(),
});

const protectedRequestSchema = z.union(
  [
    z.string(),
    z.strictObject({ action: z.string(), resource: z.string().optional(), region: z.string().optional() }),
  ],
  { error: 'must be an action ("service:Action") or { action, resource?, region? }' },
);

const protectedRoleSchema = z.strictObject({
  kind: z.literal('protected-role'),
  name: z.string().min(1, { error: 'must be the role path and name, e.g. "break-glass"' }),
  in: z.union([z.literal('member-accounts'), z.literal('management-account'), z.array(accountSchema)], {
    error: "must be 'member-accounts', 'management-account' or a list of accounts",
  }),
  mustAllow: z.array(protectedRequestSchema),
  assumedFromManagement: z.boolean().optional(),
  site: site.optional(),
});

const waiverSchema = z.strictObject({
  kind: z.literal('waiver'),
  rule: z.string().min(1, { error: 'must be a lint rule id, e.g. "assignment-to-user"' }),
  target: z.discriminatedUnion(
    'kind',
    [
      policySchema,
      permissionSetSchema,
      assignmentSchema,
      accountSchema,
      ouSchema,
      rootSchema,
      protectedRoleSchema,
    ],
    { error: 'must be a policy, permission set, assignment, account, OU, the root or a protected role' },
  ),
  reason: z
    .string()
    .refine((r) => r.trim().length > 0, { error: 'must be a sentence saying why the finding is accepted' }),
  site: site.optional(),
});

export const organizationSchema = z.strictObject({
  kind: z.literal('organization'),
  policyTypes: z.array(z.string()),
  root: rootSchema,
  organizationalUnits: z.array(ouSchema),
  accounts: z.array(accountSchema),
  policies: policies.optional(),
  defaultPolicies: z.record(z.string(), policies).optional(),
  permissionSets: z.array(permissionSetSchema).optional(),
  assignments: z.array(assignmentSchema).optional(),
  trustedServices: z.array(trustedServiceSchema).optional(),
  ignore: z
    .strictObject({
      policies: patterns,
      permissionSets: patterns,
      organizationalUnits: patterns,
      accounts: patterns,
      trustedServices: patterns,
    })
    .optional(),
  disable: z.strictObject({ trustedServices: patterns, policyTypes: patterns }).optional(),
  quarantine: quarantineSchema.optional(),
  baseline: policies.optional(),
  protectedRoles: z.array(protectedRoleSchema).optional(),
  waivers: z.array(waiverSchema).optional(),
});

/** Known keys per `kind`, to suggest the intended key when an unknown one is found. */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  organization: Object.keys(organizationSchema.shape),
  root: Object.keys(rootSchema.shape),
  ou: Object.keys(ouSchema.shape),
  account: Object.keys(accountSchema.shape),
  policy: Object.keys(policySchema.shape),
  'permission-set': Object.keys(permissionSetSchema.shape),
  principal: Object.keys(principalSchema.shape),
  assignment: Object.keys(assignmentSchema.shape),
  'trusted-service': Object.keys(trustedServiceSchema.shape),
  tag: Object.keys(tagTargetSchema.shape),
  quarantine: Object.keys(quarantineSchema.shape),
  'protected-role': Object.keys(protectedRoleSchema.shape),
  waiver: Object.keys(waiverSchema.shape),
};
