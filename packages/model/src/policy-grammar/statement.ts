import { closest } from '../closest.ts';
import { conditionProblems } from './condition.ts';
import { misspells, type StatementInput, unknownKeys } from './elements.ts';
import { GRAMMAR_NOUN, STATEMENT_ELEMENTS } from './grammar.ts';
import { documentPath, type GrammarProblem, type GrammarRuleCode, quoteValue } from './problem.ts';
import { listProblems } from './statement-lists.ts';

type At = readonly (string | number)[];

const problem = (
  rule: GrammarRuleCode,
  at: At,
  message: string,
  value: unknown,
  fix: string,
  awsRejects = true,
): GrammarProblem => ({ rule, at, message, value, fix, awsRejects });

/** Every grammar problem of one statement, each tagged with the rule that reports it. */
export function statementProblems(input: StatementInput): GrammarProblem[] {
  return [
    ...elementProblems(input),
    ...effectProblems(input),
    ...listProblems(input),
    ...principalProblems(input),
    ...(input.statement.Condition !== undefined
      ? conditionProblems(input.statement.Condition, [...input.at, 'Condition'], input.label)
      : []),
  ];
}

function elementProblems({ statement, at, label, grammar }: StatementInput): GrammarProblem[] {
  const noun = GRAMMAR_NOUN[grammar];
  const allowed = STATEMENT_ELEMENTS[grammar];
  const out: GrammarProblem[] = [];
  for (const key of unknownKeys(statement, grammar)) {
    const guess = closest(key, allowed);
    out.push(
      problem(
        'policy-statement-element',
        [...at, key],
        `${label} has ${quoteValue(key)}, which is not an element of ${noun} statements${guess ? `; did you mean ${guess}?` : ` (${allowed.join(', ')}).`}`,
        statement[key],
        guess
          ? `Rename ${quoteValue(key)} to "${guess}".`
          : `Remove ${quoteValue(key)}; ${noun} statements take ${allowed.join(', ')}.`,
      ),
    );
  }
  if (grammar === 'identity') {
    for (const element of ['Principal', 'NotPrincipal'] as const) {
      if (statement[element] === undefined) continue;
      out.push(
        problem(
          'policy-statement-element',
          [...at, element],
          `${label} uses ${element}, which identity policies do not take: a permission set's policy applies to the role it becomes in each account.`,
          statement[element],
          `Remove ${element}; to limit who may use the access, assign the permission set to fewer groups or add a Condition such as { StringEquals: { 'aws:PrincipalTag/team': 'payments' } }.`,
        ),
      );
    }
  }
  return out;
}

function effectProblems({ statement, at, label, grammar }: StatementInput): GrammarProblem[] {
  const effect = statement.Effect;
  if (effect === 'Deny') return [];
  if (effect === 'Allow') {
    if (grammar !== 'resource-control') return [];
    return [
      problem(
        'rcp-deny-only',
        [...at, 'Effect'],
        `${label} has Effect "Allow"; resource control policies are deny-only.`,
        effect,
        'Rewrite the statement as a Deny with a Condition that exempts what should stay allowed (RCPFullAWSAccess already allows everything), or move the grant into an identity or resource policy.',
      ),
    ];
  }
  if (effect === undefined && misspells(statement, grammar, ['Effect'])) return [];
  const guess = typeof effect === 'string' ? closest(effect, ['Allow', 'Deny']) : undefined;
  const where = documentPath([...at, 'Effect']);
  return [
    problem(
      'policy-document',
      [...at, 'Effect'],
      effect === undefined
        ? `${where} is missing; every statement needs Effect "Allow" or "Deny"`
        : `${where} is ${quoteValue(effect)}, not "Allow" or "Deny"${guess ? `; did you mean "${guess}"?` : ''}`,
      effect,
      guess ? `Write Effect: '${guess}' (the value is case-sensitive).` : "Add Effect: 'Deny' (or 'Allow').",
    ),
  ];
}

function principalProblems({ statement, at, label, grammar }: StatementInput): GrammarProblem[] {
  if (grammar === 'service-control') {
    return (['Principal', 'NotPrincipal'] as const)
      .filter((element) => statement[element] !== undefined)
      .map((element) =>
        problem(
          'scp-principal',
          [...at, element],
          `${label} uses ${element}, which SCPs do not support; an SCP applies to every IAM principal in the accounts it is attached to.`,
          statement[element],
          `Remove ${element} and express the exception as a Condition, e.g. Condition: { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/BreakGlass'] } }.`,
        ),
      );
  }
  if (grammar !== 'resource-control') return [];
  const out: GrammarProblem[] = [];
  const principal = statement.Principal;
  if (principal === undefined) {
    if (!misspells(statement, grammar, ['Principal'])) {
      out.push(
        problem(
          'rcp-principal',
          [...at],
          `${label} has no Principal; RCP statements name their principal, and the only value RCPs take is "*".`,
          statement,
          `Add Principal: '*' and narrow who is denied with a Condition, e.g. { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-…' } }.`,
        ),
      );
    }
  } else if (principal !== '*') {
    out.push(
      problem(
        'rcp-principal',
        [...at, 'Principal'],
        `${label} has Principal ${quoteValue(principal)}; RCPs only take Principal "*" (every caller).`,
        principal,
        `Write Principal: '*' and move the principal test into a Condition, e.g. { ArnNotLike: { 'aws:PrincipalArn': [...] } } or { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-…' } }.`,
      ),
    );
  }
  if (statement.NotPrincipal !== undefined) {
    out.push(
      problem(
        'rcp-principal',
        [...at, 'NotPrincipal'],
        `${label} uses NotPrincipal, which resource control policies do not support.`,
        statement.NotPrincipal,
        `Use Principal: '*' with a Condition that exempts the principals, e.g. { ArnNotLike: { 'aws:PrincipalArn': [...] } }.`,
      ),
    );
  }
  if (statement.NotAction !== undefined) {
    out.push(
      problem(
        'rcp-not-action',
        [...at, 'NotAction'],
        `${label} uses NotAction, which resource control policies do not support.`,
        statement.NotAction,
        'List the denied actions explicitly in Action (service wildcards such as "s3:*" are allowed).',
      ),
    );
  }
  return out;
}

export type { StatementInput } from './elements.ts';
