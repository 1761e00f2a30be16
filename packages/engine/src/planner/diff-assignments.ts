import type { DesiredState } from '@orgops/model';
import { address } from '../addresses.ts';
import type { PrincipalRef } from '../change.ts';
import type { PlanBuilder } from './builder.ts';
import type { AccountMatch } from './diff-accounts.ts';
import { expandAssignments, tripleKey } from './expand-assignments.ts';
import { isLiveAccount, type LiveIndex } from './live-index.ts';

/**
 * Assignments are matched by (principal, permission set, account). Principal names resolve to ids
 * through the snapshot; an unknown name fails the plan at the rule that uses it instead of being
 * skipped silently. Into an account held in quarantine nothing is assigned (the review lists what
 * waits for its release); assignments config removes are still deleted there.
 */
export function diffAssignments(
  desired: DesiredState,
  live: LiveIndex,
  accounts: AccountMatch,
  out: PlanBuilder,
): void {
  const ic = live.snapshot.identityCenter;
  const principals = ic?.principals ?? [];
  const idByName = new Map<string, string>();
  const nameById = new Map<string, string>();
  // Reversed so the first principal listed wins, as a linear search would find it.
  for (const p of [...principals].reverse()) {
    idByName.set(`${p.type}:${p.name}`, p.id);
    nameById.set(`${p.type}:${p.id}`, p.name);
  }
  const idOf = (type: 'GROUP' | 'USER', name: string): string | undefined => idByName.get(`${type}:${name}`);
  // The reader names every principal an assignment mentions that still exists; one it cannot name
  // was deleted from the identity store, and AWS keeps its assignments until they are deleted by id.
  const nameOf = (type: 'GROUP' | 'USER', id: string): string | undefined => nameById.get(`${type}:${id}`);

  const psNameByArn = new Map((ic?.permissionSets ?? []).map((p) => [p.arn, p.name]));
  const psName = (arn: string): string | undefined => psNameByArn.get(arn);

  const liveKeys = new Set(
    (ic?.assignments ?? []).map(
      (a) => `${a.accountId}|${a.principalType}|${a.principalId}|${psName(a.permissionSetArn)}`,
    ),
  );

  const triples = expandAssignments(desired);
  if (triples.length && !ic) {
    out.error('no-identity-center', {
      message:
        'The config assigns permission sets, but the organization has no IAM Identity Center instance.',
      path: 'assignments',
      fix: 'Enable IAM Identity Center in the management account (or remove the assignments).',
    });
    return;
  }

  const reported = new Set<string>();
  const wanted = new Set<string>();
  for (const t of triples) {
    const id = idOf(t.principalType, t.principalName);
    if (!id) {
      const key = `${t.principalType}:${t.principalName}`;
      if (!reported.has(key)) {
        reported.add(key);
        out.error('unknown-principal', {
          message: `No identity-store ${t.principalType === 'GROUP' ? 'group with display name' : 'user with user name'} '${t.principalName}' exists.`,
          path: `assignments[${t.principalName} -> ${t.permissionSet}].principal`,
          value: t.principalName,
          site: t.rule.site,
          fix: `Create the ${t.principalType.toLowerCase()} in your identity source (or fix the spelling; names are case-sensitive).`,
        });
      }
      continue;
    }
    wanted.add(tripleKey(t));
    const liveAcct = accounts.liveByEmail.get(t.email);
    if (liveAcct && !isLiveAccount(liveAcct)) continue;
    const ref = accounts.refOf(t.email)!;
    const exists = liveAcct && liveKeys.has(`${liveAcct.id}|${t.principalType}|${id}|${t.permissionSet}`);
    if (!exists && accounts.holds.isContained(t.email)) {
      // Containment: no new access into a quarantined account; it waits for the release.
      accounts.holds.holdBack(
        t.email,
        `${t.principalType.toLowerCase()} ${t.principalName} gets ${t.permissionSet}`,
      );
      continue;
    }
    if (!exists) {
      const principal: PrincipalRef = { type: t.principalType, name: t.principalName, id };
      out.add('create-assignments', {
        kind: 'assignment',
        action: 'create',
        principal,
        permissionSet: t.permissionSet,
        account: ref,
        address: address.assignment(t.principalType, t.principalName, t.permissionSet, t.email),
      });
    }
  }

  const emailById = new Map([...accounts.liveByEmail].map(([email, x]) => [x.id, email]));
  for (const a of ic?.assignments ?? []) {
    const name = psName(a.permissionSetArn);
    const acct = live.accountById.get(a.accountId);
    if (!name || live.isIgnoredPermissionSet(name) || !acct || !isLiveAccount(acct)) continue;
    const email = emailById.get(acct.id) ?? acct.email.toLowerCase();
    const known = nameOf(a.principalType, a.principalId);
    const principalName = known ?? a.principalId;
    const key = tripleKey({ principalType: a.principalType, principalName, permissionSet: name, email });
    if (wanted.has(key) || reported.has(`${a.principalType}:${principalName}`)) continue;
    out.add('delete-assignments', {
      kind: 'assignment',
      action: 'delete',
      principal: { type: a.principalType, name: principalName, id: a.principalId },
      permissionSet: name,
      account: { email, id: acct.id, name: acct.name },
      address: address.assignment(a.principalType, principalName, name, email),
      ...(known === undefined
        ? {
            reason: `the ${a.principalType.toLowerCase()} is no longer in the identity store; AWS keeps its assignment until it is deleted by id`,
          }
        : {}),
    });
  }
}
