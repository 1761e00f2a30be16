/**
 * Every AWS limit orgops checks, in one versioned table. Validation reads it, the sandbox enforces
 * it, and nothing else hard-codes a number: AWS changed the SCP limits on 2026-05-15 and tools that
 * had `5` baked in broke (LZA#1119). Sources are in `aws-facts.md`.
 */
export const LIMITS_VERSION = '2026-05-15';

/** Per-type limits for organization policies. */
export interface PolicyTypeLimits {
  /** Maximum characters of the minified document (whitespace counts as sent through the API). */
  readonly maxDocumentChars: number;
  /** Maximum policies of this type attached directly to one root, OU or account. */
  readonly maxPerTarget: number;
  /** Minimum direct attachments per target (SCPs and RCPs: 1, the last one cannot be detached). */
  readonly minPerTarget: number;
  /** Maximum policies of this type in the organization. */
  readonly maxPerOrganization: number;
}

const tenThousandDocs: PolicyTypeLimits = {
  maxDocumentChars: 10_000,
  maxPerTarget: 10,
  minPerTarget: 0,
  maxPerOrganization: 1000,
};

/** Known policy types. The type set is open: unknown types fall back to {@link DEFAULT_POLICY_LIMITS}. */
export const POLICY_TYPE_LIMITS: Readonly<Record<string, PolicyTypeLimits>> = {
  SERVICE_CONTROL_POLICY: {
    maxDocumentChars: 10_240,
    maxPerTarget: 10,
    minPerTarget: 1,
    maxPerOrganization: 10_000,
  },
  RESOURCE_CONTROL_POLICY: {
    maxDocumentChars: 5_120,
    maxPerTarget: 5,
    minPerTarget: 1,
    maxPerOrganization: 2000,
  },
  TAG_POLICY: tenThousandDocs,
  BACKUP_POLICY: tenThousandDocs,
  SECURITYHUB_POLICY: tenThousandDocs,
  DECLARATIVE_POLICY_EC2: tenThousandDocs,
  CHATBOT_POLICY: { ...tenThousandDocs, maxPerTarget: 5 },
  AISERVICES_OPT_OUT_POLICY: {
    maxDocumentChars: 2_500,
    maxPerTarget: 5,
    minPerTarget: 0,
    maxPerOrganization: 1000,
  },
};

/** Limits assumed for a policy type this table does not know yet. */
export const DEFAULT_POLICY_LIMITS: PolicyTypeLimits = tenThousandDocs;

export function policyTypeLimits(type: string): PolicyTypeLimits {
  return POLICY_TYPE_LIMITS[type] ?? DEFAULT_POLICY_LIMITS;
}

/** Organizations, account and Identity Center limits. */
export const LIMITS = {
  organizations: {
    /** OU nesting depth under the root (`OU_DEPTH_LIMIT_EXCEEDED`). */
    maxOuDepth: 5,
    maxOus: 2000,
    maxOuNameLength: 128,
    maxPolicyNameLength: 128,
    maxPolicyDescriptionLength: 512,
    maxTagsPerResource: 50,
    maxTagKeyLength: 128,
    maxTagValueLength: 256,
    /** Default account quota; adjustable in Service Quotas. */
    defaultMaxAccounts: 10,
    /** The most AWS raises the account quota to on request (Service Quotas, us-east-1). */
    maxAccountsQuotaCeiling: 50_000,
    /** Service Quotas code of "Default maximum number of accounts" (service code `organizations`). */
    accountQuotaCode: 'L-29A0C5DF',
    maxConcurrentCreateAccount: 5,
    maxConcurrentCloseAccount: 3,
    /** CloseAccount per rolling 30 days: max(250, 20% of members), capped at 1,000. */
    closeAccountQuota: (memberAccounts: number): number =>
      Math.min(1000, Math.max(250, Math.floor(memberAccounts * 0.2))),
  },
  account: {
    nameMaxLength: 50,
    namePattern: /^[\u0020-\u007E]+$/,
    emailMinLength: 6,
    emailMaxLength: 64,
    // 7-bit printable ASCII; one '@'; local part without whitespace or "'()<>[]:;,\|%& and no
    // leading dot; domain of [a-zA-Z0-9.-] with at least one dot and no leading/trailing '-' or '.'.
    emailPattern:
      /^(?!\.)(?:(?![\s"'()<>[\]:;,\\|%&@])[\u0021-\u007e])+@(?![-.])[a-zA-Z0-9.-]*[a-zA-Z0-9]\.[a-zA-Z0-9.-]*[a-zA-Z0-9]$/,
    idPattern: /^\d{12}$/,
  },
  identityCenter: {
    permissionSetNameMaxLength: 32,
    permissionSetNamePattern: /^[\w+=,.@-]+$/,
    permissionSetDescriptionMaxLength: 700,
    minSessionHours: 1,
    maxSessionHours: 12,
    relayStateMaxLength: 240,
    inlinePolicyMaxBytes: 32_768,
    inlinePolicyMaxNonWhitespaceBytes: 10_240,
    /** AWS-managed plus customer-managed policies per permission set (20 before 2026). */
    maxManagedPolicies: 25,
    /** IAM's default managed policies per role in each target account; raise it there to go higher. */
    iamDefaultManagedPoliciesPerRole: 10,
    maxPermissionSets: 3500,
    maxProvisionedPermissionSetsPerAccount: 500,
    maxOutstandingAssignmentOperations: 15,
    maxConcurrentProvisioning: 3,
    maxTagsPerRequest: 75,
  },
} as const;
