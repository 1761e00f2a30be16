import * as z from 'zod';
import type { Action, Change, ChangeKind } from '../change.ts';
import type { Equals, SchemaMatches } from './schema-types.ts';

/**
 * The runtime schema of every change kind, checked when a saved plan is loaded so a malformed
 * change is a located error instead of a TypeError inside the applier. Objects are strict: a key
 * the applier does not know is an edit, not data to carry along. `change.ts` is the source of the
 * types; the checks at the bottom fail `tsc` when a schema and its type disagree, or when a kind is
 * added to `Change` without a schema here.
 */

const text = z.string();
const name = z.string().min(1);
export const tags = z.record(z.string(), z.string()).meta({ id: 'Tags' });

/**
 * How changes name an OU. The one definition to adjust if the planner's representation of OU
 * paths changes.
 */
const ouPath = z
  .string()
  .regex(/^\//, { error: 'must be an OU path starting with "/"' })
  .meta({ id: 'OuPath', description: 'An OU path under the root, e.g. `/Workloads/Prod`; the root is `/`.' });

/** Policy documents travel as JSON text; AWS-managed policies whose content was not read are `""`. */
const jsonText = z
  .string()
  .refine((value) => value === '' || isJson(value), { error: 'must be JSON text (a policy document)' })
  .meta({ id: 'PolicyText', description: 'A policy document as JSON text.' });

const base = {
  address: z.string().min(1).describe('Stable address of the resource, e.g. `ou/Workloads/Prod`.'),
  reason: z.string().optional(),
  hint: z.string().optional(),
};

export const accountRef = z
  .strictObject({ email: text, id: z.string().optional(), name: text })
  .meta({ id: 'AccountRef', description: 'An account: by email, and by id once it exists.' });
const tagDiff = z
  .strictObject({ set: tags, remove: z.array(z.string()), before: tags })
  .meta({ id: 'TagDiff', description: 'Tags to set and keys to remove, with the tags before.' });
const rename = z.strictObject({ from: name, to: name });
const customerManagedPolicy = z.strictObject({ name, path: z.string() });

const permissionSetFields = z.strictObject({
  description: z.string().optional(),
  sessionDuration: z.string(),
  relayState: z.string().optional(),
  inlinePolicy: jsonText.optional(),
  managedPolicies: z.array(z.string()),
  customerManagedPolicies: z.array(customerManagedPolicy),
  permissionsBoundary: z
    .union([
      z.strictObject({ managedPolicyArn: z.string() }),
      z.strictObject({ customerManagedPolicy: customerManagedPolicy }),
    ])
    .optional(),
  tags,
});

const targetRef = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('root') }),
    z.strictObject({ kind: z.literal('ou'), path: ouPath }),
    z.strictObject({ kind: z.literal('account'), account: accountRef }),
  ])
  .meta({ id: 'TargetRef', description: 'A policy target: the root, an OU by path, or an account.' });

export const principalRef = z
  .strictObject({ type: z.enum(['GROUP', 'USER']), name: text, id: z.string().optional() })
  .meta({ id: 'PrincipalRef', description: 'An Identity Center group or user, by name and resolved id.' });

