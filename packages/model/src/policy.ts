import { FULL_AWS_ACCESS } from './aws-managed-policies.ts';
import { canonicalJson } from './canonical-json.ts';
import type { ResourceControlPolicyDocument, ServiceControlPolicyDocument } from './policy-document.ts';
import { captureSite, type Site } from './site.ts';
import type { Tags } from './tags.ts';

/**
 * Organization policy types. Known types are listed for completion; the set is open because AWS
 * keeps adding types (Security Hub, Inspector, Bedrock, S3 … policies arrived in 2025).
 */
export type PolicyType =
  | 'SERVICE_CONTROL_POLICY'
  | 'RESOURCE_CONTROL_POLICY'
  | 'TAG_POLICY'
  | 'BACKUP_POLICY'
  | 'AISERVICES_OPT_OUT_POLICY'
  | 'CHATBOT_POLICY'
  | 'DECLARATIVE_POLICY_EC2'
  | 'SECURITYHUB_POLICY'
  | 'INSPECTOR_POLICY'
  | 'UPGRADE_ROLLOUT_POLICY'
  | 'BEDROCK_POLICY'
  | 'S3_POLICY'
  | 'NETWORK_SECURITY_DIRECTOR_POLICY'
  | (string & {});

export const SCP: PolicyType = 'SERVICE_CONTROL_POLICY';
export const RCP: PolicyType = 'RESOURCE_CONTROL_POLICY';

/** Short labels used in plans and errors. */
export const POLICY_TYPE_LABELS: Readonly<Record<string, string>> = {
  SERVICE_CONTROL_POLICY: 'SCP',
  RESOURCE_CONTROL_POLICY: 'RCP',
  TAG_POLICY: 'tag policy',
  BACKUP_POLICY: 'backup policy',
  AISERVICES_OPT_OUT_POLICY: 'AI opt-out policy',
  CHATBOT_POLICY: 'chat applications policy',
  DECLARATIVE_POLICY_EC2: 'declarative policy (EC2)',
  SECURITYHUB_POLICY: 'Security Hub policy',
};

export function policyTypeLabel(type: string): string {
  return POLICY_TYPE_LABELS[type] ?? type;
}

/** An organization policy of any type, managed by orgops (or an AWS-managed one referenced by id). */
export interface OrganizationPolicy {
  readonly kind: 'policy';
  readonly type: PolicyType;
  /** Natural key together with `type`. 1–128 characters. */
  readonly name: string;
  readonly description?: string;
  /** The policy document as data. Sent minified; its minified length is checked against the limits table. */
  readonly content: unknown;
  readonly tags?: Tags;
  /** Set when the policy used to have another name, so the plan renames it in place. */
  readonly renamedFrom?: string;
  /** AWS-managed policies (FullAWSAccess) are referenced, never created or changed. */
  readonly awsManaged?: { readonly id: string };
  readonly site?: Site;
}

export interface PolicyOptions<C> {
  readonly name: string;
  readonly description?: string;
  readonly content: C;
  readonly tags?: Tags;
  readonly renamedFrom?: string;
}

/**
 * A policy of any type. Prefer {@link serviceControlPolicy} and {@link resourceControlPolicy},
 * which type the document.
 *
 * @example
 * policy('TAG_POLICY', { name: 'cost-center', content: { tags: { CostCenter: { tag_key: { '@@assign': 'CostCenter' } } } } })
 */
export function policy<C>(type: PolicyType, options: PolicyOptions<C>): OrganizationPolicy {
  return { kind: 'policy', type, ...options, site: captureSite() };
}

/**
 * A service control policy: the maximum permissions for IAM users and roles in member accounts.
 *
 * @example
 * serviceControlPolicy({
 *   name: 'deny-leave-organization',
 *   content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] },
 * })
 */
export function serviceControlPolicy(
  options: PolicyOptions<ServiceControlPolicyDocument>,
): OrganizationPolicy {
  return { kind: 'policy', type: SCP, ...options, site: captureSite() };
}

/** A resource control policy: the maximum permissions on resources in member accounts (deny-only). */
export function resourceControlPolicy(
  options: PolicyOptions<ResourceControlPolicyDocument>,
): OrganizationPolicy {
  return { kind: 'policy', type: RCP, ...options, site: captureSite() };
}

/** AWS's own FullAWSAccess SCP, attached to every new root, OU and account. */
export const FullAWSAccess: OrganizationPolicy = {
  kind: 'policy',
  type: SCP,
  name: FULL_AWS_ACCESS.name,
  description: 'Allows access to every operation',
  content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  awsManaged: { id: FULL_AWS_ACCESS.id },
};

/** The minified text orgops sends to AWS and measures against the size limits. */
export function minifiedContent(content: unknown): string {
  return typeof content === 'string' ? minifyText(content) : canonicalJson(content);
}

function minifyText(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}
