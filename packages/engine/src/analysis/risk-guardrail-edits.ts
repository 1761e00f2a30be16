import { policyTypeLabel } from '@orgops/model';
import type { PolicyUpdate } from '../change.ts';
import { type AnalysisContext, accountLabel } from './analysis-context.ts';
import { exemptionReach } from './exemptions.ts';
import { denyCount, plural, statementsOfText } from './policy-facts.ts';
import { actionWords, briefList, statementWords } from './policy-words.ts';
import type { CodedRisk } from './risk-codes.ts';
import {
  editWords,
  type StatementEdit,
  statementChanges,
  statementEdit,
  weakensDeny,
} from './statement-changes.ts';

/**
 * An SCP or RCP edited in place, read statement by statement: exemptions widened (who now escapes
 * which Deny, where), and Deny statements removed or narrowed.
 */
export function guardrailEditRisks(ctx: AnalysisContext, c: PolicyUpdate): CodedRisk[] {
  if (!c.content) return [];
  const before = statementsOfText(c.content.before) ?? [];
  const after = statementsOfText(c.content.after) ?? [];
  const { changed, removed } = statementChanges(before, after);
  const label = `${policyTypeLabel(c.policyType)} ${c.rename?.to ?? c.name}`;
  const edits = changed.map((pair) => ({ pair, edit: statementEdit(pair) }));
  const risks: CodedRisk[] = [];

  const widened = edits.filter(
    ({ pair, edit }) => pair.before.Effect === 'Deny' && edit.exemptAdded.length > 0,
  );
  if (widened.length > 0) {
    const reach = [...new Set(widened.flatMap(({ edit }) => edit.exemptAdded))].map((p) =>
      exemptionReach(ctx, p),
    );
    const denied = widened.map(({ pair }) => actionWords(statementWords(pair.after)));
    risks.push({
      level: reach.some((r) => r.broad) ? 'high' : 'medium',
      code: 'guardrail-exemption-widened',
      message: `${label} now exempts ${reach.map((r) => r.words).join(', ')} from ${plural(widened.length, 'Deny statement')} (${briefList(denied, 3)}) ${reachWords(ctx, c)}`,
      addresses: [c.address],
    });
  }

  const loosened = edits.filter(({ pair, edit }) => weakensDeny(pair, { ...edit, exemptAdded: [] }));
  const removedDenies = removed.filter((s) => s.Effect === 'Deny').length;
  if (removedDenies > 0 || loosened.length > 0) {
    const fewer = denyCount(c.content.before) > denyCount(c.content.after);
    const parts = [
      removedDenies > 0 ? `${fewer ? 'removes' : 'rewrites'} ${plural(removedDenies, 'Deny statement')}` : '',
      loosened.length > 0
        ? `loosens ${loosened.map(({ pair, edit }) => `${pair.label} (${editWords(withoutExempt(edit))})`).join(', ')}`
        : '',
    ].filter(Boolean);
    risks.push({
      level: fewer ? 'high' : 'medium',
      code: 'guardrail-weakened',
      message: `${label} ${parts.join(' and ')}; check that nothing it denied is now allowed ${reachWords(ctx, c)}`,
      addresses: [c.address],
    });
  }
  return risks;
}

function withoutExempt(edit: StatementEdit): StatementEdit {
  return { ...edit, exemptAdded: [], exemptRemoved: [] };
}

/** `in 10 accounts (attached to /)`: where the policy is in force now. */
function reachWords(ctx: AnalysisContext, c: PolicyUpdate): string {
  const live = ctx.snapshot.policies.find(
    (p) => p.id === c.id || (p.type === c.policyType && p.name === c.name),
  );
  const targets = (live?.targets ?? []).map((id) => {
    if (id === ctx.snapshot.root.id) return { label: '/', path: '/' as string | undefined };
    const path = ctx.ouPathById.get(id);
    if (path !== undefined) return { label: path, path };
    return { label: accountLabel(ctx.accountRefById(id)), path: undefined };
  });
  if (targets.length === 0) return '(attached nowhere yet)';
  const paths = targets.flatMap((t) => (t.path === undefined ? [] : [t.path]));
  // An OU inside another attached OU adds no accounts.
  const outer = paths.filter((p) => !paths.some((q) => q !== p && (q === '/' || p.startsWith(`${q}/`))));
  const count =
    outer.reduce((n, p) => n + ctx.accountsBelow(p), 0) + targets.filter((t) => t.path === undefined).length;
  return `in ${plural(count, 'account')} (attached to ${briefList(
    targets.map((t) => t.label),
    4,
  )})`;
}
