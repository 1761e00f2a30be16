import { isAccountTarget, ouPathNames, ouPathOf } from '@orgops/model';
import type { Change } from '../change.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { isWithin } from './analysis-context.ts';
import { GUARDRAIL_POLICY_TYPES } from './policy-facts.ts';

/**
 * The part of the organization a review looks at beyond the changes themselves: the accounts whose
 * access changes or whose guardrails change, and the root → OU → account path of each, where the
 * guardrails that bind them are attached. The review context keeps the guardrail documents on
 * these paths (a simulation needs the whole chain; the review's picture draws it) and the
 * Identity Center holders of the accounts below a changed guardrail (who gains what when it
 * changes), and nothing else.
 */
export interface ReviewScope {
  /** Ids and lower-case emails of the accounts in scope. */
  readonly accountIds: ReadonlySet<string>;
  readonly accountEmails: ReadonlySet<string>;
  /** OU paths from the root down to every account in scope (config and live), and to every changed target. */
  readonly paths: ReadonlySet<string>;
  /** Snapshot ids of the root and OUs on those paths. */
  readonly nodeIds: ReadonlySet<string>;
  /** Ids of the accounts below a guardrail that changes: their holders are kept. */
  readonly guardedAccountIds: ReadonlySet<string>;
  /** A guardrail document is edited: every permission set is kept, to name who an exemption reaches. */
  readonly guardrailEdited: boolean;
}

export function reviewScope(ctx: AnalysisContext, heldAccountIds: Iterable<string>): ReviewScope {
  const { changes, desired, snapshot } = ctx;
  const accountIds = new Set<string>(heldAccountIds);
  const accountEmails = new Set<string>();
  const paths = new Set<string>();
  const addAccount = (ref: { readonly id?: string | undefined; readonly email: string }): void => {
    if (ref.id) accountIds.add(ref.id);
    if (ref.email) accountEmails.add(ref.email.toLowerCase());
  };
  const guardedTargets = guardrailTargets(ctx, changes);
  let guardrailEdited = false;
  for (const c of changes) {
    if (c.kind === 'assignment' || c.kind === 'account-move') addAccount(c.account);
    if (c.kind === 'account-move') {
      paths.add(c.fromPath);
      paths.add(c.toPath);
    }
    if (c.kind === 'policy-update' && c.content && GUARDRAIL_POLICY_TYPES.has(c.policyType))
      guardrailEdited = true;
  }

  const guardedAccountIds = new Set<string>();
  for (const target of guardedTargets) {
    if (isAccountTarget(target)) {
      const email = target.slice('account:'.length);
      accountEmails.add(email);
      const live = snapshot.accounts.find((a) => a.email.toLowerCase() === email);
      if (live) guardedAccountIds.add(live.id);
      continue;
    }
    paths.add(target);
    for (const a of desired.accounts) {
      if (isWithin(a.parentPath, target)) {
        accountEmails.add(a.email.toLowerCase());
        if (a.id) guardedAccountIds.add(a.id);
      }
    }
    for (const a of snapshot.accounts) {
      if (isWithin(ctx.ouPathById.get(a.parentId) ?? '', target)) guardedAccountIds.add(a.id);
    }
  }
  for (const id of guardedAccountIds) accountIds.add(id);

  // Where each account sits, in config and live: both chains are read (before and after).
  for (const a of desired.accounts) {
    if (accountEmails.has(a.email.toLowerCase()) || (a.id && accountIds.has(a.id))) {
      paths.add(a.parentPath);
      accountEmails.add(a.email.toLowerCase());
      if (a.id) accountIds.add(a.id);
    }
  }
  for (const a of snapshot.accounts) {
    if (accountIds.has(a.id) || accountEmails.has(a.email.toLowerCase())) {
      const path = ctx.ouPathById.get(a.parentId);
      if (path !== undefined) paths.add(path);
      accountIds.add(a.id);
      accountEmails.add(a.email.toLowerCase());
    }
  }
  for (const path of [...paths]) for (const ancestor of ancestorsOf(path)) paths.add(ancestor);

  const nodeIds = new Set<string>();
  for (const [id, path] of ctx.ouPathById) if (paths.has(path)) nodeIds.add(id);
  return { accountIds, accountEmails, paths, nodeIds, guardedAccountIds, guardrailEdited };
}

/** Targets (`/`, OU paths, `account:<email>`) where a guardrail is attached, detached or edited. */
function guardrailTargets(ctx: AnalysisContext, changes: readonly Change[]): Set<string> {
  const targets = new Set<string>();
  const targetOfId = (id: string): string | undefined => {
    if (id === ctx.snapshot.root.id) return '/';
    const path = ctx.ouPathById.get(id);
    if (path !== undefined) return path;
    const account = ctx.snapshot.accounts.find((a) => a.id === id);
    return account ? `account:${account.email.toLowerCase()}` : undefined;
  };
  for (const c of changes) {
    if (c.kind === 'policy-attachment' && GUARDRAIL_POLICY_TYPES.has(c.policyType)) {
      const t = c.target;
      targets.add(
        t.kind === 'root' ? '/' : t.kind === 'ou' ? t.path : `account:${t.account.email.toLowerCase()}`,
      );
    } else if (c.kind === 'policy-update' && c.content && GUARDRAIL_POLICY_TYPES.has(c.policyType)) {
      const live = ctx.snapshot.policies.find(
        (p) => p.id === c.id || (p.type === c.policyType && p.name === c.name),
      );
      for (const id of live?.targets ?? []) {
        const t = targetOfId(id);
        if (t !== undefined) targets.add(t);
      }
      const name = c.rename?.to ?? c.name;
      for (const a of ctx.desired.attachments)
        if (a.policyType === c.policyType && (a.policyName === name || a.policyName === c.name))
          targets.add(a.target);
    }
  }
  return targets;
}

/** `/A/B` -> `/`, `/A`, `/A/B`. */
export function ancestorsOf(path: string): string[] {
  const names = ouPathNames(path);
  return names.map((_, i) => ouPathOf(names.slice(0, i + 1))).concat('/');
}
