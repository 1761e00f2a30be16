import {
  type DesiredAccount,
  type DesiredAttachment,
  type DesiredOu,
  type DesiredPermissionSet,
  type DesiredPolicy,
  type DesiredState,
  isAccountTarget,
} from '@orgops/model';
import type { Change } from '../change.ts';
import { handledAll } from '../exhaustive.ts';
import type {
  Snapshot,
  SnapshotAccount,
  SnapshotAssignment,
  SnapshotOu,
  SnapshotPermissionSet,
  SnapshotPolicy,
  SnapshotPrincipal,
} from '../snapshot.ts';
import { buildContext, isWithin } from './analysis-context.ts';
import type { HeldInQuarantine } from './held-in-quarantine.ts';
import { GUARDRAIL_POLICY_TYPES } from './policy-facts.ts';
import { reviewScope } from './review-scope.ts';

/**
 * What the review needs to know about the organization and the config beyond the changes
 * themselves. A saved plan stores it (covered by the plan's digests) so `show` and `apply`
 * recompute the review from the changes instead of trusting a stored one. The types are the
 * fields of {@link Snapshot} and {@link DesiredState} the analysis reads, so `tsc` fails if an
 * analysis step starts reading a field the plan file does not carry.
 */
export interface ReviewContext {
  readonly desired: ReviewDesired;
  readonly snapshot: ReviewSnapshot;
}

type GrantFieldKey =
  | 'sessionDuration'
  | 'inlinePolicy'
  | 'managedPolicies'
  | 'customerManagedPolicies'
  | 'permissionsBoundary';

export type ReviewPermissionSet = Pick<SnapshotPermissionSet, 'arn' | 'name' | GrantFieldKey>;

export interface ReviewSnapshot {
  /** The organization id: a simulation fills `aws:PrincipalOrgID` with it (absent in plans made before). */
  readonly organization?: Pick<Snapshot['organization'], 'id'>;
  readonly root: Pick<Snapshot['root'], 'id'>;
  readonly ous: readonly Pick<SnapshotOu, 'id' | 'name' | 'parentId'>[];
  readonly accounts: readonly Pick<SnapshotAccount, 'id' | 'name' | 'email' | 'parentId' | 'tags'>[];
  readonly policies: readonly Pick<SnapshotPolicy, 'id' | 'type' | 'name' | 'content' | 'targets'>[];
  readonly identityCenter?: {
    readonly permissionSets: readonly ReviewPermissionSet[];
    readonly assignments: readonly SnapshotAssignment[];
    readonly principals: readonly SnapshotPrincipal[];
  };
}

export interface ReviewDesired {
  readonly ous: readonly Pick<DesiredOu, 'path'>[];
  /**
   * Accounts as the plan leaves them: a held account's `parentPath` is the quarantine OU, and
   * `held` says why (see `held-in-quarantine.ts`). `management` is present (and true) only on the
   * management account.
   */
  readonly accounts: readonly (Pick<
    DesiredAccount,
    'email' | 'name' | 'id' | 'parentPath' | 'tags' | 'close'
  > &
    Partial<Pick<DesiredAccount, 'management'>> & {
      readonly held?: HeldInQuarantine;
    })[];
  readonly policies: readonly Pick<DesiredPolicy, 'type' | 'name' | 'content'>[];
  readonly attachments: readonly Pick<DesiredAttachment, 'policyType' | 'policyName' | 'target'>[];
  readonly permissionSets: readonly Pick<DesiredPermissionSet, 'name' | GrantFieldKey>[];
}

/**
 * The smallest context that gives the same review as the full config and snapshot. The OU tree
 * and every account (in config and live) are kept whole, because placing accounts and counting
 * the accounts below a target need all of them; documents, assignments and principals are kept
 * only where a change refers to them, plus what the review reads around the changes (see
 * {@link reviewScope}): the SCPs and RCPs on the path of every account whose access or guardrails
 * change, the holders below a changed guardrail, and every permission set when a guardrail is
 * edited (to name whom an exemption reaches). Rows keep their order, so every "first match"
 * lookup of the analysis finds the same row. Pruning a pruned context changes nothing.
 */
