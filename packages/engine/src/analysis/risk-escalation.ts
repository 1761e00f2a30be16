import { principalLabel } from '@orgops/model';
import { grantFieldsAfter } from './access.ts';
import type { AnalysisContext, PlacedAccount } from './analysis-context.ts';
import { type EscalationGrant, escalationGrants } from './escalation.ts';
import { accessLevel, fieldsBefore, type GrantFields, mergeFields } from './permission-set-facts.ts';
import { plural } from './policy-facts.ts';
import { whereWords } from './risk-access.ts';
import type { CodedRisk } from './risk-codes.ts';
import type { AccessChange } from './types.ts';

/**
 * A path to admin that is not called admin: IAM writes, policy-version writes, PassRole or
 * AssumeRole on any role, and (in the management account) Identity Center or Organizations writes.
 * Admin-equivalent permission sets are left to the admin rules, which already rate them.
 */
export function escalationRisks(ctx: AnalysisContext, access: readonly AccessChange[]): CodedRisk[] {
  return [...changedPermissionSetRisks(ctx, access), ...newHolderRisks(ctx, access)];
}

/** A permission set whose holders keep it gains a path it did not have. */
function changedPermissionSetRisks(ctx: AnalysisContext, access: readonly AccessChange[]): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const c of ctx.changes) {
    if (c.kind !== 'permission-set-update') continue;
    const live = ctx.snapshotPermissionSet(c.name);
    if (!live) continue;
    const after = mergeFields(live, c);
    if (accessLevel(after) === 'admin') continue;
    const had = new Set(grantsOf(ctx, fieldsBefore(live, c)).map((g) => g.path));
    const rows = access.filter((r) => r.effect === 'changed' && r.permissionSet === c.name);
    const accounts = uniqueAccounts(rows.flatMap((r) => r.accounts));
    const gained = relevant(
      grantsOf(ctx, after).filter((g) => !had.has(g.path)),
      accounts.length === 0 || accounts.some((a) => ctx.sensitivity(a) === 'management'),
    );
    if (gained.length === 0) continue;
    const holders = new Set(rows.map((r) => `${r.principal.type}:${r.principal.name}`)).size;
    const who =
      holders === 0
        ? 'nobody holds it yet'
        : `held by ${plural(holders, 'principal')} in ${whereWords(ctx, accounts).words}`;
    risks.push({
      level: holders === 0 ? 'medium' : 'high',
      code: 'privilege-escalation',
      message: `permission set ${c.name} now allows ${grantWords(gained)}: each is a path to admin; ${who}`,
      addresses: [...new Set([c.address, ...rows.flatMap((r) => r.addresses ?? [])])],
    });
  }
  return risks;
}

/** A principal newly assigned a permission set that already has such a path. */
function newHolderRisks(ctx: AnalysisContext, access: readonly AccessChange[]): CodedRisk[] {
  const risks: CodedRisk[] = [];
  for (const row of access) {
    if (row.effect !== 'gains') continue;
    const fields = grantFieldsAfter(ctx, row.permissionSet);
    if (!fields) continue;
    const level = accessLevel(fields);
    if (level === 'admin') continue;
    // PowerUserAccess allows AssumeRole and Identity Center by design; power-user-access-gained rates it.
    const implied = level === 'power-user' ? new Set(['assume-role', 'identity-center']) : new Set<string>();
    const grants = relevant(
      grantsOf(ctx, fields).filter((g) => !implied.has(g.path)),
      row.accounts.some((a) => ctx.sensitivity(a) === 'management'),
    );
    if (grants.length === 0) continue;
    const where = whereWords(ctx, row.accounts);
    risks.push({
      level: where.classes.size > 0 ? 'medium' : 'low',
      code: 'privilege-escalation',
      message: `${principalLabel(row.principal)} gains ${row.permissionSet}, which allows ${grantWords(grants)}, in ${where.words}`,
      addresses: row.addresses ?? [],
    });
  }
  return risks;
}

function grantsOf(ctx: AnalysisContext, fields: GrantFields): EscalationGrant[] {
  return escalationGrants(fields, ctx.options.managedPolicyDocument);
}

/** Identity Center and Organizations writes only matter where they are administered. */
function relevant(grants: readonly EscalationGrant[], management: boolean): EscalationGrant[] {
  return grants.filter((g) => management || !g.managementOnly);
}

/** `IAM writes (iam:* in the inline policy), sts:AssumeRole on any role (sts:AssumeRole in the inline policy)`. */
export function grantWords(grants: readonly EscalationGrant[]): string {
  const byPath = new Map<string, EscalationGrant[]>();
  for (const g of grants) byPath.set(g.words, [...(byPath.get(g.words) ?? []), g]);
  return [...byPath]
    .map(([words, list]) => {
      const sources = list.map(
        (g) => `${g.grantedBy} in ${g.source === 'inline policy' ? 'the inline policy' : g.source}`,
      );
      return `${words} (${sources.join('; ')})`;
    })
    .join(', ');
}

function uniqueAccounts(accounts: readonly PlacedAccount[]): PlacedAccount[] {
  const seen = new Map<string, PlacedAccount>();
  for (const a of accounts) seen.set(a.id ?? a.email.toLowerCase(), a);
  return [...seen.values()];
}
