import type { TrailEvent } from '../ports.ts';

export const ORGANIZATIONS_SOURCE = 'organizations.amazonaws.com';
export const IDENTITY_CENTER_SOURCE = 'sso.amazonaws.com';

/**
 * What the events say must be read again. Only objects named here are re-read; everything else is
 * taken from the last full read, except what is always read afresh (see read-since.ts).
 */
export interface Dirty {
  /** Roots and OUs whose child OUs and accounts are listed again. */
  readonly parents: Set<string>;
  /** OUs renamed or deleted: their parent (in the last full read) is listed again. */
  readonly ous: Set<string>;
  /** Organizations resources whose tags are read again. */
  readonly tags: Set<string>;
  /** Policy types listed again (a policy created, renamed or deleted). */
  readonly policyTypes: Set<string>;
  /** Deleted policies: their type (in the last full read) is listed again. */
  readonly deletedPolicies: Set<string>;
  /** DescribePolicy again: name, description, content. */
  readonly policyDetails: Set<string>;
  /** ListTargetsForPolicy again. */
  readonly policyTargets: Set<string>;
  /** Policy types enabled or disabled: every attachment of the type changed. */
  readonly typeSweeps: Set<string>;
  /** A new account may sit in the root: list the root's accounts again. */
  newAccounts: boolean;
  /** ListPermissionSets again. */
  permissionSetList: boolean;
  /** Permission sets read again whole. */
  readonly permissionSets: Set<string>;
  /** `permissionSetArn|accountId` pairs whose assignments are listed again. */
  readonly pairs: Set<string>;
}

export function emptyDirty(): Dirty {
  return {
    parents: new Set(),
    ous: new Set(),
    tags: new Set(),
    policyTypes: new Set(),
    deletedPolicies: new Set(),
    policyDetails: new Set(),
    policyTargets: new Set(),
    typeSweeps: new Set(),
    newAccounts: false,
    permissionSetList: false,
    permissionSets: new Set(),
    pairs: new Set(),
  };
}

/** Thrown while reading an event that cannot be trusted to name what it changed. */
class Incomplete extends Error {}

type Effect = (request: Readonly<Record<string, unknown>>, dirty: Dirty) => void;

const field = (request: Readonly<Record<string, unknown>>, name: string): string => {
  const value = request[name];
  if (typeof value !== 'string' || value === '') throw new Incomplete(`it has no ${name}`);
  return value;
};

const nothing: Effect = () => {};

/** Organizations write events: what each one changed, as far as the snapshot is concerned. */
const ORGANIZATIONS: Readonly<Record<string, Effect>> = {
  CreateOrganizationalUnit: (r, d) => void d.parents.add(field(r, 'parentId')),
  UpdateOrganizationalUnit: (r, d) => void d.ous.add(field(r, 'organizationalUnitId')),
  DeleteOrganizationalUnit: (r, d) => void d.ous.add(field(r, 'organizationalUnitId')),
  MoveAccount: (r, d) => {
    d.parents.add(field(r, 'sourceParentId'));
    d.parents.add(field(r, 'destinationParentId'));
  },
  // New accounts start in the root (then move, which has its own event); names, emails and
  // states come from ListAccounts on every incremental read.
  CreateAccount: (_r, d) => {
    d.newAccounts = true;
  },
  CreateGovCloudAccount: (_r, d) => {
    d.newAccounts = true;
  },
  CreateAccountResult: (_r, d) => {
    d.newAccounts = true;
  },
  AcceptHandshake: (_r, d) => {
    d.newAccounts = true;
  },
  InviteAccountToOrganization: nothing,
  CancelHandshake: nothing,
  DeclineHandshake: nothing,
  CloseAccount: nothing,
  EnableAllFeatures: nothing,
  TagResource: (r, d) => void d.tags.add(field(r, 'resourceId')),
  UntagResource: (r, d) => void d.tags.add(field(r, 'resourceId')),
  CreatePolicy: (r, d) => void d.policyTypes.add(field(r, 'type')),
  UpdatePolicy: (r, d) => void d.policyDetails.add(field(r, 'policyId')),
  DeletePolicy: (r, d) => void d.deletedPolicies.add(field(r, 'policyId')),
  AttachPolicy: (r, d) => void d.policyTargets.add(field(r, 'policyId')),
  DetachPolicy: (r, d) => void d.policyTargets.add(field(r, 'policyId')),
  EnablePolicyType: (r, d) => void d.typeSweeps.add(field(r, 'policyType')),
  DisablePolicyType: (r, d) => void d.typeSweeps.add(field(r, 'policyType')),
  // Trusted access and delegated administrators are read afresh every time.
  EnableAWSServiceAccess: nothing,
  DisableAWSServiceAccess: nothing,
  RegisterDelegatedAdministrator: nothing,
  DeregisterDelegatedAdministrator: nothing,
  // Not part of the snapshot.
  PutResourcePolicy: nothing,
  DeleteResourcePolicy: nothing,
};

