import { type DesiredAccount, normalize } from '@orgops/model';
import { checkRow, createSimulator, type RequestRow, role, type Simulator } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import { accounts, paymentsProd } from '../src/accounts.ts';
import org from '../src/index.ts';
import { suspended } from '../src/ous.ts';

/** The example organization, normalized as `orgops plan` sees it. */
export const desired = normalize(org);

/** A simulator over the example organization's effective chains (placeholder account ids). */
export const example = (): Simulator => createSimulator(desired);

/**
 * The example organization with payments-prod quarantined (moved under Suspended, as the README
 * says to): the Suspended OU holds no account, so its chain is tried on this copy.
 */
export function quarantinedExample(): Simulator {
  const moved = accounts.map((a) => (a === paymentsProd ? { ...a, parent: suspended } : a));
  return createSimulator(normalize({ ...org, accounts: moved }));
}

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The break-glass role of an account (AdministratorAccess): config does not define roles. */
export const breakGlass = (account: string) =>
  role('break-glass', account, { managedPolicies: [ADMINISTRATOR_ACCESS] });

/** Accounts the guardrails bind: every account but the management account. */
export const memberAccounts: readonly DesiredAccount[] = desired.accounts.filter((a) => !a.management);

/** The id the simulator gives an account, for resource ARNs. */
export const idOf = (sim: Simulator, account: string): string => sim.chain(account).accountId;

/** A describe block with one test per row: each row's decision, and what decided it. */
export function requestTable(title: string, simulator: () => Simulator, rows: readonly RequestRow[]): void {
  describe(title, () => {
    const sim = simulator();
    it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
      const outcome = await checkRow(sim, row);
      expect(outcome.problem ?? 'holds').toBe('holds');
    });
  });
}