/** One schema per change kind; `satisfies` makes a missing or unknown kind a compile error. */
export const CHANGE_SCHEMAS = {
  'policy-type': z
    .strictObject({
      ...base,
      kind: z.literal('policy-type'),
      action: z.enum(['enable', 'disable']),
      policyType: name,
    })
    .meta({ id: 'PolicyTypeChange' }),
  'trusted-service': z
    .strictObject({
      ...base,
      kind: z.literal('trusted-service'),
      action: z.enum(['enable', 'disable']),
      servicePrincipal: name,
    })
    .meta({ id: 'TrustedServiceChange' }),
  'delegated-admin': z
    .strictObject({
      ...base,
      kind: z.literal('delegated-admin'),
      action: z.enum(['register', 'deregister']),
      servicePrincipal: name,
      account: accountRef,
    })
    .meta({ id: 'DelegatedAdminChange' }),
  'ou-create': z
    .strictObject({
      ...base,
      kind: z.literal('ou-create'),
      action: z.literal('create'),
      path: ouPath,
      name,
      parentPath: ouPath,
      tags,
    })
    .meta({ id: 'OuCreate' }),
  'ou-update': z
    .strictObject({
      ...base,
      kind: z.literal('ou-update'),
      action: z.literal('update'),
      path: ouPath,
      rename: rename.optional(),
      tags: tagDiff.optional(),
    })
    .meta({ id: 'OuUpdate' }),
  'ou-delete': z
    .strictObject({
      ...base,
      kind: z.literal('ou-delete'),
      action: z.literal('delete'),
      path: ouPath,
      id: name,
    })
    .meta({ id: 'OuDelete' }),
  'account-create': z
    .strictObject({
      ...base,
      kind: z.literal('account-create'),
      action: z.literal('create'),
      email: name,
      name,
      parentPath: ouPath,
      tags,
    })
    .meta({ id: 'AccountCreate' }),
  'account-move': z
    .strictObject({
      ...base,
      kind: z.literal('account-move'),
      action: z.literal('move'),
      account: accountRef,
      fromPath: ouPath,
      toPath: ouPath,
      quarantine: z
        .strictObject({
          direction: z.enum(['enter', 'release']),
          reason: text,
          heldFor: z.string().optional(),
          quarantinedAt: z.string().optional(),
        })
        .meta({
          id: 'QuarantineMove',
          description:
            'A move through the quarantine door: into quarantine, or out of it by an explicit release.',
        })
        .optional(),
    })
    .meta({ id: 'AccountMove' }),
  'account-tag': z
    .strictObject({
      ...base,
      kind: z.literal('account-tag'),
      action: z.literal('tag'),
      account: accountRef,
      tags: tagDiff,
    })
    .meta({ id: 'AccountTag' }),
  'account-close': z
    .strictObject({
      ...base,
      kind: z.literal('account-close'),
      action: z.literal('close'),
      account: accountRef,
      closeReason: text,
    })
    .meta({ id: 'AccountClose' }),
  'policy-create': z
    .strictObject({
      ...base,
      kind: z.literal('policy-create'),
      action: z.literal('create'),
      policyType: name,
      name,
      description: text,
      content: jsonText,
      tags,
    })
    .meta({ id: 'PolicyCreate' }),
  'policy-update': z
    .strictObject({
      ...base,
      kind: z.literal('policy-update'),
      action: z.literal('update'),
      policyType: name,
      name,
      id: name,
      rename: rename.optional(),
      description: z.strictObject({ before: text, after: text }).optional(),
      content: z.strictObject({ before: jsonText, after: jsonText }).optional(),
      tags: tagDiff.optional(),
    })
    .meta({ id: 'PolicyUpdate' }),
  'policy-delete': z
    .strictObject({
      ...base,
      kind: z.literal('policy-delete'),
      action: z.literal('delete'),
      policyType: name,
      name,
      id: name,
      content: jsonText,
    })
    .meta({ id: 'PolicyDelete' }),
  'policy-attachment': z
    .strictObject({
      ...base,
      kind: z.literal('policy-attachment'),
      action: z.enum(['attach', 'detach']),
      policyType: name,
      policyName: name,
      target: targetRef,
    })
    .meta({ id: 'PolicyAttachment' }),
  'permission-set-create': z
    .strictObject({
      ...base,
      kind: z.literal('permission-set-create'),
      action: z.literal('create'),
      name,
      after: permissionSetFields,
    })
    .meta({ id: 'PermissionSetCreate' }),
  'permission-set-update': z
    .strictObject({
      ...base,
      kind: z.literal('permission-set-update'),
      action: z.literal('update'),
      name,
      arn: name,
      before: permissionSetFields.partial(),
      after: permissionSetFields.partial(),
    })
    .meta({ id: 'PermissionSetUpdate' }),
  'permission-set-delete': z
    .strictObject({
      ...base,
      kind: z.literal('permission-set-delete'),
      action: z.literal('delete'),
      name,
      arn: name,
    })
    .meta({ id: 'PermissionSetDelete' }),
  'permission-set-provision': z
    .strictObject({
      ...base,
      kind: z.literal('permission-set-provision'),
      action: z.literal('provision'),
      name,
      accounts: z.array(accountRef),
    })
    .meta({ id: 'PermissionSetProvision' }),
  assignment: z
    .strictObject({
      ...base,
      kind: z.literal('assignment'),
      action: z.enum(['create', 'delete']),
      principal: principalRef,
      permissionSet: name,
      account: accountRef,
    })
    .meta({ id: 'AssignmentChange' }),
} satisfies { readonly [K in ChangeKind]: z.ZodType };

const S = CHANGE_SCHEMAS;

/** Every action, for the plan summary's counts. */
export const ACTIONS = [
  'create',
  'update',
  'delete',
  'move',
  'attach',
  'detach',
  'provision',
  'enable',
  'disable',
  'register',
  'deregister',
  'close',
  'tag',
] as const;
const actionsMatch: Equals<(typeof ACTIONS)[number], Action> = true;
void actionsMatch;

/** Any change, chosen by its `kind`. */
export const changeSchema = z
  .discriminatedUnion('kind', [
    S['policy-type'],
    S['trusted-service'],
    S['delegated-admin'],
    S['ou-create'],
    S['ou-update'],
    S['ou-delete'],
    S['account-create'],
    S['account-move'],
    S['account-tag'],
    S['account-close'],
    S['policy-create'],
    S['policy-update'],
    S['policy-delete'],
    S['policy-attachment'],
    S['permission-set-create'],
    S['permission-set-update'],
    S['permission-set-delete'],
    S['permission-set-provision'],
    S.assignment,
  ])
  .meta({ id: 'Change', description: 'One change; `kind` says which.' });

/** Kinds whose schema does not describe exactly their type in change.ts (must be none). */
type MismatchedKinds = {
  [K in ChangeKind]: SchemaMatches<(typeof CHANGE_SCHEMAS)[K], Extract<Change, { kind: K }>> extends true
    ? never
    : K;
}[ChangeKind];
const kindsMatch: [MismatchedKinds] extends [never] ? true : MismatchedKinds = true;
const unionMatches: SchemaMatches<typeof changeSchema, Change> = true;
void kindsMatch;
void unionMatches;

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
