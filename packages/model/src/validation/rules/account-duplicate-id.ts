import type { Account } from '../../account.ts';
import { formatSite } from '../../site.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const accountDuplicateId = defineRule(
  {
    code: 'account-duplicate-id',
    severity: 'error',
    description: 'An account id appears on at most one account.',
  },
  ({ collected }) => {
    const first = new Map<string, Account>();
    return collected.accounts.flatMap((a) => {
      if (a.id === undefined) return [];
      const earlier = first.get(a.id);
      if (!earlier) {
        first.set(a.id, a);
        return [];
      }
      if (earlier === a) return []; // the same object listed twice: account-duplicate-email says it
      return [
        {
          message: `Account id ${a.id} is given to both "${earlier.name}"${earlier.site ? ` (${formatSite(earlier.site)})` : ''} and "${a.name}".`,
          path: `${accountPath(a)}.id`,
          site: a.site,
          value: a.id,
          fix: 'Check the ids against `aws organizations list-accounts`; each account object describes one account, so fix the copied id or merge the two objects.',
        },
      ];
    });
  },
);
