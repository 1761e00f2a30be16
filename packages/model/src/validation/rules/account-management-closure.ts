import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const accountManagementClosure = defineRule(
  {
    code: 'account-management-closure',
    severity: 'error',
    description: 'The management account cannot be marked for closure (CANNOT_CLOSE_MANAGEMENT_ACCOUNT).',
  },
  ({ collected }) =>
    collected.accounts.flatMap((a) =>
      a.management === true && a.close !== undefined
        ? [
            {
              message: `Management account "${a.name}" is marked for closure; AWS never closes the management account through Organizations.`,
              path: `${accountPath(a)}.close`,
              site: a.site,
              value: a.close,
              fix: 'Remove `close` from the management account. To retire the organization, close the member accounts first and delete the organization from the management account outside orgops.',
            },
          ]
        : [],
    ),
);
