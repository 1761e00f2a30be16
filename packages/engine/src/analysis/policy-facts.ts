import { type AnyStatement, asArray, canonicalJson, policyTypeLabel } from '@orgops/model';

/** AWS's default allow-everything SCP and RCP: detaching them is a different risk from a guardrail. */
export const FULL_ACCESS_POLICY_NAMES: ReadonlySet<string> = new Set(['FullAWSAccess', 'RCPFullAWSAccess']);

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

/** `Deny s3:DeleteBucket, cloudtrail:StopLogging +1 more` — what a statement list does, briefly. */
function describeStatements(effect: 'Allow' | 'Deny', statements: readonly AnyStatement[]): string {
  const phrases = statements.map(actionPhrase);
  const unique = [...new Set(phrases)];
  const shown = unique.slice(0, 2).join('; ');
  const more = unique.length > 2 ? `; +${unique.length - 2} more` : '';
  // A conditioned `Deny *` is a narrow guardrail, not a lockout: say what it depends on.
  const keys = [
    ...new Set(
      statements.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block))),
    ),
  ];
  const when = keys.length ? ` when ${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ' …' : ''}` : '';
  return `${effect} ${shown || '(no actions)'}${more}${when}`;
}

/**
 * What one statement's actions read as. Validation refuses empty lists and statements without
 * Action/NotAction, but a summary also describes what was read back from the organization, so it
 * never assumes the list it names is there.
 */
function actionPhrase(s: AnyStatement): string {
  if (s.Action !== undefined) {
    const actions = asArray(s.Action);
    return actions.length > 0 ? listBriefly(actions) : '(no actions)';
  }
  if (s.NotAction !== undefined) {
    const exempt = asArray(s.NotAction);
    // NotAction statements (region allow-lists) read as "everything except …".
    return exempt.length > 0 ? `everything except ${listBriefly(exempt)}` : 'every action';
  }
  return '(no Action)';
}

function listBriefly(actions: readonly string[]): string {
  const unique = [...new Set(actions)];
  return `${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ` +${unique.length - 3} more` : ''}`;
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
    if (deny.length > 0) parts.push(describeStatements('Deny', deny));
    if (allow.length > 0) parts.push(describeStatements('Allow', allow));
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

/** "+1 statement (Deny ec2:*), -2 statements (Deny s3:*)" — how a policy document changed. */
export function summarizeContentChange(before: string | undefined, after: string | undefined): string {
  if (statementsOfText(before) === undefined && statementsOfText(after) === undefined)
    return 'content changed';
  const { added, removed } = statementDiff(before, after);
  if (added.length === 0 && removed.length === 0) return 'content reformatted';
  const describe = (list: readonly AnyStatement[]): string => {
    const deny = list.filter((s) => s.Effect === 'Deny');
    const allow = list.filter((s) => s.Effect !== 'Deny');
    return [
      deny.length ? describeStatements('Deny', deny) : '',
      allow.length ? describeStatements('Allow', allow) : '',
    ]
      .filter(Boolean)
      .join('; ');
  };
  const parts: string[] = [];
  if (added.length) parts.push(`+${plural(added.length, 'statement')} (${describe(added)})`);
  if (removed.length) parts.push(`-${plural(removed.length, 'statement')} (${describe(removed)})`);
  return parts.join(', ');
}
