import type { Change } from '@orgops/engine';
import { LIMITS, policyTypeLimits } from '@orgops/model';

/** The error a refused change got, as the applier reports it. */
export interface RefusedCall {
  readonly code: string;
  readonly reason?: string;
  readonly operation?: string;
}

/**
 * What to change so the plan avoids a refusal, keyed by AWS's Reason (or a CreateAccount failure
 * reason, which is the refusal's code) first, then its exception name. Each names the config
 * change that avoids it; anything unlisted gets the general advice.
 */
const BY_REASON: Readonly<Record<string, (c: Change) => string>> = {
  MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED: (c) => {
    const type = 'policyType' in c ? c.policyType : 'SERVICE_CONTROL_POLICY';
    return `A target takes at most ${policyTypeLimits(type).maxPerTarget} ${type} attached directly, counting policies orgops does not manage (Control Tower's, ignored ones) and AWS's default policy. Attach fewer to this target: merge policies, or attach some to a parent OU instead.`;
  },
  MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED: () =>
    'Every target keeps at least one SCP: attach the replacement (or FullAWSAccess) in config before this one is detached.',
  POLICY_CONTENT_LIMIT_EXCEEDED: () =>
    'The document is longer than AWS accepts for its type (minified, in characters): split the policy in two.',
  POLICY_NUMBER_LIMIT_EXCEEDED: () =>
    'The organization has as many policies of this type as AWS allows: delete some.',
  OU_DEPTH_LIMIT_EXCEEDED: () =>
    `OUs nest at most ${LIMITS.organizations.maxOuDepth} levels under the root: move this OU higher.`,
  OU_NUMBER_LIMIT_EXCEEDED: () => 'The organization has as many OUs as AWS allows: remove some from config.',
  ACCOUNT_LIMIT_EXCEEDED: () =>
    `The organization's account quota is full (closed accounts count until AWS removes them). Request an increase of "Default maximum number of accounts" (${LIMITS.organizations.accountQuotaCode}) in Service Quotas, us-east-1, or add fewer accounts; if AWS already raised it through a support case that Service Quotas does not show, rehearse with --account-quota N (the repository variable ORGOPS_ACCOUNT_QUOTA in the pipeline).`,
  EMAIL_ALREADY_EXISTS: () =>
    'Another AWS account already uses this email address: give the new account an unused address.',
  ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED: () =>
    'Too many accounts are being created at once: wait for the CreateAccount requests in progress to finish, then plan again.',
  CLOSE_ACCOUNT_QUOTA_EXCEEDED: () =>
    'The 30-day CloseAccount quota is used up: close fewer accounts in this change and the rest later.',
  CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED: () =>
    'AWS closes at most 3 accounts at a time: wait for the closures in progress, then plan again.',
  CANNOT_CLOSE_MANAGEMENT_ACCOUNT: () => 'The management account cannot be closed: remove `close` from it.',
  SERVICE_ACCESS_NOT_ENABLED: () =>
    'A delegated administrator needs trusted access for its service: add the service to `trustedServices`.',
  CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR: () =>
    'The management account cannot be a delegated administrator: name a member account.',
  NON_DETACHABLE_POLICY: () => 'RCPFullAWSAccess cannot be detached: keep it on every target.',
  IMMUTABLE_POLICY: () =>
    'AWS-managed policies cannot be changed or deleted: refer to them, do not redefine them.',
  MAX_TAG_LIMIT_EXCEEDED: () =>
    `A resource takes at most ${LIMITS.organizations.maxTagsPerResource} tags: remove some.`,
};

const BY_CODE: Readonly<Record<string, (c: Change) => string>> = {
  OrganizationalUnitNotEmptyException: () =>
    'The OU still holds accounts or OUs that the plan does not move out (moved there outside orgops?). Give each of them a place in config so the plan moves it out first, or keep the OU.',
  PolicyTypeNotEnabledException: (c) =>
    `Enable the policy type in config (\`policyTypes: ['${'policyType' in c ? c.policyType : 'TYPE'}']\`) so the plan enables it before attaching, or do not attach policies of that type.`,
  PolicyInUseException: () =>
    'The policy is still attached somewhere the plan does not detach it (outside orgops?): detach it there in config, or keep the policy.',
  DuplicateOrganizationalUnitException: () =>
    'An OU with this name already exists under the same parent: rename one of them.',
  DuplicatePolicyException: () => 'A policy of this type with this name already exists: rename one of them.',
  DuplicatePolicyAttachmentException: () => 'The policy is already attached there: plan again.',
  PolicyNotAttachedException: () => 'The policy is not attached there any more: plan again.',
  MalformedPolicyDocumentException: () =>
    "AWS does not accept this document for the policy's type: fix the document (`orgops validate` names the problem).",
  ConflictException: (c) =>
    c.kind === 'permission-set-delete'
      ? 'The permission set still has assignments when it is deleted: remove every assignment of it from config (they are deleted before it), or keep it.'
      : 'Identity Center refused the change because of a conflicting resource or request: plan again, and check for duplicate names.',
  ServiceQuotaExceededException: () =>
    "An Identity Center quota is exceeded (25 managed and customer-managed policies per permission set, or the instance's permission sets): use fewer.",
  ValidationException: () =>
    'Identity Center refused the input: check the permission set or assignment in config.',
  AccessDeniedException: () => 'The role orgops applies with may not do this: see packages/aws/README.md.',
  // A request AWS accepted and then failed without a code for why (Identity Center's).
  FAILED: (c) =>
    c.kind === 'assignment' || c.kind === 'permission-set-provision'
      ? 'AWS accepted the request and then failed it, for the reason in the message: an account that is suspended or closing takes no permission sets or assignments, so leave it out of the assignment targets (or close it in config).'
      : 'AWS accepted the request and then failed it, for the reason in the message: change the config so the plan avoids it.',
};

/** The fix for a refused change. */
export function fixFor(error: RefusedCall, change: Change): string {
  // A failed CreateAccount's failure reason is its code.
  const byReason = BY_REASON[error.reason ?? error.code];
  const byCode = BY_CODE[error.code];
  if (byReason) return byReason(change);
  if (byCode) return byCode(change);
  return 'AWS would refuse this change as the twin did: change the config so the plan avoids it. If the plan should have refused it itself, please report it.';
}
