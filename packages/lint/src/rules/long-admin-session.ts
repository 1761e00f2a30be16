import { inert, permissionSetPath, sessionSeconds } from '@orgops/model';
import { isAdminEquivalent } from '../admin.ts';
import { type Draft, defineLintRule } from '../rule.ts';
import { permissionSetSubject } from '../subjects.ts';

const ONE_HOUR = 3600;

export const longAdminSession = defineLintRule(
  {
    id: 'long-admin-session',
    severity: 'warning',
    title: 'Admin session longer than 1 hour',
    description:
      'An admin-equivalent permission set (AdministratorAccess, IAMFullAccess, or an inline wildcard admin grant) has sessions of at most 1 hour.',
  },
  ({ collected, desired }) =>
    collected.permissionSets.flatMap((ps): Draft[] => {
      const normalized = desired.permissionSets.find((d) => d.name === ps.name);
      if (!normalized || !isAdminEquivalent(normalized)) return [];
      const seconds = sessionSeconds(normalized.sessionDuration) ?? 0;
      if (seconds <= ONE_HOUR) return [];
      return [
        {
          message: `${permissionSetSubject(ps.name).label} is admin-equivalent and its sessions last ${normalized.sessionDuration}: a stolen session token is an administrator for that long.`,
          fix: `Set sessionDuration: 'PT1H' on ${inert(ps.name)}; people who need admin for longer sign in again.`,
          path: `${permissionSetPath(ps)}.sessionDuration`,
          subject: permissionSetSubject(ps.name),
          site: ps.site,
          value: normalized.sessionDuration,
        },
      ];
    }),
);