const permissionSet: Effect = (r, d) => void d.permissionSets.add(field(r, 'permissionSetArn'));
const assignment: Effect = (r, d) => {
  const arn = field(r, 'permissionSetArn');
  d.pairs.add(`${arn}|${field(r, 'targetId')}`);
  // The first assignment in an account provisions the set there; the last one removes it.
  d.permissionSets.add(arn);
};

/** Identity Center write events. Applications and trusted token issuers are not orgops's. */
const IDENTITY_CENTER: Readonly<Record<string, Effect>> = {
  CreatePermissionSet: (_r, d) => {
    d.permissionSetList = true;
  },
  DeletePermissionSet: (_r, d) => {
    d.permissionSetList = true;
  },
  UpdatePermissionSet: permissionSet,
  PutInlinePolicyToPermissionSet: permissionSet,
  DeleteInlinePolicyFromPermissionSet: permissionSet,
  AttachManagedPolicyToPermissionSet: permissionSet,
  DetachManagedPolicyFromPermissionSet: permissionSet,
  AttachCustomerManagedPolicyReferenceToPermissionSet: permissionSet,
  DetachCustomerManagedPolicyReferenceFromPermissionSet: permissionSet,
  PutPermissionsBoundaryToPermissionSet: permissionSet,
  DeletePermissionsBoundaryFromPermissionSet: permissionSet,
  ProvisionPermissionSet: permissionSet,
  CreateAccountAssignment: assignment,
  DeleteAccountAssignment: assignment,
  TagResource: (r, d) => {
    const arn = field(r, 'resourceArn');
    if (arn.includes(':permissionSet/')) d.permissionSets.add(arn);
  },
  UntagResource: (r, d) => {
    const arn = field(r, 'resourceArn');
    if (arn.includes(':permissionSet/')) d.permissionSets.add(arn);
  },
  ...Object.fromEntries(
    [
      'CreateApplication',
      'UpdateApplication',
      'DeleteApplication',
      'PutApplicationAssignmentConfiguration',
      'PutApplicationAccessScope',
      'DeleteApplicationAccessScope',
      'PutApplicationAuthenticationMethod',
      'DeleteApplicationAuthenticationMethod',
      'PutApplicationGrant',
      'DeleteApplicationGrant',
      'CreateApplicationAssignment',
      'DeleteApplicationAssignment',
      'CreateTrustedTokenIssuer',
      'UpdateTrustedTokenIssuer',
      'DeleteTrustedTokenIssuer',
      'CreateInstanceAccessControlAttributeConfiguration',
      'UpdateInstanceAccessControlAttributeConfiguration',
      'DeleteInstanceAccessControlAttributeConfiguration',
      'UpdateInstance',
    ].map((name) => [name, nothing]),
  ),
};

const BY_SOURCE: Readonly<Record<string, Readonly<Record<string, Effect>>>> = {
  [ORGANIZATIONS_SOURCE]: ORGANIZATIONS,
  [IDENTITY_CENTER_SOURCE]: IDENTITY_CENTER,
};

/**
 * What the events say changed, or why they cannot be trusted to say it (then drift reads
 * everything). Events of other services are ignored; so are the identity store's (and its SCIM
 * and directory events), because users and groups are read afresh on every drift check. An
 * event orgops does not know from Organizations or Identity Center (a new API, an account leaving
 * the organization) means the events are incomplete for our purpose.
 */
export function interpretEvents(
  events: readonly TrailEvent[],
): { readonly dirty: Dirty } | { readonly incomplete: string } {
  const dirty = emptyDirty();
  for (const e of events) {
    const effects = BY_SOURCE[e.source];
    if (!effects) continue;
    const effect = Object.hasOwn(effects, e.name) ? effects[e.name] : undefined;
    if (!effect)
      return { incomplete: `CloudTrail shows ${e.source} ${e.name} at ${e.time}, which orgops cannot scope` };
    if (e.request === null) {
      if (effect === nothing) continue;
      return { incomplete: `CloudTrail's ${e.name} event ${e.id} at ${e.time} has no request parameters` };
    }
    try {
      effect(e.request, dirty);
    } catch (err) {
      if (!(err instanceof Incomplete)) throw err;
      return {
        incomplete: `CloudTrail's ${e.name} event ${e.id} at ${e.time} cannot be scoped: ${err.message}`,
      };
    }
  }
  return { dirty };
}
