import { type DesiredAccount, type DesiredState, OrgopsError } from '@orgops/model';
import type { SimulationIdentity } from './identity.ts';

/**
 * The account a reference names: its name, its email or its id (configured or placeholder).
 *
 * @throws OrgopsError `simulation-account-unknown` listing the accounts there are.
 */
export function findAccount(
  desired: DesiredState,
  identity: SimulationIdentity,
  ref: string,
): DesiredAccount {
  const wanted = ref.toLowerCase();
  const found = desired.accounts.find(
    (a) => a.name.toLowerCase() === wanted || a.email === wanted || identity.accountIds.get(a.email) === ref,
  );
  if (!found) {
    const names = desired.accounts.map((a) => a.name).join(', ');
    throw new OrgopsError(
      'simulation-account-unknown',
      `no account "${ref}" in the organization; name one of: ${names} (or its email or id).`,
    );
  }
  return found;
}

/** The id of an account of the organization. */
export function accountIdOf(identity: SimulationIdentity, account: DesiredAccount): string {
  const id = identity.accountIds.get(account.email);
  if (id === undefined) {
    throw new OrgopsError('simulation-account-unknown', `no id for account ${account.email}`, 'internal');
  }
  return id;
}
