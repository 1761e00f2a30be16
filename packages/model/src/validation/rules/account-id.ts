import { LIMITS } from '../../limits.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const accountId = defineRule(
  {
    code: 'account-id',
    severity: 'error',
    description: 'Account ids, when given, are exactly 12 digits.',
  },
  ({ collected }) =>
    collected.accounts.flatMap((a) =>
      a.id === undefined || LIMITS.account.idPattern.test(a.id)
        ? []
        : [
            {
              message: `Account "${a.name}" id "${a.id}" is not a 12-digit AWS account id.`,
              path: `${accountPath(a)}.id`,
              site: a.site,
              value: a.id,
              fix: 'Copy the id from the Organizations console or `aws organizations list-accounts` as a string of 12 digits, keeping leading zeros (write it in quotes, not as a number), or remove `id` for an account orgops should create.',
            },
          ],
    ),
);
