import type { TargetRef } from '../change.ts';
import { type AnalysisContext, accountLabel } from './analysis-context.ts';
import { summarizeContentChange, summarizePolicy } from './policy-facts.ts';
import type { GuardrailChange } from './types.ts';

type Item = GuardrailChange['items'][number];
interface Target {
  readonly label: string;
  readonly kind: GuardrailChange['targetKind'];
  readonly accounts: number;
}

const KIND_ORDER: Readonly<Record<GuardrailChange['targetKind'], number>> = { root: 0, ou: 1, account: 2 };

/**
 * Organization-policy changes per target: attachments added and removed, and content updates of
 * a policy listed on every target it is attached to, since that is where the change takes effect.
 */
export function analyzeGuardrails(ctx: AnalysisContext): GuardrailChange[] {
  const byTarget = new Map<string, { target: Target; items: Item[] }>();
  const add = (target: Target, item: Item): void => {
    let entry = byTarget.get(target.label);
    if (!entry) {
      entry = { target, items: [] };
      byTarget.set(target.label, entry);
    }
    entry.items.push(item);
  };

  for (const c of ctx.changes) {
    if (c.kind !== 'policy-attachment') continue;
    const content =
      c.action === 'attach'
        ? ctx.policyContentAfter(c.policyType, c.policyName)
        : ctx.snapshotPolicy(c.policyType, c.policyName)?.content ||
          ctx.policyContentAfter(c.policyType, c.policyName);
    add(targetOf(ctx, c.target), {
      effect: c.action === 'attach' ? 'added' : 'removed',
      policyType: c.policyType,
      policyName: c.policyName,
      summary: summarizePolicy(c.policyType, c.policyName, content),
      addresses: [c.address],
    });
  }

  for (const c of ctx.changes) {
    if (c.kind !== 'policy-update' || !c.content) continue;
    const live = ctx.snapshot.policies.find(
      (p) => p.id === c.id || (p.type === c.policyType && p.name === c.name),
    );
    const name = c.rename?.to ?? c.name;
    for (const id of live?.targets ?? []) {
      const target = targetById(ctx, id);
      // Where the policy is detached in this plan the content change does not matter.
      const detached = ctx.changes.some(
        (d) =>
          d.kind === 'policy-attachment' &&
          d.action === 'detach' &&
          d.policyType === c.policyType &&
          (d.policyName === c.name || d.policyName === name) &&
          targetOf(ctx, d.target).label === target.label,
      );
      if (detached) continue;
      add(target, {
        effect: 'changed',
        policyType: c.policyType,
        policyName: name,
        summary: summarizeContentChange(c.content.before, c.content.after),
        addresses: [c.address],
      });
    }
  }

  return [...byTarget.values()]
    .map(({ target, items }) => ({
      target: target.label,
      targetKind: target.kind,
      accountsAffected: target.accounts,
      items,
    }))
    .sort((a, b) => KIND_ORDER[a.targetKind] - KIND_ORDER[b.targetKind] || a.target.localeCompare(b.target));
}

function targetOf(ctx: AnalysisContext, ref: TargetRef): Target {
  switch (ref.kind) {
    case 'root':
      return { label: '/', kind: 'root', accounts: ctx.accountsBelow('/') };
    case 'ou':
      return { label: ref.path, kind: 'ou', accounts: ctx.accountsBelow(ref.path) };
    default:
      return { label: accountLabel(ref.account), kind: 'account', accounts: 1 };
  }
}

function targetById(ctx: AnalysisContext, id: string): Target {
  if (id === ctx.snapshot.root.id) return targetOf(ctx, { kind: 'root' });
  const path = ctx.ouPathById.get(id);
  if (path !== undefined) return targetOf(ctx, { kind: 'ou', path });
  return targetOf(ctx, { kind: 'account', account: ctx.accountRefById(id) });
}
