import { defineRule } from '../rule.ts';

export const referenceDelegatedAdministrator = defineRule(
  {
    code: 'reference-delegated-administrator',
    severity: 'error',
    description: "A trusted service's delegated administrator is listed in `accounts`.",
  },
  ({ config }) => {
    const listed = new Set(config.accounts.map((a) => a.email.toLowerCase()));
    return (config.trustedServices ?? []).flatMap((s) => {
      const admin = s.delegatedAdministrator;
      if (!admin || listed.has(admin.email.toLowerCase())) return [];
      return [
        {
          message: `Trusted service ${s.principal} delegates administration to account "${admin.name}" (${admin.email}), which is not listed in accounts.`,
          path: `trustedServices[${s.principal}].delegatedAdministrator`,
          site: s.site ?? admin.site,
          value: admin.email,
          fix: `Add the account "${admin.name}" to \`accounts\` in defineOrganization(...); orgops registers delegated administrators only among accounts it manages.`,
        },
      ];
    });
  },
);
