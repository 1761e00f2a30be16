import { misspells, type StatementInput } from './elements.ts';
import type { GrammarProblem, GrammarRuleCode } from './problem.ts';
import { quoteValue } from './problem.ts';

type At = readonly (string | number)[];

/** `service:ActionName`, wildcards anywhere in the name (SCPs too since 2025-09-19), or `*`. */
const ACTION = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9_*?-]+)$/;
/** `*`, or an ARN with its six fields (arn:partition:service:region:account:resource). */
const RESOURCE = /^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:.+)$/s;

interface ListSpec {
  readonly rule: GrammarRuleCode;
  readonly positive: 'Action' | 'Resource';
  readonly negative: 'NotAction' | 'NotResource';
  readonly format: RegExp;
  readonly formatText: string;
  readonly example: string;
}

const ACTIONS: ListSpec = {
  rule: 'policy-statement-action',
  positive: 'Action',
  negative: 'NotAction',
  format: ACTION,
  formatText: '"*" or "service:ActionName" (e.g. "s3:GetObject", "ec2:Describe*")',
  example: "Action: ['s3:GetObject']",
};

const RESOURCES: ListSpec = {
  rule: 'policy-statement-resource',
  positive: 'Resource',
  negative: 'NotResource',
  format: RESOURCE,
  formatText: '"*" or an ARN (arn:partition:service:region:account:resource)',
  example: "Resource: '*'",
};

/**
 * Action/NotAction and Resource/NotResource: exactly one of each pair, holding a string or a
 * non-empty list of well-formed strings. IAM rejects an empty list ("Policy statement must contain
 * actions / resources"), so a summary never has to describe "everything except nothing".
 */
export function listProblems(input: StatementInput): GrammarProblem[] {
  return [...pairProblems(input, ACTIONS), ...pairProblems(input, RESOURCES), ...sidProblems(input)];
}

function pairProblems({ statement, at, label, grammar }: StatementInput, spec: ListSpec): GrammarProblem[] {
  const { rule, positive, negative } = spec;
  // RCPs have no NotAction; rcp-not-action reports it, so it is not checked twice here.
  const negativeAllowed = !(grammar === 'resource-control' && negative === 'NotAction');
  const has = (k: string) => statement[k] !== undefined;
  const problem = (where: At, message: string, value: unknown, fix: string): GrammarProblem => ({
    rule,
    at: where,
    message,
    value,
    fix,
    awsRejects: true,
  });
  if (has(positive) && has(negative)) {
    if (!negativeAllowed)
      return listValueProblems(statement[positive], [...at, positive], label, spec, positive);
    return [
      problem(
        [...at, negative],
        `${label} has both ${positive} and ${negative}; a statement takes one of them.`,
        statement[negative],
        `Keep ${positive} (the ${positive === 'Action' ? 'actions' : 'resources'} it applies to) or ${negative} (everything except), not both.`,
      ),
    ];
  }
  if (!has(positive) && !has(negative)) {
    if (misspells(statement, grammar, [positive, negative])) return [];
    return [
      problem(
        [...at],
        `${label} has no ${positive}${negativeAllowed ? ` or ${negative}` : ''}; every statement needs one.`,
        statement,
        `Add ${spec.example}.`,
      ),
    ];
  }
  const element = has(positive) ? positive : negative;
  if (element === negative && !negativeAllowed) return [];
  return listValueProblems(statement[element], [...at, element], label, spec, element);
}

function listValueProblems(
  value: unknown,
  at: At,
  label: string,
  spec: ListSpec,
  element: string,
): GrammarProblem[] {
  const problem = (message: string, bad: unknown, fix: string): GrammarProblem => ({
    rule: spec.rule,
    at,
    message,
    value: bad,
    fix,
    awsRejects: true,
  });
  if (Array.isArray(value) && value.length === 0) {
    return [
      problem(
        `${label} has an empty ${element} list; AWS rejects a statement without ${spec.positive === 'Action' ? 'actions' : 'resources'}.`,
        value,
        `List at least one value, e.g. ${spec.example}, or remove the statement.`,
      ),
    ];
  }
  const items = Array.isArray(value) ? value : [value];
  const notStrings = items.filter((v) => typeof v !== 'string');
  if (notStrings.length > 0) {
    return [
      problem(
        `${label} ${element} contains ${notStrings.map((v) => quoteValue(v)).join(', ')}; ${element} takes a string or a list of strings.`,
        value,
        `Write each entry as ${spec.formatText}.`,
      ),
    ];
  }
  const malformed = (items as string[]).filter((v) => !spec.format.test(v));
  if (malformed.length === 0) return [];
  return [
    problem(
      `${label} ${element} has ${malformed.map((v) => quoteValue(v)).join(', ')}, which ${malformed.length === 1 ? 'is' : 'are'} not ${spec.formatText}.`,
      malformed.length === 1 ? malformed[0] : malformed,
      `Write each entry as ${spec.formatText}.`,
    ),
  ];
}

/**
 * Sid characters (IAM UG "Sid": A–Z, a–z, 0–9); uniqueness is checked per document. IAM refuses
 * other characters in identity policies; the Organizations guide only points at the IAM element,
 * so for SCPs and RCPs orgops refuses them in validation while the sandbox stores them.
 */
function sidProblems({ statement, at, label, grammar }: StatementInput): GrammarProblem[] {
  const sid = statement.Sid;
  if (sid === undefined) return [];
  const problem = (message: string, fix: string): GrammarProblem => ({
    rule: 'policy-statement-sid',
    at: [...at, 'Sid'],
    message,
    value: sid,
    fix,
    awsRejects: grammar === 'identity',
  });
  if (typeof sid !== 'string') {
    return [
      problem(
        `${label} has Sid ${quoteValue(sid)}; a Sid is a string.`,
        `Write the Sid as a string of letters and digits, e.g. "${String(sid).replace(/[^A-Za-z0-9]/g, '') || 'DenyAll'}".`,
      ),
    ];
  }
  const bad = [...new Set(sid.replace(/[A-Za-z0-9]/g, ''))];
  if (bad.length === 0) return [];
  const suggestion =
    sid.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase()) ||
    'Statement1';
  return [
    problem(
      `Sid ${quoteValue(sid)} of ${label.replace(/ \(Sid .*\)$/, '')} contains ${bad.map((ch) => quoteValue(ch)).join(', ')}; a Sid takes only the letters A–Z, a–z and the digits 0–9.`,
      `Rename the Sid to "${suggestion}".`,
    ),
  ];
}
