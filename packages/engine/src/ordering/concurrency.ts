import { LIMITS } from '@orgops/model';
import type { ChangeKind } from '../change.ts';

/** A limiter the applier shares among the changes of one wave. */
export type Lane = 'account-create' | 'account-close' | 'assignment' | 'permission-set-provision' | 'default';

/**
 * How many changes of a lane run at once within a wave, from AWS's limits; everything else runs a
 * few at a time (Organizations writes are throttled at 1-2 per second, aws-facts.md §2.2).
 */
export const LANE_LIMITS: { readonly [L in Lane]: number } = {
  // At most 5 CreateAccount in progress (ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED, aws-facts.md §1.1).
  'account-create': LIMITS.organizations.maxConcurrentCreateAccount,
  // At most 3 CloseAccount in progress (CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED, aws-facts.md §1.1).
  'account-close': LIMITS.organizations.maxConcurrentCloseAccount,
  // The Identity Center gates (15 outstanding, 3 provisioning, one per account) do the real limiting.
  assignment: 64,
  'permission-set-provision': 8,
  default: 4,
};

/** Every change kind's lane: a new kind does not compile until someone decides its concurrency. */
export const LANE_OF_KIND: { readonly [K in ChangeKind]: Lane } = {
  'policy-type': 'default',
  'trusted-service': 'default',
  'delegated-admin': 'default',
  'ou-create': 'default',
  'ou-update': 'default',
  'ou-delete': 'default',
  'account-create': 'account-create',
  'account-move': 'default',
  'account-tag': 'default',
  'account-close': 'account-close',
  'policy-create': 'default',
  'policy-update': 'default',
  'policy-delete': 'default',
  'policy-attachment': 'default',
  'permission-set-create': 'default',
  'permission-set-update': 'default',
  'permission-set-delete': 'default',
  'permission-set-provision': 'permission-set-provision',
  assignment: 'assignment',
};

/**
 * Identity Center limits that hold across the whole apply, whatever the phase (aws-facts.md
 * §3.1, §3.2): assignment creates and deletes outstanding at once (15, not adjustable),
 * ProvisionPermissionSet calls at once (3), and IAM role updates per account at once (1: writes
 * into one account are serialized, which also avoids ConflictException, §3.4).
 */
export const IDENTITY_CENTER_GATES = {
  outstandingAssignments: LIMITS.identityCenter.maxOutstandingAssignmentOperations,
  concurrentProvisioning: LIMITS.identityCenter.maxConcurrentProvisioning,
  roleUpdatesPerAccount: 1,
} as const;
