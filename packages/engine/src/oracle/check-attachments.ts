import { accountTarget, policyTypeLabel, policyTypeLimits } from '@orgops/model';
import type { AccountBinding } from './check-accounts.ts';
import type { OuBinding } from './check-ous.ts';
import { type PolicyClaims, policyName, typeEnabled } from './check-policies.ts';
import { accountLabel, isActive, type OracleContext } from './oracle-context.ts';
import { showSegments } from './segments.ts';

interface Target {
  readonly liveId: string;
  /** The config's key for the target in `DesiredState.attachments`. */
  readonly key: string;
  readonly label: string;
}

/**
 * On the root, every config OU and every active config account not marked for closure, the
 * managed policies of each managed type are exactly the config's list. Ignored and non-detachable
 * policies are not compared but occupy the target's slots, so the total stays within AWS's limits.
 */
export function checkAttachments(
  ctx: OracleContext,
  ous: OuBinding,
  accounts: AccountBinding,
  claims: PolicyClaims,
): void {
  const targets: Target[] = [{ liveId: ctx.snapshot.root.id, key: '/', label: 'root' }];
  for (const ou of ctx.desired.ous) {
    const live = ous.get(ou.path);
    if (live)
      targets.push({
        liveId: live.id,
        key: ou.path,
        label: `OU ${showSegments(ctx.desiredOus.get(ou.path) ?? [])}`,
      });
  }
  for (const a of ctx.desired.accounts) {
    const live = accounts.liveOf(a.email);
    if (!live || a.close || !isActive(live) || accounts.desiredOf(live.id) !== a) continue;
    targets.push({ liveId: live.id, key: accountTarget(a.email), label: accountLabel(a) });
  }

  for (const type of ctx.desired.policyTypes) {
    const limits = policyTypeLimits(type);
    const enabled = typeEnabled(ctx, type);
    const label = policyTypeLabel(type);
    for (const target of targets) {
      const expected = new Set(
        ctx.desired.attachments
          .filter((x) => x.target === target.key && x.policyType === type)
          .map((x) => x.policyName),
      );
      const actual = new Set<string>();
      let occupied = 0;
      for (const p of ctx.snapshot.policies) {
        if (p.type !== type || !p.targets.includes(target.liveId)) continue;
        occupied++;
        if (!claims.unmanaged.has(p.id)) actual.add(policyName(claims, p));
      }
      for (const name of [...expected].sort()) {
        if (!actual.has(name))
          ctx.report('attachment-missing', target.label, `${label} ${name} attached`, 'not attached');
      }
      for (const name of [...actual].sort()) {
        if (!expected.has(name))
          ctx.report('attachment-unexpected', target.label, `${label} ${name} not attached`, 'attached');
      }
      if (occupied > limits.maxPerTarget || (enabled && occupied < limits.minPerTarget))
        ctx.report(
          'attachment-limit',
          target.label,
          `${limits.minPerTarget}–${limits.maxPerTarget} ${label}s (ignored ones included)`,
          String(occupied),
        );
    }
  }
}
