import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const max = LIMITS.identityCenter.relayStateMaxLength;

export const permissionSetRelayState = defineRule(
  {
    code: 'permission-set-relay-state',
    severity: 'error',
    description: `relayState is at most ${max} characters.`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) =>
      ps.relayState === undefined || ps.relayState.length <= max
        ? []
        : [
            {
              message: `Permission set "${ps.name}" relayState is ${ps.relayState.length} characters; IAM Identity Center allows at most ${max} ${LIMITS_NOTE}.`,
              path: `${permissionSetPath(ps)}.relayState`,
              site: ps.site,
              value: ps.relayState,
              fix: `Use a shorter console URL (drop query parameters the landing page does not need) of at most ${max} characters.`,
            },
          ],
    ),
);
