import type { Account } from '../../account.ts';
import { formatSite } from '../../site.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

/**
 * AWS tolerates duplicate account names, but plans, drift reports and these diagnostics name
 * accounts by name, and an access review that says "Admin in account prod" twice is unreviewable.
 */
export const accountDuplicateName = defineRule(
  {
    code: 'account-duplicate-name',
    severity: 'error',
    description: 'Account names are unique: plans and access reviews name accounts by name.',
  },
  ({ collected }) => {
    const first = new Map<string, Account>();
    return collected.accounts.flatMap((a) => {
      const earlier = first.get(a.name);
      if (!earlier) {
        first.set(a.name, a);
        return [];
      }
      if (earlier === a || earlier.email.toLowerCase() === a.email.toLowerCase()) return []; // account-duplicate-email says it
      return [
        {
          message: `Account name "${a.name}" is used by two accounts: ${earlier.email}${earlier.site ? ` (${formatSite(earlier.site)})` : ''} and ${a.email}.`,
          path: `${accountPath(a)}.name`,
          site: a.site,
          value: a.name,
          fix: `Rename one of them, e.g. "${a.name}-2" or a name that says what the account is for.`,
        },
      ];
    });
  },
);
