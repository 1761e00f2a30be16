import type { Rule } from '../rule.ts';
import { accountDuplicateEmail } from './account-duplicate-email.ts';
import { accountDuplicateId } from './account-duplicate-id.ts';
import { accountDuplicateName } from './account-duplicate-name.ts';
import { accountEmail } from './account-email.ts';
import { accountId } from './account-id.ts';
import { accountManagementClosure } from './account-management-closure.ts';
import { accountMultipleManagement } from './account-multiple-management.ts';
import { accountName } from './account-name.ts';
import { accountQuarantineIntent } from './account-quarantine-intent.ts';
import { accountQuarantineTags } from './account-quarantine-tags.ts';
import { assignmentTagMatchesNothing } from './assignment-tag-matches-nothing.ts';
import { ignoreConflict } from './ignore-conflict.ts';
import { managementPolicyDocument } from './management-policy-document.ts';
import { nameControlCharacters } from './name-control-characters.ts';
import { ouDepth } from './ou-depth.ts';
import { ouDuplicatePath } from './ou-duplicate-path.ts';
import { ouName } from './ou-name.ts';
import { permissionSetConflictingDefinitions } from './permission-set-conflicting-definitions.ts';
import { permissionSetDescription } from './permission-set-description.ts';
import { permissionSetIamRolePolicyQuota } from './permission-set-iam-role-policy-quota.ts';
import { permissionSetInlinePolicySize } from './permission-set-inline-policy-size.ts';
import { permissionSetManagedPolicyArn } from './permission-set-managed-policy-arn.ts';
import { permissionSetManagedPolicyCount } from './permission-set-managed-policy-count.ts';
import { permissionSetName } from './permission-set-name.ts';
import { permissionSetRelayState } from './permission-set-relay-state.ts';
import { permissionSetSessionDuration } from './permission-set-session-duration.ts';
import { policyAttachmentsPerTarget } from './policy-attachments-per-target.ts';
import { policyConditionValue } from './policy-condition-value.ts';
import { policyConflictingDefinitions } from './policy-conflicting-definitions.ts';
import { policyDescription } from './policy-description.ts';
import { policyDocument } from './policy-document.ts';
import { policyName } from './policy-name.ts';
import { policySize } from './policy-size.ts';
import { policyStatementAction } from './policy-statement-action.ts';
import { policyStatementCondition } from './policy-statement-condition.ts';
import { policyStatementElement } from './policy-statement-element.ts';
import { policyStatementResource } from './policy-statement-resource.ts';
import { policyStatementSid } from './policy-statement-sid.ts';
import { policyTypeNotEnabled } from './policy-type-not-enabled.ts';
import { quarantineGuardrails } from './quarantine-guardrails.ts';
import { rcpDenyOnly } from './rcp-deny-only.ts';
import { rcpNotAction } from './rcp-not-action.ts';
import { rcpPrincipal } from './rcp-principal.ts';
import { referenceAccountParent } from './reference-account-parent.ts';
import { referenceAssignmentTarget } from './reference-assignment-target.ts';
import { referenceDelegatedAdministrator } from './reference-delegated-administrator.ts';
import { referenceDelegatedAdministratorMember } from './reference-delegated-administrator-member.ts';
import { referenceOuParent } from './reference-ou-parent.ts';
import { referenceQuarantineOu } from './reference-quarantine-ou.ts';
import { scpMissing } from './scp-missing.ts';
import { scpPrincipal } from './scp-principal.ts';
import { tagCount } from './tag-count.ts';
import { tagKey } from './tag-key.ts';
import { tagValue } from './tag-value.ts';
import { trustedServiceConflict } from './trusted-service-conflict.ts';

/** Every named rule, in the order they run and are listed in the README. Codes are stable. */
export const RULES: readonly Rule[] = [
  accountName,
  accountEmail,
  accountId,
  accountDuplicateEmail,
  accountDuplicateName,
  accountDuplicateId,
  accountMultipleManagement,
  accountManagementClosure,
  accountQuarantineIntent,
  accountQuarantineTags,
  ouName,
  nameControlCharacters,
  ouDuplicatePath,
  ouDepth,
  referenceAccountParent,
  referenceOuParent,
  policyName,
  policyDescription,
  policyDocument,
  policyStatementElement,
  policyStatementAction,
  policyStatementResource,
  policyStatementSid,
  policyStatementCondition,
  policyConditionValue,
  managementPolicyDocument,
  policySize,
  policyConflictingDefinitions,
  policyTypeNotEnabled,
  policyAttachmentsPerTarget,
  scpMissing,
  scpPrincipal,
  rcpDenyOnly,
  rcpNotAction,
  rcpPrincipal,
  permissionSetName,
  permissionSetDescription,
  permissionSetSessionDuration,
  permissionSetRelayState,
  permissionSetInlinePolicySize,
  permissionSetManagedPolicyCount,
  permissionSetIamRolePolicyQuota,
  permissionSetManagedPolicyArn,
  permissionSetConflictingDefinitions,
  assignmentTagMatchesNothing,
  referenceAssignmentTarget,
  referenceDelegatedAdministrator,
  referenceDelegatedAdministratorMember,
  trustedServiceConflict,
  referenceQuarantineOu,
  quarantineGuardrails,
  ignoreConflict,
  tagCount,
  tagKey,
  tagValue,
];
