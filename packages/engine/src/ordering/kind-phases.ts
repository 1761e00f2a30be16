import type { ChangeKind } from '../change.ts';
import type { PhaseName } from './phases.ts';

/**
 * The phases each change kind may be planned in. Exhaustive: a new kind does not compile until it
 * has a place in the order, and the planner's `PlanBuilder.add` accepts a change only in one of
 * its kind's phases.
 */
export const KIND_PHASES = {
  'policy-type': ['enable-services', 'disable-services'],
  'trusted-service': ['enable-services', 'disable-services'],
  'delegated-admin': ['delegate'],
  'ou-create': ['create-ous'],
  'ou-update': ['create-ous'],
  'ou-delete': ['delete-ous'],
  'account-create': ['create-accounts'],
  'account-move': ['place-accounts'],
  'account-tag': ['place-accounts'],
  'account-close': ['close-accounts'],
  'policy-create': ['write-policies'],
  'policy-update': ['write-policies'],
  'policy-delete': ['delete-policies'],
  'policy-attachment': ['attachments', 'attach-new-accounts'],
  'permission-set-create': ['write-permission-sets'],
  'permission-set-update': ['write-permission-sets'],
  'permission-set-delete': ['delete-permission-sets'],
  'permission-set-provision': ['provision'],
  assignment: ['create-assignments', 'delete-assignments'],
} as const satisfies { readonly [K in ChangeKind]: readonly PhaseName[] };

/** The phases a change of kind `K` may be planned in. */
export type PhaseOfKind<K extends ChangeKind> = (typeof KIND_PHASES)[K][number];