export function reviewContextOf(input: {
  readonly changes: readonly Change[];
  readonly desired: ReviewDesired;
  readonly snapshot: ReviewSnapshot;
}): ReviewContext {
  const { changes, desired, snapshot } = input;
  const ctx = buildContext(input);
  const ic = snapshot.identityCenter;

  const attached = new Set<string>();
  const permissionSetNames = new Set<string>();
  const permissionSetArns = new Set<string>();
  const updated = new Set<string>();
  const moves: { fromPath: string; toPath: string }[] = [];
  // The permission sets whose current holders the review lists (updates) or counts (deletes).
  const heldArns = new Set<string>();
  for (const c of changes) {
    switch (c.kind) {
      case 'policy-attachment':
        attached.add(policyKey(c.policyType, c.policyName));
        break;
      case 'policy-update':
        updated.add(c.id).add(policyKey(c.policyType, c.name));
        break;
      case 'account-move':
        moves.push(c);
        break;
      case 'assignment':
        permissionSetNames.add(c.permissionSet);
        break;
      case 'permission-set-create':
        permissionSetNames.add(c.name);
        break;
      case 'permission-set-update':
      case 'permission-set-delete': {
        permissionSetNames.add(c.name);
        permissionSetArns.add(c.arn);
        const live = ic?.permissionSets.find((ps) => ps.arn === c.arn || ps.name === c.name);
        if (live) heldArns.add(live.arn);
        break;
      }
      // The review context needs nothing beyond config and snapshot for these.
      case 'policy-type':
      case 'trusted-service':
      case 'delegated-admin':
      case 'ou-create':
      case 'ou-update':
      case 'ou-delete':
      case 'account-create':
      case 'account-tag':
      case 'account-close':
      case 'policy-create':
      case 'policy-delete':
      case 'permission-set-provision':
        break;
      default:
        handledAll(c);
    }
  }

  // Guardrails an account inherits on the path it leaves (before) and the one it enters (after).
  const leftIds = new Set<string>();
  for (const [id, path] of ctx.ouPathById) if (moves.some((m) => isWithin(m.fromPath, path))) leftIds.add(id);
  const inheritedAfter = (a: ReviewDesired['attachments'][number]): boolean =>
    GUARDRAIL_POLICY_TYPES.has(a.policyType) &&
    !a.target.startsWith('account:') &&
    moves.some((m) => isWithin(m.toPath, a.target));

  const held = (ic?.assignments ?? []).filter((a) => heldArns.has(a.permissionSetArn));
  const scope = reviewScope(
    ctx,
    held.map((a) => a.accountId),
  );
  // Holders below a changed guardrail: who gains or loses what it denies.
  const assignments = (ic?.assignments ?? []).filter(
    (a) => heldArns.has(a.permissionSetArn) || scope.guardedAccountIds.has(a.accountId),
  );
  for (const a of assignments) permissionSetArns.add(a.permissionSetArn);
  for (const ps of ic?.permissionSets ?? [])
    if (permissionSetArns.has(ps.arn)) permissionSetNames.add(ps.name);
  const keepPermissionSet = (name: string, arn?: string): boolean =>
    scope.guardrailEdited ||
    permissionSetNames.has(name) ||
    (arn !== undefined && permissionSetArns.has(arn));
  const holders = new Set(assignments.map((a) => `${a.principalType}:${a.principalId}`));
  // The guardrails on the path of every account in scope, as config will have them and as AWS has them.
  const onPath = (target: string): boolean =>
    isAccountTarget(target)
      ? scope.accountEmails.has(target.slice('account:'.length))
      : scope.paths.has(target);
  const keptAttachments = desired.attachments.filter(
    (a) => inheritedAfter(a) || (GUARDRAIL_POLICY_TYPES.has(a.policyType) && onPath(a.target)),
  );
  const chainPolicies = new Set(keptAttachments.map((a) => policyKey(a.policyType, a.policyName)));

  return {
    desired: {
      ous: desired.ous.map((o) => ({ path: o.path })),
      accounts: desired.accounts.map((a) => ({
        email: a.email,
        name: a.name,
        id: a.id,
        parentPath: a.parentPath,
        tags: a.tags,
        close: a.close ? { reason: a.close.reason } : undefined,
        ...(a.management ? { management: true } : {}),
        ...(a.held ? { held: heldCopy(a.held) } : {}),
      })),
      policies: desired.policies
        .filter(
          (p) => attached.has(policyKey(p.type, p.name)) || chainPolicies.has(policyKey(p.type, p.name)),
        )
        .map((p) => ({ type: p.type, name: p.name, content: p.content })),
      attachments: keptAttachments.map((a) => ({
        policyType: a.policyType,
        policyName: a.policyName,
        target: a.target,
      })),
      permissionSets: desired.permissionSets
        .filter((ps) => keepPermissionSet(ps.name))
        .map((ps) => ({ name: ps.name, ...grantFields(ps) })),
    },
    snapshot: {
      ...(snapshot.organization ? { organization: { id: snapshot.organization.id } } : {}),
      root: { id: snapshot.root.id },
      ous: snapshot.ous.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId })),
      accounts: snapshot.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        email: a.email,
        parentId: a.parentId,
        tags: a.tags,
      })),
      policies: snapshot.policies
        .filter(
          (p) =>
            attached.has(policyKey(p.type, p.name)) ||
            updated.has(p.id) ||
            updated.has(policyKey(p.type, p.name)) ||
            (GUARDRAIL_POLICY_TYPES.has(p.type) &&
              p.targets.some((t) => leftIds.has(t) || scope.nodeIds.has(t) || scope.accountIds.has(t))),
        )
        .map((p) => ({ id: p.id, type: p.type, name: p.name, content: p.content, targets: p.targets })),
      identityCenter: ic && {
        permissionSets: ic.permissionSets
          .filter((ps) => keepPermissionSet(ps.name, ps.arn))
          .map((ps) => ({ arn: ps.arn, name: ps.name, ...grantFields(ps) })),
        assignments: assignments.map((a) => ({
          permissionSetArn: a.permissionSetArn,
          accountId: a.accountId,
          principalType: a.principalType,
          principalId: a.principalId,
        })),
        principals: ic.principals
          .filter((p) => holders.has(`${p.type}:${p.id}`))
          .map((p) => ({ type: p.type, id: p.id, name: p.name })),
      },
    },
  };
}

