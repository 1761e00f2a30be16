import { inert, type ProtectedRequest } from '@orgops/model';
import { type ActionProblem, actionProblems, suggestAction } from '@orgops/simulate';
import { actionEntries, effectOf, iamDocuments } from './documents.ts';
import type { Draft, LintContext } from './rule.ts';
import { protectedRoleSubject } from './subjects.ts';

/**
 * Findings for actions the IAM catalogue does not know, with `problem` telling the rules apart:
 * the service does not exist (`unknown-service`), or the action, or the wildcard matches none of
 * the service's actions (`unknown-action`). A wrong format is the validator's
 * (`policy-statement-action`) and never reaches lint.
 */
export async function actionProblemDrafts(ctx: LintContext, problem: ActionProblem): Promise<Draft[]> {
  const out: Draft[] = [];
  for (const doc of iamDocuments(ctx)) {
    for (const [i, statement] of doc.statements.entries()) {
      const entries = actionEntries(statement, `${doc.path}.Statement[${i}]`);
      const bad = new Map(
        (await actionProblems(entries.map((e) => e.action))).map((p) => [p.action, p.problem]),
      );
      for (const e of entries) {
        if (bad.get(e.action) !== problem) continue;
        out.push({
          message: `${doc.subject.label}: ${what(e.action, problem)} ${consequence(effectOf(statement), e.element, doc.kind)}`,
          fix: await fixFor(e.action, problem),
          path: e.path,
          subject: doc.subject,
          site: doc.site,
          value: e.action,
        });
      }
    }
  }
  for (const role of ctx.config.protectedRoles ?? []) {
    const actions = role.mustAllow.map(actionOf);
    const bad = new Map((await actionProblems(actions)).map((p) => [p.action, p.problem]));
    for (const [i, request] of role.mustAllow.entries()) {
      const action = actionOf(request);
      if (bad.get(action) !== problem) continue;
      out.push({
        message: `protected role ${inert(role.name)}: ${what(action, problem)} so the lock-out check cannot simulate it.`,
        fix: await fixFor(action, problem),
        path: `protectedRoles[${inert(role.name)}].mustAllow[${i}]`,
        subject: protectedRoleSubject(role.name),
        site: role.site,
        value: action,
      });
    }
  }
  return out;
}

function actionOf(request: ProtectedRequest): string {
  return typeof request === 'string' ? request : request.action;
}

function what(action: string, problem: ActionProblem): string {
  const quoted = JSON.stringify(inert(action));
  if (problem === 'service') return `${quoted} names a service that does not exist in the IAM catalogue,`;
  return /[*?]/.test(action.split(':')[1] ?? '')
    ? `the pattern ${quoted} matches no action of its service,`
    : `${quoted} is not an action of its service,`;
}

function consequence(
  effect: 'Allow' | 'Deny',
  element: 'Action' | 'NotAction',
  kind: 'scp' | 'rcp' | 'inline',
): string {
  if (effect === 'Deny' && element === 'Action')
    return `so this Deny denies nothing there: that part of the ${kind === 'inline' ? 'policy' : 'guardrail'} is silently off.`;
  if (effect === 'Deny')
    return 'so this exception exempts nothing: the statement denies what was meant to stay open.';
  if (element === 'Action') return 'so this Allow grants nothing there.';
  return 'so this exception excludes nothing: the statement allows what was meant to be left out.';
}

/** The fix, led by the catalogue's closest spelling when there is one. */
async function fixFor(action: string, problem: ActionProblem): Promise<string> {
  const service = action.split(':')[0] ?? action;
  const suggestion = await suggestAction(action);
  const guess = suggestion ? `Did you mean ${JSON.stringify(inert(suggestion))}? ` : '';
  return problem === 'service'
    ? `${guess}Check the service prefix "${inert(service)}" (the Service Authorization Reference lists every prefix, e.g. "cloudtrail", "guardduty").`
    : `${guess}Check the spelling against the Service Authorization Reference for "${inert(service)}", or remove the entry.`;
}
