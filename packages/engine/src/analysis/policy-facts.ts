import {
  type AnyStatement,
  asArray,
  canonicalJson,
  FULL_AWS_ACCESS,
  policyTypeLabel,
  RCP_FULL_AWS_ACCESS,
} from '@orgops/model';
import { describeStatementGroup } from './policy-words.ts';
import { editWords, statementChanges, statementEdit } from './statement-changes.ts';

/** AWS's default allow-everything SCP and RCP: detaching them is a different risk from a guardrail. */
export const FULL_ACCESS_POLICY_NAMES: ReadonlySet<string> = new Set([
  FULL_AWS_ACCESS.name,
  RCP_FULL_AWS_ACCESS.name,
]);

export const GUARDRAIL_POLICY_TYPES: ReadonlySet<string> = new Set([
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
]);

/** Statements of an IAM-grammar document; `undefined` when the text is not such a document. */
export function statementsOfText(content: string | undefined): readonly AnyStatement[] | undefined {
  if (!content) return undefined;
  try {
    const doc = JSON.parse(content) as { Statement?: unknown };
    if (doc === null || typeof doc !== 'object' || doc.Statement === undefined) return undefined;
    return asArray(doc.Statement as AnyStatement | readonly AnyStatement[]).filter(
      (s) => s !== null && typeof s === 'object',
    );
  } catch {
    return undefined;
  }
}

/** An Allow of every action on every resource, i.e. administrator access. */
export function isAllowEverything(statement: AnyStatement): boolean {
  return (
    statement.Effect === 'Allow' &&
    statement.Condition === undefined &&
    asArray(statement.Action).includes('*') &&
    asArray(statement.Resource).includes('*')
  );
}

export function denyCount(content: string | undefined): number {
  return (statementsOfText(content) ?? []).filter((s) => s.Effect === 'Deny').length;
}

/** Statements added and removed between two documents, compared canonically. */
export function statementDiff(
  before: string | undefined,
  after: string | undefined,
): { readonly added: readonly AnyStatement[]; readonly removed: readonly AnyStatement[] } {
  const b = statementsOfText(before) ?? [];
  const a = statementsOfText(after) ?? [];
  const remaining = b.map((s) => canonicalJson(s));
  const added: AnyStatement[] = [];
  for (const s of a) {
    const i = remaining.indexOf(canonicalJson(s));
    if (i >= 0) remaining.splice(i, 1);
    else added.push(s);
  }
  const kept = a.map((s) => canonicalJson(s));
  const removed = b.filter((s) => {
    const i = kept.indexOf(canonicalJson(s));
    if (i >= 0) {
      kept.splice(i, 1);
      return false;
    }
    return true;
  });
  return { added, removed };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A one-line summary of an organization policy for the guardrail table, e.g.
 * "SCP, 2 statements: Deny organizations:LeaveOrganization, cloudtrail:StopLogging".
 */
export function summarizePolicy(type: string, name: string, content: string | undefined): string {
  const label = policyTypeLabel(type);
  if (FULL_ACCESS_POLICY_NAMES.has(name)) return `${label}, AWS default: allows every action`;
  const statements = statementsOfText(content);
  if (statements) {
    const parts: string[] = [];
    const deny = statements.filter((s) => s.Effect === 'Deny');
    const allow = statements.filter((s) => s.Effect === 'Allow');
    if (deny.length > 0) parts.push(describeStatementGroup('Deny', deny));
    if (allow.length > 0) parts.push(describeStatementGroup('Allow', allow));
    return `${label}, ${plural(statements.length, 'statement')}${parts.length ? `: ${parts.join('; ')}` : ''}`;
  }
  if (content) {
    try {
      const doc = JSON.parse(content) as unknown;
      if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
        const keys = Object.entries(doc as Record<string, unknown>).map(([key, value]) =>
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? `${key} (${Object.keys(value).slice(0, 5).join(', ')})`
            : key,
        );
        return `${label}: ${keys.join(', ')}`;
      }
    } catch {
      // Not JSON: fall through to the bare label.
    }
  }
  return label;
}

/**
 * How a policy document changed, statement by statement: `ProtectTrail: exempt + arn:…`,
 * `+1 statement (Deny ec2:*)`, `-2 statements (Deny s3:*)`. Edited statements are named with what
 * changed in them, so two summaries of a widened exemption never read the same.
 */
export function summarizeContentChange(before: string | undefined, after: string | undefined): string {
  const b = statementsOfText(before);
  const a = statementsOfText(after);
  if (b === undefined && a === undefined) return 'content changed';
  const { changed, added, removed } = statementChanges(b ?? [], a ?? []);
  if (changed.length === 0 && added.length === 0 && removed.length === 0) return 'content reformatted';
  const describe = (list: readonly AnyStatement[]): string => {
    const deny = list.filter((s) => s.Effect === 'Deny');
    const allow = list.filter((s) => s.Effect !== 'Deny');
    return [
      deny.length ? describeStatementGroup('Deny', deny) : '',
      allow.length ? describeStatementGroup('Allow', allow) : '',
    ]
      .filter(Boolean)
      .join('; ');
  };
  const parts: string[] = changed.map((pair) => `${pair.label}: ${editWords(statementEdit(pair))}`);
  if (added.length) parts.push(`+${plural(added.length, 'statement')} (${describe(added)})`);
  if (removed.length) parts.push(`-${plural(removed.length, 'statement')} (${describe(removed)})`);
  return parts.join(', ');
}
