import { assignmentPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

/** A warning: sometimes right (a break-glass user), but access should normally follow group membership. */
export const assignmentToUser = defineRule(
  {
    code: 'assignment-to-user',
    severity: 'warning',
    plural: 'assignments to users',
    description: 'Permission sets are assigned to groups, not directly to users.',
  },
  ({ config }) =>
    (config.assignments ?? []).flatMap((a) =>
      a.principal.type === 'USER'
        ? [
            {
              message: `Permission set "${a.permissionSet.name}" is assigned directly to user "${a.principal.name}"; access granted to people instead of roles is hard to review and is left behind when they change teams.`,
              path: `${assignmentPath(a)}.principal`,
              site: a.site ?? a.principal.site,
              value: a.principal.name,
              fix: `Assign it to a group instead (group('...')) and manage "${a.principal.name}"'s membership of that group in the identity provider.`,
            },
          ]
        : [],
    ),
);
