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
    return (
      (wanted.length > 2 && (name.includes(wanted) || wanted.includes(name))) ||
      editDistance(name, wanted) <= 2
    );
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

/** Levenshtein distance: a typo of one or two characters still finds the account. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
