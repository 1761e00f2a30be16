/**
 * One thing wrong with a policy document, found by the grammar checks that validation and the
 * sandbox share. Messages are relative to the document ("Statement[0] has …"); the caller adds
 * which policy it is and where it is in the config.
 */
export interface GrammarProblem {
  /**
   * The validation rule that reports this problem. Every problem belongs to exactly one rule, so
   * the same mistake is never reported twice under two codes.
   */
  readonly rule: GrammarRuleCode;
  /** Where inside the document: `['Statement', 0, 'Actions']`. Empty for the document itself. */
  readonly at: readonly (string | number)[];
  readonly message: string;
  /** The offending value. */
  readonly value: unknown;
  readonly fix: string;
  /**
   * AWS refuses the document (MalformedPolicyDocumentException / ValidationException). `false`
   * for documents AWS stores but that cannot do what they say (a condition value that can never
   * match): orgops refuses those in validation, the sandbox accepts them as AWS does.
   */
  readonly awsRejects: boolean;
}

export type GrammarRuleCode =
  | 'policy-document'
  | 'policy-statement-element'
  | 'policy-statement-action'
  | 'policy-statement-resource'
  | 'policy-statement-sid'
  | 'policy-statement-condition'
  | 'policy-condition-value'
  | 'scp-principal'
  | 'rcp-principal'
  | 'rcp-deny-only'
  | 'rcp-not-action'
  | 'management-policy-document';

/** `Statement[0].Condition.StringEquals["aws:PrincipalArn"]`, or `` for the document itself. */
export function documentPath(at: readonly (string | number)[]): string {
  return at
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return i === 0 ? segment : `.${segment}`;
      return `[${inertJson(segment)}]`;
    })
    .join('');
}

/** The value as it may appear inside a message: JSON, with every control character escaped. */
export function quoteValue(value: unknown, max = 60): string {
  let text: string;
  try {
    text = inertJson(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * JSON text in which no character can steer a terminal or reorder a line: JSON.stringify escapes
 * the C0 controls; DEL, the C1 controls and the bidirectional overrides are escaped here.
 */
function inertJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
