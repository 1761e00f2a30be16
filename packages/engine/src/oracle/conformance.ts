import type { DesiredState } from '@orgops/model';
import type { Snapshot } from '../snapshot.ts';
import { checkAccounts } from './check-accounts.ts';
import { checkAssignments } from './check-assignments.ts';
import { checkAttachments } from './check-attachments.ts';
import {
  checkDelegatedAdministrators,
  checkPolicyTypes,
  checkTrustedServices,
} from './check-organization.ts';
import { checkOus } from './check-ous.ts';
import { checkPermissionSets } from './check-permission-sets.ts';
import { checkPolicies } from './check-policies.ts';
import { oracleContext } from './oracle-context.ts';
import type { Discrepancy } from './types.ts';

/**
 * Does this organization match this config? Every way it does not, as concrete discrepancies; an
 * empty list means it matches. Decided by its own small code (segment paths, its own account
 * matching and assignment expansion), never by the planner's: it is the independent oracle that
 * tests hold the planner and applier to, so a blind spot in the diff cannot hide here too.
 *
 * @example
 * const problems = checkConformance(desired, snapshot);
 * if (problems.length) throw new Error(problems.map(formatDiscrepancy).join('\n'));
 */
export function checkConformance(desired: DesiredState, snapshot: Snapshot): Discrepancy[] {
  const ctx = oracleContext(desired, snapshot);
  checkPolicyTypes(ctx);
  checkTrustedServices(ctx);
  const ous = checkOus(ctx);
  const accounts = checkAccounts(ctx);
  checkDelegatedAdministrators(ctx, accounts);
  const claims = checkPolicies(ctx);
  checkAttachments(ctx, ous, accounts, claims);
  checkPermissionSets(ctx);
  checkAssignments(ctx, accounts);
  return [...ctx.found];
}
