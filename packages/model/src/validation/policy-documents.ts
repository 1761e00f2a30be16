import { policyTypeLabel } from '../policy.ts';
import {
  documentPath,
  type GrammarProblem,
  type GrammarRuleCode,
  grammarOfPolicyType,
  type PolicyGrammar,
  policyGrammarProblems,
} from '../policy-grammar/index.ts';
import type { Site } from '../site.ts';
import { permissionSetPath } from './paths.ts';
import type { Finding, RuleContext } from './rule.ts';
import { distinctPolicies } from './targets.ts';

/** A policy document in the config: an organization policy's content or a permission set's inline policy. */
interface ConfigDocument {
  /** For messages: `SCP "deny-root-user"`, `Permission set "Developer" inline policy`. */
  readonly subject: string;
  /** Config path of the document itself: `policies[deny-root-user].content`. */
  readonly path: string;
  readonly site?: Site;
  readonly content: unknown;
  readonly grammar: PolicyGrammar;
  readonly type: string;
}

function configDocuments(ctx: RuleContext): ConfigDocument[] {
  const out: ConfigDocument[] = [];
  for (const { policy: p, path } of distinctPolicies(ctx)) {
    // AWS-managed policies are referenced, never sent: their documents are AWS's own.
    if (p.awsManaged) continue;
    out.push({
      subject: `${policyTypeLabel(p.type)} "${p.name}"`,
      path: `${path}.content`,
      site: p.site,
      content: p.content,
      grammar: grammarOfPolicyType(p.type),
      type: p.type,
    });
  }
  for (const ps of ctx.collected.permissionSets) {
    if (ps.inlinePolicy === undefined) continue;
    out.push({
      subject: `Permission set "${ps.name}" inline policy`,
      path: `${permissionSetPath(ps)}.inlinePolicy`,
      site: ps.site,
      content: ps.inlinePolicy,
      grammar: 'identity',
      type: 'IDENTITY_POLICY',
    });
  }
  return out;
}

/** The grammar runs once per validation; every grammar rule reads its own share of the problems. */
const cache = new WeakMap<RuleContext, readonly { doc: ConfigDocument; problem: GrammarProblem }[]>();

function allProblems(ctx: RuleContext) {
  let found = cache.get(ctx);
  if (!found) {
    found = configDocuments(ctx).flatMap((doc) =>
      policyGrammarProblems(doc.content, doc.grammar, doc.type).map((problem) => ({ doc, problem })),
    );
    cache.set(ctx, found);
  }
  return found;
}

/** Findings of one grammar rule, located down to the statement and key inside the document. */
export function grammarFindings(ctx: RuleContext, rule: GrammarRuleCode): Finding[] {
  return allProblems(ctx)
    .filter(({ problem }) => problem.rule === rule)
    .map(({ doc, problem }) => ({
      message: messageFor(rule, doc, problem),
      path: joinPath(doc.path, problem.at),
      site: doc.site,
      value: problem.value,
      fix: problem.fix,
    }));
}

function messageFor(rule: GrammarRuleCode, doc: ConfigDocument, problem: GrammarProblem): string {
  if (rule !== 'policy-document') return `${doc.subject} ${problem.message}`;
  const end = /[.?]$/.test(problem.message) ? '' : '.';
  return `${doc.subject} is not a valid IAM policy document: ${problem.message}${end}`;
}

function joinPath(base: string, at: readonly (string | number)[]): string {
  if (at.length === 0) return base;
  const rest = documentPath(at);
  return rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
}
