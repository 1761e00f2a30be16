import type { IamGrammar, PolicyGrammar } from './grammar.ts';
import { iamDocumentProblems } from './iam-document.ts';
import { managementDocumentProblems } from './management.ts';
import type { GrammarProblem } from './problem.ts';

export * from './condition-operators.ts';
export * from './grammar.ts';
export { MANAGEMENT_ROOT_KEY } from './management.ts';
export { documentPath, type GrammarProblem, type GrammarRuleCode, quoteValue } from './problem.ts';

/**
 * Every grammar problem of a policy document, for validation (which reports each under its rule)
 * and for the sandbox (which refuses a document with any problem AWS rejects). `policyType` picks
 * the management policy's top-level key; it is ignored for IAM grammars.
 *
 * @example
 * policyGrammarProblems({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Actions: 'kms:*', Resource: '*' }] }, 'service-control')
 * // [{ rule: 'policy-statement-element', at: ['Statement', 0, 'Actions'], message: '… did you mean Action?', … }]
 */
export function policyGrammarProblems(
  content: unknown,
  grammar: PolicyGrammar,
  policyType = '',
): GrammarProblem[] {
  return grammar === 'management'
    ? managementDocumentProblems(policyType, content)
    : iamDocumentProblems(content, grammar satisfies IamGrammar);
}

/** The problems AWS itself refuses the document for (MalformedPolicyDocumentException and the like). */
export function policyRejections(
  content: unknown,
  grammar: PolicyGrammar,
  policyType = '',
): GrammarProblem[] {
  return policyGrammarProblems(content, grammar, policyType).filter((p) => p.awsRejects);
}
