import {
  type AccessChange,
  type AnalysisContext,
  fieldsBefore,
  grantFieldsAfter,
  type PermissionSetUpdate,
} from '@orgops/engine';
import { placeholderAccountId } from '../identity.ts';
import { CAPABILITIES, type Capability } from './capabilities.ts';
import { afterChain, beforeChain, type ReviewChain, workingRegion } from './chains.ts';
import type { ManagedDocuments } from './managed-documents.ts';
import { type ReviewPrincipal, reviewPrincipal } from './principal.ts';
import type { ReviewSession } from './session.ts';

/**
 * What an access row makes possible, asked of the simulator in each account with its guardrails:
 * `can now change IAM (iam:PutRolePolicy) in 9 of 10 accounts`. A gain is measured from nothing; a
 * change to a permission set from what it allowed before, in the chain AWS has now.
 */
export async function possibleFor(
  ctx: AnalysisContext,
  session: ReviewSession,
  docs: ManagedDocuments,
  row: AccessChange,
): Promise<string[]> {
  if (row.effect === 'loses') return [];
  const fields = grantFieldsAfter(ctx, row.permissionSet);
  if (!fields) return [];
  const after = reviewPrincipal(fields, docs);
  if (!after.simulatable) {
    return [
      `not simulated: the permissions boundary of ${row.permissionSet} is a customer managed policy, whose document is not in config`,
    ];
  }
  let before: ReviewPrincipal | undefined;
  if (row.effect === 'changed') {
    const live = ctx.snapshotPermissionSet(row.permissionSet);
    const update = ctx.changes.find(
      (c): c is PermissionSetUpdate => c.kind === 'permission-set-update' && c.name === row.permissionSet,
    );
    if (!live || !update) return [];
    before = reviewPrincipal(fieldsBefore(live, update), docs);
  }

  const gained = new Map<string, { count: number; action: string }>();
  for (const account of row.accounts) {
    const id = account.id ?? placeholderAccountId(account.email.toLowerCase());
    const chainAfter = afterChain(ctx, account, id);
    if (!chainAfter) continue;
    const chainBefore = before ? beforeChain(ctx, account) : undefined;
    for (const capability of CAPABILITIES) {
      if (capability.managementOnly && !chainAfter.management) continue;
      const now = await capable(session, row.permissionSet, after, chainAfter, capability);
      if (now === undefined) continue;
      if (
        before &&
        chainBefore &&
        (await capable(session, row.permissionSet, before, chainBefore, capability)) !== undefined
      )
        continue;
      const entry = gained.get(capability.id) ?? { count: 0, action: now };
      entry.count += 1;
      gained.set(capability.id, entry);
    }
  }
  const total = row.accounts.length;
  const lines = CAPABILITIES.flatMap((capability) => {
    const entry = gained.get(capability.id);
    if (!entry) return [];
    const where = entry.count === total ? accounts(total) : `${entry.count} of ${accounts(total)}`;
    return [`can now ${capability.words} (${entry.action}) in ${where}`];
  });
  if (after.unread.length > 0) lines.push(`not read, so not in this list: ${after.unread.join(', ')}`);
  return lines;
}

/** The first probe of a capability the permission set may make there, or `undefined`. */
export async function capable(
  session: ReviewSession,
  permissionSet: string,
  principal: ReviewPrincipal,
  chain: ReviewChain,
  capability: Capability,
): Promise<string | undefined> {
  const region = workingRegion(chain);
  for (const probe of capability.probes) {
    if (await session.allowed(permissionSet, principal, chain, probe, region)) return probe.action;
  }
  return undefined;
}

function accounts(n: number): string {
  return `${n} account${n === 1 ? '' : 's'}`;
}
