import type { AnyStatement } from '../policy-document.ts';
import { describe } from './describe.ts';
import { PATTERNS } from './patterns.ts';

export type ParsedDocument =
  | { readonly ok: true; readonly statements: readonly AnyStatement[] }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads a policy's content as an IAM policy document (object or JSON text). Structural problems
 * are described, not thrown, so the `policy-document` rule can report them and statement-level
 * rules can skip documents they cannot read.
 */
export function parsePolicyDocument(content: unknown): ParsedDocument {
  let doc = content;
  if (typeof content === 'string') {
    try {
      doc = JSON.parse(content);
    } catch {
      return { ok: false, problem: 'the content is a string that is not valid JSON' };
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, problem: `the content is ${describe(doc)}, not a JSON object` };
  }
  const record = doc as Record<string, unknown>;
  if (record.Version !== PATTERNS.policyVersion) {
    return {
      ok: false,
      problem:
        record.Version === undefined
          ? 'the document has no Version'
          : `Version is ${JSON.stringify(record.Version)}, not "${PATTERNS.policyVersion}"`,
    };
  }
  const raw = record.Statement;
  if (raw === undefined) return { ok: false, problem: 'the document has no Statement' };
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) return { ok: false, problem: 'Statement is an empty list' };
  for (const [i, s] of list.entries()) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) {
      return { ok: false, problem: `Statement[${i}] is ${describe(s)}, not an object` };
    }
    const effect = (s as Record<string, unknown>).Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      return {
        ok: false,
        problem: `Statement[${i}].Effect is ${JSON.stringify(effect) ?? 'missing'}, not "Allow" or "Deny"`,
      };
    }
  }
  return { ok: true, statements: list as AnyStatement[] };
}

export function statementLabel(s: AnyStatement, index: number): string {
  return s.Sid ? `Statement[${index}] (Sid ${s.Sid})` : `Statement[${index}]`;
}
