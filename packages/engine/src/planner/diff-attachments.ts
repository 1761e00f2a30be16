import {
  accountTarget,
  type DesiredState,
  FullAWSAccess,
  isAccountTarget,
  policyTypeLimits,
  RCP,
  SCP,
} from '@orgops/model';
import { address } from '../addresses.ts';
import type { TargetRef } from '../change.ts';
import type { PlanBuilder } from './builder.ts';
import { isLiveAccount, type LiveIndex, policyKey } from './context.ts';
import type { AccountMatch } from './diff-accounts.ts';
import type { OuMatch } from './diff-ous.ts';
import type { PolicyMatch } from './diff-policies.ts';

/** AWS attaches these itself and refuses to detach them; they only count toward the limits. */
const NON_DETACHABLE = new Set(['p-RCPFullAWSAccess']);

/**
 * Attachments are diffed per target and per type, and sequenced per target so the target never
 * drops below AWS's minimum (the last SCP cannot be detached: attach the new one first) nor rises
 * above the maximum (at the cap, detach one first, TF#41493).
 */
export function diffAttachments(
  desired: DesiredState,
  live: LiveIndex,
  matches: { ous: OuMatch; accounts: AccountMatch; policies: PolicyMatch },
  out: PlanBuilder,
): void {
  const desiredKeyByLiveId = new Map<string, string>();
  for (const [path, id] of matches.ous.liveIdByPath) desiredKeyByLiveId.set(id, path);
  for (const [email, acct] of matches.accounts.liveByEmail)
    desiredKeyByLiveId.set(acct.id, accountTarget(email));
  const desiredPolicyKeyByLiveId = new Map<string, string>();
  for (const [key, p] of matches.policies.liveByKey) desiredPolicyKeyByLiveId.set(p.id, key);

  const closing = new Set(desired.accounts.filter((a) => a.close).map((a) => accountTarget(a.email)));
  const inactive = new Set(
    [...matches.accounts.liveByEmail]
      .filter(([, a]) => !isLiveAccount(a))
      .map(([email]) => accountTarget(email)),
  );

  for (const type of desired.policyTypes) {
    const limits = policyTypeLimits(type);
    const typeEnabledNow = live.enabledPolicyTypes.has(type);
    // Current managed attachments and unmanaged (ignored / non-detachable) counts, by desired target key.
    const current = new Map<string, Set<string>>();
    const foreign = new Map<string, number>();
    if (typeEnabledNow) {
      for (const p of live.snapshot.policies) {
        if (p.type !== type) continue;
        const pKey = desiredPolicyKeyByLiveId.get(p.id) ?? policyKey(p.type, p.name);
        const unmanaged = NON_DETACHABLE.has(p.id) || live.isIgnoredPolicy(p.name);
        for (const targetId of p.targets) {
          const tKey = desiredKeyByLiveId.get(targetId);
          if (!tKey) continue;
          if (unmanaged) foreign.set(tKey, (foreign.get(tKey) ?? 0) + 1);
          else getOrCreate(current, tKey).add(pKey);
        }
      }
    }

    const targets = new Set<string>([
      '/',
      ...desired.ous.map((o) => o.path),
      ...desired.accounts.map((a) => accountTarget(a.email)),
    ]);
    for (const tKey of targets) {
      if (closing.has(tKey) || inactive.has(tKey)) continue;
      const exists =
        tKey === '/' ||
        (isAccountTarget(tKey) ? hasLiveAccount(tKey, matches.accounts) : matches.ous.liveIdByPath.has(tKey));
      // AWS attaches FullAWSAccess to new targets, and to every target when SCPs get enabled.
      const have = exists && typeEnabledNow ? (current.get(tKey) ?? new Set<string>()) : new Set<string>();
      if (type === SCP && (!exists || !typeEnabledNow)) have.add(policyKey(SCP, FullAWSAccess.name));
      const want = new Set(
        desired.attachments
          .filter((a) => a.target === tKey && a.policyType === type)
          .map((a) => policyKey(a.policyType, a.policyName)),
      );
      const attach = [...want].filter((k) => !have.has(k)).sort();
      const detach = [...have].filter((k) => !want.has(k)).sort();
      if (!attach.length && !detach.length) continue;
      const autoForeign = type === RCP && (!exists || !typeEnabledNow) ? 1 : 0; // RCPFullAWSAccess
      let count = have.size + (foreign.get(tKey) ?? 0) + autoForeign;
      const target = targetRef(tKey, matches.accounts);
      const emit = (action: 'attach' | 'detach', key: string): void => {
        const name = key.slice(type.length + 1);
        out.add('attachments', {
          kind: 'policy-attachment',
          action,
          policyType: type,
          policyName: name,
          target,
          address: address.attachment(type, name, tKey),
        });
      };
      while (attach.length || detach.length) {
        if (attach.length && count < limits.maxPerTarget) {
          emit('attach', attach.shift()!);
          count++;
        } else if (detach.length && (count > limits.minPerTarget || attach.length === 0)) {
          emit('detach', detach.shift()!);
          count--;
        } else {
          // Only reachable when max <= min; validation rejects such targets before planning.
          break;
        }
      }
    }
  }
}

function hasLiveAccount(tKey: string, accounts: AccountMatch): boolean {
  return accounts.liveByEmail.has(tKey.slice('account:'.length));
}

function targetRef(tKey: string, accounts: AccountMatch): TargetRef {
  if (tKey === '/') return { kind: 'root' };
  if (!isAccountTarget(tKey)) return { kind: 'ou', path: tKey };
  const email = tKey.slice('account:'.length);
  return { kind: 'account', account: accounts.refOf(email) ?? { email, name: email } };
}

function getOrCreate<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  const existing = map.get(key);
  if (existing) return existing;
  const created = new Set<V>();
  map.set(key, created);
  return created;
}
