import { type AnyStatement, asArray } from '@orgops/model';
import { managedPolicyName } from './permission-set-facts.ts';
import { statementsOfText } from './policy-facts.ts';
import { actionMatches, arnLike } from './wildcards.ts';

/**
 * The ways a permission set can give its holder more than it grants: each is one step from
 * administrator access. Read from the documents alone (no simulation): an Allow without conditions
 * that covers one of the path's actions, and no unconditional Deny in the same permission set that
 * takes it back. A conditional Allow is taken to be narrowed by its condition (the incident
 * responder may attach only `AWSDenyAll`); simulation, where it runs, checks the rest.
 */
export type EscalationPathId =
  | 'iam-write'
  | 'policy-version'
  | 'pass-role'
  | 'assume-role'
  | 'identity-center'
  | 'organizations';

interface PathSpec {
  readonly id: EscalationPathId;
  /** What the path lets a holder do, for the review. */
  readonly words: string;
  readonly actions: readonly string[];
  /** Only an Allow on every role is the escalation (a named role is a deliberate grant). */
  readonly anyRole?: boolean;
  /** Matters only where the organization or Identity Center is administered. */
  readonly managementOnly?: boolean;
}

export const ESCALATION_PATHS: readonly PathSpec[] = [
  {
    id: 'iam-write',
    words: 'IAM writes',
    actions: [
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'iam:AttachRolePolicy',
      'iam:UpdateAssumeRolePolicy',
      'iam:CreateUser',
      'iam:PutUserPolicy',
      'iam:AttachUserPolicy',
      'iam:CreateAccessKey',
      'iam:CreateLoginProfile',
      'iam:UpdateLoginProfile',
      'iam:AddUserToGroup',
      'iam:PutGroupPolicy',
      'iam:AttachGroupPolicy',
    ],
  },
  {
    id: 'policy-version',
    words: 'policy-version writes',
    actions: ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'],
  },
  {
    id: 'pass-role',
    words: 'iam:PassRole on any role',
    actions: ['iam:PassRole'],
    anyRole: true,
  },
  {
    id: 'assume-role',
    words: 'sts:AssumeRole on any role',
    actions: ['sts:AssumeRole'],
    anyRole: true,
  },
  {
    id: 'identity-center',
    words: 'Identity Center writes',
    actions: [
      'sso:CreateAccountAssignment',
      'sso:PutInlinePolicyToPermissionSet',
      'sso:AttachManagedPolicyToPermissionSet',
      'identitystore:CreateGroupMembership',
    ],
    managementOnly: true,
  },
  {
    id: 'organizations',
    words: 'Organizations writes',
    actions: ['organizations:DetachPolicy', 'organizations:UpdatePolicy', 'organizations:MoveAccount'],
    managementOnly: true,
  },
];

/** One escalation path a permission set opens, and where: `iam:*` in the inline policy. */
export interface EscalationGrant {
  readonly path: EscalationPathId;
  readonly words: string;
  /** `inline policy` or the managed policy's name. */
  readonly source: string;
  /** The Action entries that grant it (`iam:*`), or `every action except …` for a NotAction. */
  readonly grantedBy: string;
  readonly managementOnly: boolean;
}

/** A role name no policy names on purpose: a pattern matching it matches every role. */
const ANY_ROLE = 'arn:aws:iam::123456789012:role/orgops-any-role-probe';

/** Supplies AWS managed policy documents by ARN; without it only the inline policy is read. */
export type ManagedPolicyDocuments = (arn: string) => unknown;

export interface PolicySources {
  readonly inlinePolicy?: string | undefined;
  readonly managedPolicies: readonly string[];
}

/**
 * The escalation paths a permission set opens, from its inline policy and (when `documents` can
 * supply them) its AWS managed policies. Customer managed policies live in accounts, not in
 * config, so they are not read here.
 */
export function escalationGrants(ps: PolicySources, documents?: ManagedPolicyDocuments): EscalationGrant[] {
  const sources: { name: string; statements: readonly AnyStatement[] }[] = [];
  const inline = statementsOfText(ps.inlinePolicy);
  if (inline) sources.push({ name: 'inline policy', statements: inline });
  for (const arn of ps.managedPolicies) {
    const doc = documents?.(arn);
    const statements = doc === undefined ? undefined : statementsOfText(JSON.stringify(doc));
    if (statements) sources.push({ name: managedPolicyName(arn), statements });
  }
  const denies = sources.flatMap((s) => s.statements).filter((s) => s.Effect === 'Deny' && !s.Condition);
  const grants: EscalationGrant[] = [];
  for (const path of ESCALATION_PATHS) {
    const allowedActions = path.actions.filter((action) => !denies.some((d) => covers(d, action, path)));
    for (const source of sources) {
      const granting = source.statements.filter(
        (s) => s.Effect === 'Allow' && !s.Condition && allowedActions.some((a) => covers(s, a, path)),
      );
      if (granting.length === 0) continue;
      grants.push({
        path: path.id,
        words: path.words,
        source: source.name,
        grantedBy: grantedByWords(granting, allowedActions),
        managementOnly: path.managementOnly === true,
      });
    }
  }
  return grants;
}

/** Whether a statement covers an action (and, for role paths, every role). */
function covers(s: AnyStatement, action: string, path: PathSpec): boolean {
  const actionCovered =
    s.Action !== undefined
      ? asArray(s.Action).some((p) => typeof p === 'string' && actionMatches(p, action))
      : s.NotAction !== undefined &&
        !asArray(s.NotAction).some((p) => typeof p === 'string' && actionMatches(p, action));
  if (!actionCovered) return false;
  const resource = path.anyRole ? ANY_ROLE : undefined;
  if (s.Resource !== undefined) {
    const list = asArray(s.Resource).filter((r): r is string => typeof r === 'string');
    return resource === undefined ? list.length > 0 : list.some((r) => arnLike(r, resource));
  }
  if (s.NotResource !== undefined) {
    const list = asArray(s.NotResource).filter((r): r is string => typeof r === 'string');
    return resource === undefined ? true : !list.some((r) => arnLike(r, resource));
  }
  return false;
}

function grantedByWords(statements: readonly AnyStatement[], actions: readonly string[]): string {
  const entries = new Set<string>();
  for (const s of statements) {
    if (s.Action !== undefined) {
      for (const p of asArray(s.Action))
        if (typeof p === 'string' && actions.some((a) => actionMatches(p, a))) entries.add(p);
    } else if (s.NotAction !== undefined) {
      entries.add(`every action except ${asArray(s.NotAction).slice(0, 3).join(', ')}`);
    }
  }
  return [...entries].slice(0, 4).join(', ');
}
