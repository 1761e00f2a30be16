import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const accountMultipleManagement = defineRule(
  {
    code: 'account-multiple-management',
    severity: 'error',
    description: 'At most one account is the management account.',
  },
  ({ collected }) => {
    const managers = [...new Set(collected.accounts.filter((a) => a.management === true))];
    const [first, ...extra] = managers;
    return extra.map((a) => ({
      message: `Account "${a.name}" is declared as the management account, but "${first!.name}" already is; an organization has exactly one.`,
      path: `${accountPath(a)}.management`,
      site: a.site,
      value: true,
      fix: `Declare "${a.name}" with account(...) instead of managementAccount(...); keep managementAccount(...) only for the account that owns the organization.`,
    }));
  },
);
