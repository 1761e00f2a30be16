import type { AccountRef, AssignmentChange, PermissionSetUpdate, PrincipalRef } from '../change.ts';
import type { AnalysisContext, PlacedAccount } from './analysis-context.ts';
import {
  describePermissionSetUpdate,
  type GrantFields,
  grantsSummary,
  mergeFields,
} from './permission-set-facts.ts';
import type { AccessChange } from './types.ts';

const EFFECT_ORDER: Readonly<Record<AccessChange['effect'], number>> = { gains: 0, loses: 1, changed: 2 };

/**
 * Access changes as rows "principal -> permission set -> accounts": assignments created (gains)
 * and deleted (loses), and every current holder of a permission set whose content changes.
 */
export function analyzeAccess(ctx: AnalysisContext): AccessChange[] {
  const rows = new Map<string, MutableRow>();
  const row = (
    effect: AccessChange['effect'],
    principal: PrincipalRef,
    permissionSet: string,
    init: () => Pick<AccessChange, 'details' | 'grants'>,
  ): MutableRow => {
    const key = `${effect}\u0000${principal.type}\u0000${principal.name}\u0000${permissionSet}`;
    let r = rows.get(key);
    if (!r) {
      r = { effect, principal, permissionSet, accounts: [], addresses: [], ...init() };
      rows.set(key, r);
    }
    return r;
  };

  const assignments = ctx.changes.filter((c): c is AssignmentChange => c.kind === 'assignment');
  for (const c of assignments) {
    const effect = c.action === 'create' ? 'gains' : 'loses';
    const r = row(effect, c.principal, c.permissionSet, () => ({ grants: grantsOf(ctx, c.permissionSet) }));
    r.accounts.push(ctx.place(c.account));
    r.addresses.push(c.address);
  }

  const deleted = new Set(
    assignments
      .filter((c) => c.action === 'delete')
      .flatMap((c) => deletedKeys(c.principal, c.permissionSet, c.account)),
  );
  for (const c of ctx.changes) {
    if (c.kind !== 'permission-set-update') continue;
    const details = describePermissionSetUpdate(c.before, c.after);
    const live = ctx.snapshot.identityCenter?.permissionSets.find(
      (ps) => ps.arn === c.arn || ps.name === c.name,
    );
    if (!live) continue;
    const grants = grantsSummary(mergeFields(live, c));
    for (const a of ctx.snapshot.identityCenter?.assignments ?? []) {
      if (a.permissionSetArn !== live.arn) continue;
      const principal: PrincipalRef = {
        type: a.principalType,
        name: ctx.principalName(a.principalType, a.principalId),
        id: a.principalId,
      };
      const account = ctx.place(ctx.accountRefById(a.accountId));
      // A holder who loses the assignment in this plan is already listed under "loses".
      if (deletedKeys(principal, c.name, account).some((k) => deleted.has(k))) continue;
      const r = row('changed', principal, c.name, () => ({ details, grants }));
      r.accounts.push(account);
      if (!r.addresses.includes(c.address)) r.addresses.push(c.address);
    }
  }

  return [...rows.values()]
    .map((r) => ({ ...r, accounts: [...r.accounts].sort(byAccount) }))
    .sort(
      (a, b) =>
        EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] ||
        a.principal.name.localeCompare(b.principal.name) ||
        a.principal.type.localeCompare(b.principal.type) ||
        a.permissionSet.localeCompare(b.permissionSet),
    );
}

type MutableRow = Omit<AccessChange, 'accounts' | 'addresses'> & {
  accounts: PlacedAccount[];
  addresses: string[];
};

/**
 * What the permission set grants after the plan: the plan's own create or update first (that is
 * what will be applied), then config, then what AWS holds.
 */
export function grantFieldsAfter(ctx: AnalysisContext, name: string): GrantFields | undefined {
  const created = ctx.changes.find((c) => c.kind === 'permission-set-create' && c.name === name);
  if (created?.kind === 'permission-set-create') return created.after;
  const live = ctx.snapshotPermissionSet(name);
  const update = ctx.changes.find(
    (c): c is PermissionSetUpdate => c.kind === 'permission-set-update' && c.name === name,
  );
  if (live && update) return mergeFields(live, update);
  return ctx.desiredPermissionSet(name) ?? live;
}

function grantsOf(ctx: AnalysisContext, name: string): string | undefined {
  const fields = grantFieldsAfter(ctx, name);
  return fields ? grantsSummary(fields) : undefined;
}

/**
 * Keys an assignment by principal (id or name) and account (id or email), so an assignment read
 * from the snapshot matches a planned deletion whichever identifiers each side carries.
 */
function deletedKeys(principal: PrincipalRef, permissionSet: string, account: AccountRef): string[] {
  const who = [principal.id, `name:${principal.name}`].filter((x): x is string => x !== undefined);
  const where = [account.id, account.email ? `email:${account.email.toLowerCase()}` : undefined].filter(
    (x): x is string => x !== undefined,
  );
  return who.flatMap((p) => where.map((a) => `${principal.type}\u0000${p}\u0000${permissionSet}\u0000${a}`));
}

function byAccount(a: PlacedAccount, b: PlacedAccount): number {
  return a.ouPath.localeCompare(b.ouPath) || a.name.localeCompare(b.name);
}
