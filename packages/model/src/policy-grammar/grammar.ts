/**
 * Which policy language a document is written in. SCPs, RCPs and permission set inline policies
 * are IAM policy documents with different element sets; every other organization policy type (tag,
 * backup, AI opt-out, chat, declarative, Security Hub … policies) uses the management policy
 * syntax of nested keys and `@@` inheritance operators, which is not IAM at all.
 */
export type PolicyGrammar = 'service-control' | 'resource-control' | 'identity' | 'management';

export function grammarOfPolicyType(type: string): PolicyGrammar {
  if (type === 'SERVICE_CONTROL_POLICY') return 'service-control';
  if (type === 'RESOURCE_CONTROL_POLICY') return 'resource-control';
  return 'management';
}

export type IamGrammar = Exclude<PolicyGrammar, 'management'>;

/** For messages: "SCP statements", "RCP statements", "identity policy statements". */
export const GRAMMAR_NOUN: Readonly<Record<IamGrammar, string>> = {
  'service-control': 'SCP',
  'resource-control': 'RCP',
  identity: 'identity policy',
};

/**
 * Statement elements each grammar accepts (Organizations UG "SCP syntax" and "RCP syntax"; IAM UG
 * "Grammar of the IAM JSON policy language"). SCPs take the full IAM element set except
 * Principal/NotPrincipal since 2025-09-19; RCPs add Principal and drop NotAction.
 */
export const STATEMENT_ELEMENTS: Readonly<Record<IamGrammar, readonly string[]>> = {
  'service-control': ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  'resource-control': ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'NotResource', 'Condition'],
  identity: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
};

/** Elements of the IAM language that a grammar leaves out, and which rule explains why. */
export const EXCLUDED_ELEMENTS: Readonly<Record<IamGrammar, readonly string[]>> = {
  'service-control': ['Principal', 'NotPrincipal'],
  'resource-control': ['NotAction', 'NotPrincipal'],
  identity: ['Principal', 'NotPrincipal'],
};

export const POLICY_VERSION = '2012-10-17';
/** IAM identity policies also accept the old language version (policy variables are plain text there). */
export const LEGACY_POLICY_VERSION = '2008-10-17';