function heldCopy(h: HeldInQuarantine): HeldInQuarantine {
  return {
    ...(h.reason !== undefined ? { reason: h.reason } : {}),
    ...(h.at !== undefined ? { at: h.at } : {}),
    ...(h.by !== undefined ? { by: h.by } : {}),
    quarantinePath: h.quarantinePath,
    declaredPath: h.declaredPath,
    ...(h.problem !== undefined ? { problem: h.problem } : {}),
    waiting: [...h.waiting],
  };
}

function grantFields(
  ps: Pick<SnapshotPermissionSet, GrantFieldKey>,
): Pick<SnapshotPermissionSet, GrantFieldKey> {
  return {
    sessionDuration: ps.sessionDuration,
    inlinePolicy: ps.inlinePolicy,
    managedPolicies: ps.managedPolicies,
    customerManagedPolicies: ps.customerManagedPolicies.map((c) => ({ name: c.name, path: c.path })),
    permissionsBoundary: boundary(ps.permissionsBoundary),
  };
}

function boundary(
  b: SnapshotPermissionSet['permissionsBoundary'],
): SnapshotPermissionSet['permissionsBoundary'] {
  if (!b) return undefined;
  if ('managedPolicyArn' in b) return { managedPolicyArn: b.managedPolicyArn };
  return {
    customerManagedPolicy: { name: b.customerManagedPolicy.name, path: b.customerManagedPolicy.path },
  };
}

function policyKey(type: string, name: string): string {
  return `${type}\u0000${name}`;
}
