import { pathOf } from '../../organization-unit.ts';
import { ouPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const referenceOuParent = defineRule(
  {
    code: 'reference-ou-parent',
    severity: 'error',
    description: "An OU's parent OU is listed in `organizationalUnits`.",
  },
  ({ config, collected }) => {
    const listed = new Set(config.organizationalUnits.map((ou) => pathOf(ou)));
    return collected.ous.flatMap((ou) =>
      ou.parent.kind === 'root' || listed.has(pathOf(ou.parent))
        ? []
        : [
            {
              message: `OU ${pathOf(ou)} has parent OU ${pathOf(ou.parent)}, which is not listed in organizationalUnits.`,
              path: `${ouPath(ou)}.parent`,
              site: ou.site,
              value: pathOf(ou.parent),
              fix: `Add the OU "${ou.parent.name}" to \`organizationalUnits\` in defineOrganization(...).`,
            },
          ],
    );
  },
);
