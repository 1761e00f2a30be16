import { LIMITS } from '../../limits.ts';
import { depthOf, pathOf } from '../../organization-unit.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { ouPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const max = LIMITS.organizations.maxOuDepth;

export const ouDepth = defineRule(
  {
    code: 'ou-depth',
    severity: 'error',
    description: `OUs nest at most ${max} levels under the root (OU_DEPTH_LIMIT_EXCEEDED).`,
  },
  ({ collected }) =>
    collected.ous.flatMap((ou) => {
      const depth = depthOf(ou);
      if (depth <= max) return [];
      return [
        {
          message: `OU ${pathOf(ou)} is ${depth} levels deep; AWS allows at most ${max} levels under the root ${LIMITS_NOTE}.`,
          path: ouPath(ou),
          site: ou.site,
          value: depth,
          fix: `Flatten the tree: attach the policies of intermediate OUs to fewer, wider OUs so no OU is more than ${max} levels below the root.`,
        },
      ];
    }),
);
