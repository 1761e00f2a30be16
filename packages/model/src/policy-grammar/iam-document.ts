import { closest } from '../closest.ts';
import { GRAMMAR_NOUN, type IamGrammar, LEGACY_POLICY_VERSION, POLICY_VERSION } from './grammar.ts';
import { documentPath, type GrammarProblem, quoteValue } from './problem.ts';
import { readJson } from './read-json.ts';
import { statementProblems } from './statement.ts';

type At = readonly (string | number)[];

const TOP_LEVEL = ['Version', 'Statement'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const documentProblem = (
  at: At,
  message: string,
  value: unknown,
  fix: string,
  awsRejects = true,
): GrammarProblem => ({
  rule: 'policy-document',
  at,
  message,
  value,
  fix,
  awsRejects,
});

const SKELETON = `{ Version: '${POLICY_VERSION}', Statement: [{ Effect: 'Deny', Action: [...], Resource: '*' }] }`;

/**
 * Checks an IAM policy document (SCP, RCP or identity policy) against its grammar: the document's
 * shape, then every statement. The content is the document as data or as JSON text.
 */
export function iamDocumentProblems(content: unknown, grammar: IamGrammar): GrammarProblem[] {
  const read = readJson(content);
  if (!read.ok) {
    return [
      documentProblem(
        [],
        `the content is a string that is not valid JSON (${read.error})`,
        content,
        `Write the content as ${SKELETON}.`,
      ),
    ];
  }
  const doc = read.value;
  if (!isRecord(doc)) {
    return [
      documentProblem(
        [],
        `the content is ${quoteValue(doc, 40)}, not a JSON object`,
        doc,
        `Write the content as ${SKELETON}.`,
      ),
    ];
  }
  const out: GrammarProblem[] = read.duplicateKeys.map((d) =>
    documentProblem(
      [...d.at, d.key],
      `${d.at.length ? documentPath(d.at) : 'the document'} has the key ${quoteValue(d.key)} twice; AWS rejects duplicate keys, and only the last one would be sent`,
      d.key,
      `Merge the two ${quoteValue(d.key)} entries into one.`,
    ),
  );
  out.push(...topLevelProblems(doc, grammar));
  const raw = doc.Statement;
  if (raw === undefined || (!Array.isArray(raw) && !isRecord(raw))) return out;
  const list = Array.isArray(raw) ? raw : [raw];
  if (Array.isArray(raw) && raw.length === 0) {
    out.push(
      documentProblem(
        ['Statement'],
        'Statement is an empty list',
        raw,
        `Add at least one statement: ${SKELETON}.`,
      ),
    );
    return out;
  }
  const sids = new Map<string, number>();
  for (const [i, s] of list.entries()) {
    const at: At = Array.isArray(raw) ? ['Statement', i] : ['Statement'];
    if (!isRecord(s)) {
      out.push(
        documentProblem(
          at,
          `${documentPath(at)} is ${quoteValue(s, 40)}, not an object`,
          s,
          'Write each statement as { Effect, Action, Resource }.',
        ),
      );
      continue;
    }
    const label =
      typeof s.Sid === 'string' && s.Sid !== ''
        ? `${documentPath(at)} (Sid ${quoteValue(s.Sid).slice(1, -1)})`
        : documentPath(at);
    out.push(...statementProblems({ statement: s, at, label, grammar }));
    if (typeof s.Sid === 'string' && s.Sid !== '') {
      const first = sids.get(s.Sid);
      if (first !== undefined) {
        out.push({
          rule: 'policy-statement-sid',
          at: [...at, 'Sid'],
          message: `${documentPath(at)} repeats Sid ${quoteValue(s.Sid)} of Statement[${first}]; Sids are unique within a policy.`,
          value: s.Sid,
          fix: `Rename one of them, e.g. ${quoteValue(`${s.Sid}${i + 1}`)}.`,
          // "In IAM, the Sid value must be unique within a JSON policy"; undocumented for SCPs and RCPs.
          awsRejects: grammar === 'identity',
        });
      } else sids.set(s.Sid, i);
    }
  }
  return out;
}

function topLevelProblems(doc: Record<string, unknown>, grammar: IamGrammar): GrammarProblem[] {
  const out: GrammarProblem[] = [];
  const noun = GRAMMAR_NOUN[grammar];
  for (const key of Object.keys(doc)) {
    if ((TOP_LEVEL as readonly string[]).includes(key)) continue;
    if (key === 'Id') {
      out.push(...idProblems(doc.Id, grammar));
      continue;
    }
    const guess = closest(key, TOP_LEVEL);
    out.push(
      documentProblem(
        [key],
        `the document has ${quoteValue(key)}, which is not an element of ${noun} documents${guess ? `; did you mean ${guess}?` : ' (Version, Id, Statement)'}`,
        doc[key],
        guess
          ? `Rename ${quoteValue(key)} to "${guess}".`
          : `Remove ${quoteValue(key)}; a policy document has only Version, Id and Statement.`,
      ),
    );
  }
  const version = doc.Version;
  const accepted = grammar === 'identity' ? [POLICY_VERSION, LEGACY_POLICY_VERSION] : [POLICY_VERSION];
  if (version === undefined) {
    if (!misspelt(doc, 'Version')) {
      out.push(
        documentProblem(
          [],
          'the document has no Version',
          doc,
          `Add Version: '${POLICY_VERSION}'${grammar === 'identity' ? ' (without it IAM uses the 2008 language, where policy variables are plain text)' : ''}.`,
          grammar !== 'identity',
        ),
      );
    }
  } else if (!accepted.includes(version as string)) {
    out.push(
      documentProblem(
        ['Version'],
        `Version is ${quoteValue(version)}, not "${POLICY_VERSION}"`,
        version,
        `Write Version: '${POLICY_VERSION}' (the policy language version, not a date of your own).`,
      ),
    );
  }
  if (doc.Statement === undefined && !misspelt(doc, 'Statement')) {
    out.push(documentProblem([], 'the document has no Statement', doc, `Add a Statement: ${SKELETON}.`));
  } else if (doc.Statement !== undefined && !Array.isArray(doc.Statement) && !isRecord(doc.Statement)) {
    out.push(
      documentProblem(
        ['Statement'],
        `Statement is ${quoteValue(doc.Statement, 40)}, not a statement object or a list of them`,
        doc.Statement,
        `Write ${SKELETON}.`,
      ),
    );
  }
  return out;
}

function misspelt(doc: Record<string, unknown>, element: string): boolean {
  return Object.keys(doc).some((k) => k !== element && closest(k, TOP_LEVEL) === element);
}

/**
 * `Id` names a policy as a whole. The IAM grammar says identity policies must not carry one, so
 * validation refuses it there; whether Organizations refuses it in SCPs and RCPs is not documented,
 * so it is accepted (as a string) there, and the sandbox accepts it everywhere.
 */
function idProblems(id: unknown, grammar: IamGrammar): GrammarProblem[] {
  if (grammar === 'identity') {
    return [
      documentProblem(
        ['Id'],
        'the document has Id, which identity policies must not include (Id belongs to resource policies such as SQS and SNS)',
        id,
        'Remove "Id"; describe the policy in the permission set\'s description instead.',
        false,
      ),
    ];
  }
  if (typeof id === 'string') return [];
  return [
    documentProblem(
      ['Id'],
      `Id is ${quoteValue(id, 40)}, not a string`,
      id,
      'Write Id as a string, or remove it.',
      false,
    ),
  ];
}
