import { closest } from '../closest.ts';
import { documentPath, type GrammarProblem, quoteValue } from './problem.ts';
import { readJson } from './read-json.ts';

type At = readonly (string | number)[];

/**
 * The fixed top-level key of each management policy type (Organizations UG, "<type> policy syntax").
 * Types not listed here (newer ones) get the generic checks only.
 */
export const MANAGEMENT_ROOT_KEY: Readonly<Record<string, string>> = {
  TAG_POLICY: 'tags',
  BACKUP_POLICY: 'plans',
  AISERVICES_OPT_OUT_POLICY: 'services',
  CHATBOT_POLICY: 'chatbot',
  DECLARATIVE_POLICY_EC2: 'ec2_attributes',
  SECURITYHUB_POLICY: 'securityhub',
};

/** Inheritance operators (Organizations UG "Inheritance operators"). */
const VALUE_OPERATORS = ['@@assign', '@@append', '@@remove'] as const;
const CHILD_CONTROL = '@@operators_allowed_for_child_policies';
const OPERATORS: readonly string[] = [...VALUE_OPERATORS, CHILD_CONTROL];
const CHILD_CONTROL_VALUES = ['@@all', '@@assign', '@@append', '@@remove', '@@none'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const problem = (at: At, message: string, value: unknown, fix: string): GrammarProblem => ({
  rule: 'management-policy-document',
  at,
  message,
  value,
  fix,
  awsRejects: true,
});

/**
 * Checks a management policy (tag, backup, AI opt-out, chat, declarative, Security Hub …). These
 * are not IAM documents: a fixed top-level key, then nested settings whose values are set through
 * inheritance operators (`{ "@@assign": … }`), never written bare.
 */
export function managementDocumentProblems(type: string, content: unknown): GrammarProblem[] {
  const read = readJson(content);
  if (!read.ok) {
    return [
      problem(
        [],
        `is a string that is not valid JSON (${read.error})`,
        content,
        'Write the content as an object, e.g. { tags: { … } } for a tag policy.',
      ),
    ];
  }
  const doc = read.value;
  const rootKey = MANAGEMENT_ROOT_KEY[type];
  const skeleton = rootKey ? `{ ${rootKey}: { … } }` : '{ <service key>: { … } }';
  if (!isRecord(doc)) {
    return [
      problem([], `is ${quoteValue(doc, 40)}, not a JSON object`, doc, `Write the content as ${skeleton}.`),
    ];
  }
  const out: GrammarProblem[] = read.duplicateKeys.map((d) =>
    problem(
      [...d.at, d.key],
      `has the key ${quoteValue(d.key)} twice${d.at.length ? ` in ${documentPath(d.at)}` : ''}; AWS rejects duplicate keys.`,
      d.key,
      `Merge the two ${quoteValue(d.key)} entries into one.`,
    ),
  );
  if (rootKey) {
    for (const key of Object.keys(doc)) {
      if (key === rootKey) continue;
      const guess = closest(key, [rootKey]);
      out.push(
        problem(
          [key],
          `has the top-level key ${quoteValue(key)}; a ${type} document has exactly one top-level key, "${rootKey}"${guess ? `; did you mean ${guess}?` : '.'}`,
          key,
          guess ? `Rename ${quoteValue(key)} to "${rootKey}".` : `Move the settings under "${rootKey}".`,
        ),
      );
    }
    if (doc[rootKey] === undefined && !Object.keys(doc).some((k) => closest(k, [rootKey]))) {
      out.push(
        problem(
          [],
          `has no "${rootKey}" key, which every ${type} document starts with.`,
          doc,
          `Write the content as ${skeleton}.`,
        ),
      );
    }
  }
  if (Object.keys(doc).length === 0 && !rootKey) {
    out.push(problem([], 'is an empty object.', doc, `Write the content as ${skeleton}.`));
  }
  for (const [key, value] of Object.entries(doc)) {
    out.push(
      ...(key.startsWith('@@') ? operatorProblems(key, value, [key]) : nodeProblems(key, value, [key])),
    );
  }
  if (type === 'AISERVICES_OPT_OUT_POLICY' && isRecord(doc.services))
    out.push(...aiOptOutProblems(doc.services));
  if (type === 'TAG_POLICY' && isRecord(doc.tags)) out.push(...tagPolicyProblems(doc.tags));
  return out;
}

/** One setting: an object of child settings and operators. */
function nodeProblems(key: string, value: unknown, at: At): GrammarProblem[] {
  if (!isRecord(value)) {
    return [
      problem(
        at,
        `sets ${documentPath(at)} to ${quoteValue(value)} directly; management policies set values through an inheritance operator (that bare form is how an effective policy is displayed, not how one is written).`,
        value,
        `Write "${key}": { "@@assign": ${quoteValue(value)} }.`,
      ),
    ];
  }
  const out: GrammarProblem[] = [];
  for (const [child, childValue] of Object.entries(value)) {
    const childAt = [...at, child];
    if (child.startsWith('@@')) {
      out.push(...operatorProblems(child, childValue, childAt));
    } else {
      out.push(...nodeProblems(child, childValue, childAt));
    }
  }
  return out;
}

function operatorProblems(operator: string, value: unknown, at: At): GrammarProblem[] {
  if (!OPERATORS.includes(operator)) {
    const guess = closest(operator, OPERATORS);
    return [
      problem(
        at,
        `uses ${quoteValue(operator)} in ${documentPath(at.slice(0, -1))}, which is not an inheritance operator${guess ? `; did you mean ${guess}?` : ` (${OPERATORS.join(', ')})`}`,
        operator,
        guess ? `Rename ${quoteValue(operator)} to "${guess}".` : `Use one of ${OPERATORS.join(', ')}.`,
      ),
    ];
  }
  if (operator === CHILD_CONTROL) {
    const list = Array.isArray(value) ? value : undefined;
    const bad = (list ?? []).filter((v) => typeof v !== 'string' || !CHILD_CONTROL_VALUES.includes(v));
    if (list && list.length > 0 && bad.length === 0) return [];
    return [
      problem(
        at,
        `sets ${documentPath(at)} to ${quoteValue(value)}; it takes a list drawn from ${CHILD_CONTROL_VALUES.join(', ')}.`,
        value,
        `Write "${CHILD_CONTROL}": ["@@none"] to lock the value, or ["@@assign"] to allow only overrides.`,
      ),
    ];
  }
  if ((operator === '@@append' || operator === '@@remove') && !Array.isArray(value)) {
    return [
      problem(
        at,
        `uses ${operator} with ${quoteValue(value)} in ${documentPath(at.slice(0, -1))}; ${operator} works on lists only.`,
        value,
        `Give ${operator} a list, e.g. [${quoteValue(value)}], or use @@assign for a single value.`,
      ),
    ];
  }
  if (value === null || value === undefined) {
    return [
      problem(
        at,
        `sets ${documentPath(at)} to null.`,
        value,
        `Give ${operator} a value, or remove the setting.`,
      ),
    ];
  }
  return [];
}

/** AI services opt-out: `opt_out_policy` with `@@assign` "optOut" or "optIn" (Organizations UG). */
function aiOptOutProblems(services: Record<string, unknown>): GrammarProblem[] {
  const out: GrammarProblem[] = [];
  for (const [service, node] of Object.entries(services)) {
    if (service.startsWith('@@') || !isRecord(node)) continue;
    const at = ['services', service];
    for (const key of Object.keys(node)) {
      if (key === 'opt_out_policy' || key === CHILD_CONTROL) continue;
      out.push(
        problem(
          [...at, key],
          `has ${quoteValue(key)} under ${documentPath(at)}; the only setting of a service is opt_out_policy.`,
          key,
          `Remove ${quoteValue(key)} or rename it to "opt_out_policy".`,
        ),
      );
    }
    const policy = node.opt_out_policy;
    if (!isRecord(policy)) continue;
    for (const [op, value] of Object.entries(policy)) {
      if (op === CHILD_CONTROL) continue;
      if (op !== '@@assign') {
        out.push(
          problem(
            [...at, 'opt_out_policy', op],
            `uses ${quoteValue(op)} in ${documentPath([...at, 'opt_out_policy'])}; AI services opt-out policies take only @@assign.`,
            op,
            'Use "@@assign": "optOut" (or "optIn").',
          ),
        );
      } else if (value !== 'optOut' && value !== 'optIn') {
        const guess = typeof value === 'string' ? closest(value, ['optOut', 'optIn']) : undefined;
        out.push(
          problem(
            [...at, 'opt_out_policy', op],
            `sets ${documentPath([...at, 'opt_out_policy'])} to ${quoteValue(value)}; the value is "optOut" or "optIn"${guess ? `; did you mean "${guess}"?` : ' (case-sensitive).'}`,
            value,
            `Write "@@assign": "${guess ?? 'optOut'}".`,
          ),
        );
      }
    }
  }
  return out;
}

/** Tag policies: `tag_key` names the policy key with the capitalization resources must use. */
function tagPolicyProblems(tags: Record<string, unknown>): GrammarProblem[] {
  const out: GrammarProblem[] = [];
  for (const [policyKey, node] of Object.entries(tags)) {
    if (policyKey.startsWith('@@') || !isRecord(node) || !isRecord(node.tag_key)) continue;
    const assigned = node.tag_key['@@assign'];
    if (assigned === undefined) continue;
    if (typeof assigned !== 'string' || assigned.toLowerCase() !== policyKey.toLowerCase()) {
      out.push(
        problem(
          ['tags', policyKey, 'tag_key', '@@assign'],
          `sets ${documentPath(['tags', policyKey, 'tag_key'])} to ${quoteValue(assigned)}; a tag key must match its policy key ${quoteValue(policyKey)} apart from capitalization.`,
          assigned,
          `Write "tag_key": { "@@assign": ${quoteValue(policyKey)} } (capitalized as resources must use it), or rename the policy key.`,
        ),
      );
    }
  }
  return out;
}
