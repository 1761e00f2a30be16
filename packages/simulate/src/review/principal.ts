import type { GrantFields } from '@orgops/engine';
import { canonicalJson } from '@orgops/model';
import type { NamedPolicy } from '../resolve-principal.ts';
import { type ManagedDocuments, policyLabel } from './managed-documents.ts';

/** A permission set's policies as a simulation reads them, from the review context. */
export interface ReviewPrincipal {
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary: readonly NamedPolicy[];
  /**
   * Policies that could not be read and are left out: customer managed policies (their documents
   * live in accounts, not in config) and AWS managed policies the catalogue does not know. What
   * they grant is not in the result.
   */
  readonly unread: readonly string[];
  /** False when the permissions boundary cannot be read: without it any answer could be wrong. */
  readonly simulatable: boolean;
  /** Equal for two permission sets exactly when their policies are. */
  readonly signature: string;
}

export function reviewPrincipal(fields: GrantFields, docs: ManagedDocuments): ReviewPrincipal {
  const identityPolicies: NamedPolicy[] = [];
  const unread: string[] = [];
  for (const arn of fields.managedPolicies) {
    const doc = docs.get(arn);
    if (doc === undefined) unread.push(policyLabel(arn));
    else identityPolicies.push({ name: arn, policy: doc });
  }
  for (const c of fields.customerManagedPolicies) unread.push(`${c.path}${c.name} (customer managed)`);
  if (fields.inlinePolicy) {
    try {
      identityPolicies.push({ name: 'inline', policy: JSON.parse(fields.inlinePolicy) as unknown });
    } catch {
      unread.push('inline policy (not JSON)');
    }
  }
  const permissionsBoundary: NamedPolicy[] = [];
  let simulatable = true;
  const boundary = fields.permissionsBoundary;
  if (boundary) {
    const doc = 'managedPolicyArn' in boundary ? docs.get(boundary.managedPolicyArn) : undefined;
    if (doc === undefined) simulatable = false;
    else if ('managedPolicyArn' in boundary)
      permissionsBoundary.push({ name: boundary.managedPolicyArn, policy: doc });
  }
  return {
    identityPolicies,
    permissionsBoundary,
    unread,
    simulatable,
    signature: canonicalJson([identityPolicies, permissionsBoundary, simulatable]),
  };
}
