import { defineRule } from '../rule.ts';

/**
 * AWS refuses RegisterDelegatedAdministrator for the management account
 * (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR), and only at apply time, after earlier
 * changes have run. The planner also checks the live management account, for configs that name
 * it without `managementAccount()`.
 */
export const referenceDelegatedAdministratorMember = defineRule(
  {
    code: 'reference-delegated-administrator-member',
    severity: 'error',
    description:
      "A trusted service's delegated administrator is a member account, not the management account.",
  },
  ({ config }) =>
    (config.trustedServices ?? []).flatMap((s) => {
      const admin = s.delegatedAdministrator;
      if (!admin?.management) return [];
      return [
        {
          message: `Trusted service ${s.principal} delegates administration to the management account "${admin.name}"; AWS refuses that (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR).`,
          path: `trustedServices[${s.principal}].delegatedAdministrator`,
          site: s.site ?? admin.site,
          value: admin.email,
          fix: `Delegate ${s.principal} to a member account, such as a security tooling account; the management account administers it already.`,
        },
      ];
    }),
);
