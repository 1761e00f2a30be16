import { pathOf } from '../../organization-unit.ts';
import { accountPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

export const referenceAccountParent = defineRule(
  {
    code: 'reference-account-parent',
    severity: 'error',
    description: "An account's parent OU is listed in `organizationalUnits`.",
  },
  ({ config, collected }) => {
    const listed = new Set(config.organizationalUnits.map((ou) => pathOf(ou)));
    return collected.accounts.flatMap((a) =>
      a.parent.kind === 'root' || listed.has(pathOf(a.parent))
        ? []
        : [
            {
              message: `Account "${a.name}" is placed in OU ${pathOf(a.parent)}, which is not listed in organizationalUnits.`,
              path: `${accountPath(a)}.parent`,
              site: a.site,
              value: pathOf(a.parent),
              fix: `Add the OU "${a.parent.name}" to \`organizationalUnits\` in defineOrganization(...) so its policies and tags are managed, or place the account under a listed OU.`,
            },
          ],
    );
  },
);
