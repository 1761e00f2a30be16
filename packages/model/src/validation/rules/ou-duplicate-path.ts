import { type OrganizationalUnit, pathOf } from '../../organization-unit.ts';
import { formatSite } from '../../site.ts';
import { ouPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

/** Sibling OU names are unique in AWS (DuplicateOrganizationalUnitException), and the path is the OU's key. */
export const ouDuplicatePath = defineRule(
  {
    code: 'ou-duplicate-path',
    severity: 'error',
    description: 'Two OU objects with the same name under the same parent (same path) are one OU in AWS.',
  },
  ({ collected }) => {
    const first = new Map<string, OrganizationalUnit>();
    return collected.ous.flatMap((ou) => {
      const path = pathOf(ou);
      const earlier = first.get(path);
      if (!earlier) {
        first.set(path, ou);
        return [];
      }
      return [
        {
          message: `Two different OU objects have the path ${path}${earlier.site ? ` (the other is at ${formatSite(earlier.site)})` : ''}; sibling OU names must be unique.`,
          path: ouPath(ou),
          site: ou.site,
          value: path,
          fix: 'Create the OU once with organizationalUnit(...), export it, and import that object wherever it is used as a parent or target; or rename one of them.',
        },
      ];
    });
  },
);
