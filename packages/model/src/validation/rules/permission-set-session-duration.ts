import { LIMITS } from '../../limits.ts';
import { sessionSeconds } from '../../permission-set.ts';
import { LIMITS_NOTE, plural, quoted } from '../messages.ts';
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
          ? `is not an ISO-8601 duration such as PT4H or PT1H30M; IAM Identity Center allows PT${min}H to PT${max}H`
          : seconds < min * 3600 || seconds > max * 3600
            ? `is ${lengthWords(seconds)}; IAM Identity Center allows ${min}–${max} hours (PT${min}H to PT${max}H) ${LIMITS_NOTE}`
            : undefined;
      if (!problem) return [];
      return [
        {
          message: `Permission set ${quoted(ps.name)} sessionDuration ${quoted(ps.sessionDuration)} ${problem}.`,
          path: `${permissionSetPath(ps)}.sessionDuration`,
          site: ps.site,
          value: ps.sessionDuration,
          fix: `Use a duration from 'PT${min}H' to 'PT${max}H', e.g. 'PT4H' or 'PT1H30M'; keep privileged permission sets short.`,
        },
      ];
    }),
);

/** `13 hours`, `0.5 hours`, `2 days`: how long a duration is, in the unit of the allowed range or in days. */
function lengthWords(seconds: number): string {
  if (seconds < 0) return `negative (${lengthWords(-seconds)})`;
  const trim = (n: number) => n.toFixed(2).replace(/\.?0+$/, '');
  if (seconds < 48 * 3600) return `${trim(seconds / 3600)} hours`;
  return plural(Number(trim(seconds / 86_400)), 'day');
}
