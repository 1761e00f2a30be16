import { defineRule } from '../rule.ts';

export const trustedServiceConflict = defineRule(
  {
    code: 'trusted-service-conflict',
    severity: 'error',
    description: 'A service is not both in `trustedServices` and in `disable.trustedServices`.',
  },
  ({ config }) => {
    const disabled = new Set(config.disable?.trustedServices ?? []);
    return (config.trustedServices ?? []).flatMap((s) =>
      disabled.has(s.principal)
        ? [
            {
              message: `Trusted service ${s.principal} is both enabled in trustedServices and listed in disable.trustedServices.`,
              path: `trustedServices[${s.principal}]`,
              site: s.site,
              value: s.principal,
              fix: `Decide: to keep trusted access, remove '${s.principal}' from disable.trustedServices; to disable it, remove trustedService('${s.principal}') from trustedServices.`,
            },
          ]
        : [],
    );
  },
);
