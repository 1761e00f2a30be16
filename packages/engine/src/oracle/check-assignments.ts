import type { DesiredAccount, DesiredAssignmentTarget } from '@orgops/model';
import type { AccountBinding } from './check-accounts.ts';
import { isActive, type OracleContext, parentOfLive, segmentsOfDesired } from './oracle-context.ts';
import { isWithinSegments } from './segments.ts';

interface Grant {
  readonly principalType: 'GROUP' | 'USER';
  /** Display name (group) or user name; an id no identity-store principal has is shown as `id <id>`. */
  readonly principal: string;
  readonly permissionSet: string;
  /** Config email of the account, or the live email of an account config does not list. */
  readonly email: string;
  readonly accountName: string;
}

const keyOf = (g: Grant): string => JSON.stringify([g.principalType, g.principal, g.permissionSet, g.email]);

const show = (g: Grant): string =>
  `${g.principalType === 'GROUP' ? 'group' : 'user'} ${g.principal} has ${g.permissionSet} in ${g.accountName} <${g.email}>`;

/**
 * The assignment rules, expanded here from config alone: an OU target covers every account config
 * places in its subtree (compared by segments), a tag target every account config tags so, minus
 * the rule's exclusions; accounts marked for closure get nothing. Live assignments in active,
 * non-ignored accounts must be exactly these, for permission sets config manages or does not
 * ignore.
 */
export function checkAssignments(ctx: OracleContext, accounts: AccountBinding): void {
  const ic = ctx.snapshot.identityCenter;
  if (!ic) return; // reported with the permission sets
  const expected = new Map<string, Grant>();
  const candidates = ctx.desired.accounts.filter((a) => !a.close);
  for (const rule of ctx.desired.assignments) {
    const excluded = new Set(rule.exclude.map((e) => e.toLowerCase()));
    for (const account of candidates) {
      if (excluded.has(account.email.toLowerCase())) continue;
      if (!rule.targets.some((t) => covers(ctx, t, account))) continue;
      const grant: Grant = {
        principalType: rule.principal.type,
        principal: rule.principal.name,
        permissionSet: rule.permissionSet,
        email: account.email.toLowerCase(),
        accountName: account.name,
      };
      expected.set(keyOf(grant), grant);
    }
  }

  const declared = new Set(ctx.desired.permissionSets.map((p) => p.name));
  const psName = new Map(ic.permissionSets.map((p) => [p.arn, p.name]));
  const principalName = new Map(ic.principals.map((p) => [`${p.type}:${p.id}`, p.name]));
  const actual = new Map<string, Grant>();
  for (const a of ic.assignments) {
    const ps = psName.get(a.permissionSetArn);
    if (ps === undefined || (!declared.has(ps) && ctx.ignore.permissionSet(ps))) continue;
    const live = ctx.snapshot.accounts.find((x) => x.id === a.accountId);
    if (!live || !isActive(live)) continue;
    const owner = accounts.desiredOf(live.id);
    if (!owner && ctx.ignore.account(live, parentOfLive(ctx, live))) continue;
    const grant: Grant = {
      principalType: a.principalType,
      principal: principalName.get(`${a.principalType}:${a.principalId}`) ?? `id ${a.principalId}`,
      permissionSet: ps,
      email: owner ? owner.email.toLowerCase() : live.email.toLowerCase(),
      accountName: owner?.name ?? live.name,
    };
    actual.set(keyOf(grant), grant);
  }

  for (const [key, grant] of expected) {
    if (actual.has(key)) continue;
    const live = accounts.liveOf(grant.email);
    // A missing or closed account is reported with the accounts; a quarantined one gets no new access.
    if (!live || !isActive(live) || accounts.contained(grant.email)) continue;
    ctx.report('assignment-missing', `assignment: ${show(grant)}`, 'assigned', 'not assigned');
  }
  for (const [key, grant] of actual) {
    if (!expected.has(key))
      ctx.report('assignment-unexpected', `assignment: ${show(grant)}`, 'not assigned', 'assigned');
  }
}

function covers(ctx: OracleContext, target: DesiredAssignmentTarget, account: DesiredAccount): boolean {
  switch (target.kind) {
    case 'account':
      return target.email.toLowerCase() === account.email.toLowerCase();
    case 'ou':
      return isWithinSegments(
        segmentsOfDesired(ctx, account.parentPath),
        segmentsOfDesired(ctx, target.path),
      );
    case 'tag':
      return (
        Object.hasOwn(account.tags, target.key) &&
        (target.value === undefined || account.tags[target.key] === target.value)
      );
  }
}
