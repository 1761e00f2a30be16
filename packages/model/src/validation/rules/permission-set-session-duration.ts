import { LIMITS } from '../../limits.ts';
import { sessionSeconds } from '../../permission-set.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const { minSessionHours: min, maxSessionHours: max } = LIMITS.identityCenter;

export const permissionSetSessionDuration = defineRule(
  {
    code: 'permission-set-session-duration',
    severity: 'error',
    description: `sessionDuration is an ISO-8601 duration between PT${min}H and PT${max}H.`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      if (ps.sessionDuration === undefined) return [];
      const seconds = sessionSeconds(ps.sessionDuration);
      const problem =
        seconds === undefined
          ? 'is not an ISO-8601 duration such as PT4H or PT1H30M'
          : seconds < min * 3600 || seconds > max * 3600
            ? `is ${(seconds / 3600).toFixed(2).replace(/\.?0+$/, '')} hours; IAM Identity Center allows ${min}–${max} hours ${LIMITS_NOTE}`
            : undefined;
      if (!problem) return [];
      return [
        {
          message: `Permission set "${ps.name}" sessionDuration "${ps.sessionDuration}" ${problem}.`,
          path: `${permissionSetPath(ps)}.sessionDuration`,
          site: ps.site,
          value: ps.sessionDuration,
          fix: `Use a duration from 'PT${min}H' to 'PT${max}H', e.g. 'PT4H' or 'PT1H30M'; keep privileged permission sets short.`,
        },
      ];
    }),
);
