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
    throw new OrgopsError(
      'simulation-account-unknown',
      `no account "${ref}" in the organization; ${accountHint(desired, wanted)} (by name, email or id).`,
    );
  }
  return found;
}

/** Accounts named in an error before the rest are counted: a list of 1,000 helps no one. */
const NAMED = 10;

/** The accounts a mistyped reference most likely meant (names that contain it or it contains), else the first few. */
function accountHint(desired: DesiredState, wanted: string): string {
  const names = desired.accounts.map((a) => a.name);
  const near = names.filter((n) => {
    const name = n.toLowerCase();
    return wanted.length > 2 && (name.includes(wanted) || wanted.includes(name));
  });
  if (near.length > 0 && near.length <= NAMED) return `did you mean ${near.join(', ')}?`;
  const shown = names.slice(0, NAMED).join(', ');
  return names.length > NAMED
    ? `name one of its ${names.length} accounts, e.g. ${shown}`
    : `name one of: ${shown}`;
}

/** The id of an account of the organization. */
export function accountIdOf(identity: SimulationIdentity, account: DesiredAccount): string {
  const id = identity.accountIds.get(account.email);
  if (id === undefined) {
    throw new OrgopsError('simulation-account-unknown', `no id for account ${account.email}`, 'internal');
  }
  return id;
}
