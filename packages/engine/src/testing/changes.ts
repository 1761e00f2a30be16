/**
 * Changes as the planner writes them (kind, action, address), for tests that hand-build plans or
 * feed the analysis; the names and ids default to the organization in `organization.ts`.
 */
import type {
  AccountMove,
  AccountRef,
  AssignmentChange,
  Change,
  PermissionSetUpdate,
  PolicyUpdate,
  PrincipalRef,
  TargetRef,
} from '../change.ts';
import { PS_ARN } from './organization.ts';

export function assignment(
  action: 'create' | 'delete',
  principal: PrincipalRef,
  permissionSet: string,
  account: AccountRef,
): AssignmentChange {
  return {
    kind: 'assignment',
    action,
    address: `assignment/${principal.type}:${principal.name}/${permissionSet}/${account.email}`,
    principal,
    permissionSet,
    account,
  };
}

export function attachment(
  action: 'attach' | 'detach',
  policyName: string,
  target: TargetRef,
  policyType = 'SERVICE_CONTROL_POLICY',
): Change {
  const where =
    target.kind === 'root' ? '/' : target.kind === 'ou' ? target.path : `account:${target.account.email}`;
  return {
    kind: 'policy-attachment',
    action,
    address: `attachment/${policyType}/${policyName}@${where}`,
    policyType,
    policyName,
    target,
  };
}

/**
 * An edit of the SCP deny-leave-org (id p-denyleave) unless `policy` names another; `edit` holds
 * what changes (`content`, `description`, `tags`, `rename`).
 */
export function policyUpdate(
  edit: Pick<PolicyUpdate, 'content' | 'description' | 'tags' | 'rename'>,
  policy: { readonly name: string; readonly id: string; readonly policyType?: string } = {
    name: 'deny-leave-org',
    id: 'p-denyleave',
  },
): PolicyUpdate {
  const policyType = policy.policyType ?? 'SERVICE_CONTROL_POLICY';
  return {
    kind: 'policy-update',
    action: 'update',
    address: `policy/${policyType}/${policy.name}`,
    policyType,
    name: policy.name,
    id: policy.id,
    ...edit,
  };
}

export function accountMove(
  account: AccountRef,
  fromPath: string,
  toPath: string,
  extra: Pick<AccountMove, 'reason' | 'quarantine'> = {},
): AccountMove {
  return {
    kind: 'account-move',
    action: 'move',
    address: `account/${account.email}`,
    account,
    fromPath,
    toPath,
    ...extra,
  };
}

/** An edit of one of the organization's permission sets: the fields before and after. */
export function permissionSetUpdate(
  name: keyof typeof PS_ARN,
  before: PermissionSetUpdate['before'],
  after: PermissionSetUpdate['after'],
): PermissionSetUpdate {
  return {
    kind: 'permission-set-update',
    action: 'update',
    address: `permission-set/${name}`,
    name,
    arn: PS_ARN[name],
    before,
    after,
  };
}
