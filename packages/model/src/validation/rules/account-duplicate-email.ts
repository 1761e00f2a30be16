import type { Account } from '../../account.ts';
import { formatSite } from '../../site.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const accountDuplicateEmail = defineRule(
  {
    code: 'account-duplicate-email',
    severity: 'error',
    description:
      'Root user emails are unique (case-insensitive): email is how orgops matches an account without an id.',
  },
  ({ collected }) => {
    const first = new Map<string, Account>();
    return collected.accounts.flatMap((a) => {
      const key = a.email.toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, a);
        return [];
      }
      const where =
        earlier === a
          ? 'the same account object is listed twice'
          : `account "${earlier.name}"${earlier.site ? ` (${formatSite(earlier.site)})` : ''} already uses it`;
      return [
        {
          message: `Account "${a.name}" email "${a.email}" is not unique: ${where}.`,
          path: `${accountPath(a)}.email`,
          site: a.site,
          value: a.email,
          fix:
            earlier === a
              ? 'List each account once in `accounts`.'
              : `Give each account its own root email, e.g. "aws+${a.name.replace(/[^a-zA-Z0-9-]/g, '') || 'account'}@example.com".`,
        },
      ];
    });
  },
);
