import { principalLabel, sessionSeconds } from '@orgops/model';
import type { AssignmentChange } from '../change.ts';
import { grantFieldsAfter } from './access.ts';
import { type AnalysisContext, accountLabel, type PlacedAccount } from './analysis-context.ts';
import { accessLevel, durationWords, fieldsBefore, mergeFields } from './permission-set-facts.ts';
import { plural } from './policy-facts.ts';
import type { CodedRisk } from './risk-codes.ts';
import { SENSITIVITY_WORDS, type Sensitivity } from './sensitive-accounts.ts';
import type { AccessChange } from './types.ts';

const LEVEL_WORDS = { admin: 'admin-equivalent access', 'power-user': 'power-user access' } as const;

/**
 * Admin-equivalent or power-user access gained, by a new assignment or by a permission set that
 * becomes more powerful for its current holders. The management account, security accounts and
 * production accounts raise the level.
 */
export function elevatedAccessRisks(ctx: AnalysisContext, access: readonly AccessChange[]): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const row of access) {
    let level: ReturnType<typeof accessLevel>;
    if (row.effect === 'gains') {
      const fields = grantFieldsAfter(ctx, row.permissionSet);
      level = fields ? accessLevel(fields) : undefined;
    } else if (row.effect === 'changed') {
      const live = ctx.snapshotPermissionSet(row.permissionSet);
      const update = ctx.changes.find(
        (c) => c.kind === 'permission-set-update' && c.name === row.permissionSet,
      );
      if (!live || update?.kind !== 'permission-set-update') continue;
      const before = accessLevel(fieldsBefore(live, update));
      const after = accessLevel(mergeFields(live, update));
      // Only an escalation is a gain: admin stays admin, power-user -> admin is new power.
      level = after && after !== before && before !== 'admin' ? after : undefined;
    }
    if (!level) continue;
    const where = whereWords(ctx, row.accounts);
    const how = row.effect === 'gains' ? 'gains' : 'gains through a change to';
    const message = `${principalLabel(row.principal)} ${how} ${row.permissionSet} (${LEVEL_WORDS[level]}) in ${where.words}`;
    const addresses = row.addresses ?? [];
    if (level === 'admin') {
      const critical = where.classes.has('management') || where.classes.has('security');
      risks.push(
        critical
          ? { level: 'high', code: 'admin-in-critical-account', message, addresses }
          : where.classes.has('production')
            ? { level: 'high', code: 'admin-in-production', message, addresses }
            : { level: 'medium', code: 'admin-access-gained', message, addresses },
      );
    } else {
      risks.push({
        level: where.classes.size > 0 ? 'medium' : 'low',
        code: 'power-user-access-gained',
        message,
        addresses,
      });
    }
  }
  return risks;
}

/** Access given to a person rather than a group escapes role-based review. */
export function userAssignmentRisks(access: readonly AccessChange[]): CodedRisk[] {
  return access
    .filter((row) => row.effect === 'gains' && row.principal.type === 'USER')
    .map((row) => ({
      level: 'low',
      code: 'assignment-to-user',
      message: `user ${row.principal.name} is assigned ${row.permissionSet} directly in ${plural(row.accounts.length, 'account')}; assign a group so access is reviewed by role`,
      addresses: row.addresses ?? [],
    }));
}

/** Admin-equivalent sessions longer than an hour keep stolen credentials useful for longer. */
export function longAdminSessionRisks(ctx: AnalysisContext): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const c of ctx.changes) {
    if (c.kind !== 'permission-set-create' && c.kind !== 'permission-set-update') continue;
    const fields = grantFieldsAfter(ctx, c.name);
    if (!fields || accessLevel(fields) !== 'admin') continue;
    const seconds = sessionSeconds(fields.sessionDuration) ?? 0;
    if (seconds <= 3600) continue;
    risks.push({
      level: 'medium',
      code: 'long-admin-session',
      message: `permission set ${c.name} is admin-equivalent with ${durationWords(fields.sessionDuration)} sessions; keep admin sessions at 1h or less`,
      addresses: [c.address],
    });
  }
  return risks;
}

/** Deleting a permission set first removes every assignment of it: its holders lose access. */
export function deletedWhileAssignedRisks(ctx: AnalysisContext): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const c of ctx.changes) {
    if (c.kind !== 'permission-set-delete') continue;
    const live = ctx.snapshot.identityCenter?.permissionSets.find(
      (ps) => ps.arn === c.arn || ps.name === c.name,
    );
    const held = (ctx.snapshot.identityCenter?.assignments ?? []).filter(
      (a) => a.permissionSetArn === live?.arn,
    );
    if (held.length === 0) continue;
    const principals = new Set(held.map((a) => `${a.principalType}:${a.principalId}`));
    const accounts = new Set(held.map((a) => a.accountId));
    const removals = ctx.changes.filter(
      (a): a is AssignmentChange =>
        a.kind === 'assignment' && a.action === 'delete' && a.permissionSet === c.name,
    );
    risks.push({
      level: 'medium',
      code: 'permission-set-deleted-while-assigned',
      message: `permission set ${c.name} is deleted while assigned to ${plural(principals.size, 'principal')} in ${plural(accounts.size, 'account')}; they lose this access`,
      addresses: [c.address, ...removals.map((a) => a.address)],
    });
  }
  return risks;
}

/**
 * Where access lands, the most sensitive accounts named first: `the management account: …; 2
 * security accounts: …; 1 production account: …`, or every account when none is sensitive.
 */
export function whereWords(
  ctx: AnalysisContext,
  accounts: readonly PlacedAccount[],
): { readonly words: string; readonly classes: ReadonlySet<Sensitivity> } {
  const by = new Map<Sensitivity, PlacedAccount[]>();
  for (const a of accounts) {
    const s = ctx.sensitivity(a);
    if (s) by.set(s, [...(by.get(s) ?? []), a]);
  }
  const parts: string[] = [];
  for (const s of ['management', 'security', 'production'] as const) {
    const list = by.get(s);
    if (!list) continue;
    const words = SENSITIVITY_WORDS[s];
    parts.push(
      s === 'management'
        ? `${words.one}: ${accountList(list)}`
        : `${plural(list.length, words.one)}: ${accountList(list)}`,
    );
  }
  if (parts.length === 0)
    return { words: `${plural(accounts.length, 'account')}: ${accountList(accounts)}`, classes: new Set() };
  return { words: parts.join('; '), classes: new Set(by.keys()) };
}

export function accountList(accounts: readonly PlacedAccount[]): string {
  const shown = accounts.slice(0, 5).map((a) => `${accountLabel(a)} in ${a.ouPath}`);
  return accounts.length > 5 ? `${shown.join(', ')} and ${accounts.length - 5} more` : shown.join(', ');
}
