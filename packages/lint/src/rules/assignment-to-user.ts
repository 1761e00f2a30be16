import { assignmentPath, inert } from '@orgops/model';
import { type Draft, defineLintRule } from '../rule.ts';
import { assignmentSubject } from '../subjects.ts';

/** Sometimes right (a break-glass user): then waive it with the reason. */
export const assignmentToUser = defineLintRule(
  {
    id: 'assignment-to-user',
    severity: 'warning',
    title: 'Permission set assigned to a user',
    description: 'Permission sets are assigned to groups, not directly to users.',
  },
  ({ config }) =>
    (config.assignments ?? []).flatMap((a): Draft[] =>
      a.principal.type === 'USER'
        ? [
            {
              message: `Permission set "${inert(a.permissionSet.name)}" is assigned directly to user "${inert(a.principal.name)}"; access granted to people instead of roles is hard to review and is left behind when they change teams.`,
              path: `${assignmentPath(a)}.principal`,
              subject: assignmentSubject(a),
              site: a.site ?? a.principal.site,
              value: a.principal.name,
              fix: `Assign it to a group instead (group('...')) and manage "${inert(a.principal.name)}"'s membership of that group in the identity provider.`,
            },
          ]
        : [],
    ),
);
