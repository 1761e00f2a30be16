import {
  accountTarget,
  type DesiredState,
  FullAWSAccess,
  isAccountTarget,
  LIMITS_VERSION,
  policyTypeLabel,
  policyTypeLimits,
  RCP,
  RCP_FULL_AWS_ACCESS,
  SCP,
  type Site,
} from '@orgops/model';
import { address } from '../addresses.ts';
import type { TargetRef } from '../change.ts';
import { sequencePolicySwaps } from '../ordering/policy-swaps.ts';
import type { PlanBuilder } from './builder.ts';
import type { AccountMatch } from './diff-accounts.ts';
import type { OuMatch } from './diff-ous.ts';
import type { PolicyMatch } from './diff-policies.ts';
import { isLiveAccount, type LiveIndex, policyKey } from './live-index.ts';

/** AWS attaches these itself and refuses to detach them; they only count toward the limits. */
const NON_DETACHABLE = new Set<string>([RCP_FULL_AWS_ACCESS.id]);

/**
 * Attachments are diffed per target and per type, and sequenced per target by
 * `sequencePolicySwaps` (`ordering/`) so the target never drops below AWS's minimum nor rises above
 * its maximum. Ignored and non-detachable policies
 * occupy the same slots: a target whose config does not fit next to them is refused, naming them,
 * instead of being planned in part.
 *
 * Attachments to accounts the plan creates go in their own phase after the accounts exist; all
 * others go before accounts are created or moved, so an OU's new guardrails are in place before
 * any account arrives under it.
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

  const inactive = new Set(
    [...matches.accounts.liveByEmail]
      .filter(([, a]) => !isLiveAccount(a))
      .map(([email]) => accountTarget(email)),
  );
  const declined = new Set(desired.accounts.filter((a) => a.close).map((a) => accountTarget(a.email)));

  // The config's attachments by type and target, so each target looks up its own.
  const wantedByTarget = new Map<string, DesiredState['attachments'][number][]>();
  for (const a of desired.attachments) {
    const key = `${a.policyType}|${a.target}`;
    const list = wantedByTarget.get(key);
    if (list) list.push(a);
    else wantedByTarget.set(key, [a]);
  }

  for (const type of desired.policyTypes) {
    const limits = policyTypeLimits(type);
    const typeEnabledNow = live.enabledPolicyTypes.has(type);
    // Current managed attachments and unmanaged (ignored / non-detachable) ones, by desired target key.
    const current = new Map<string, Set<string>>();
    const foreign = new Map<string, string[]>();
    if (typeEnabledNow) {
      for (const p of live.snapshot.policies) {
        if (p.type !== type) continue;
        const pKey = desiredPolicyKeyByLiveId.get(p.id) ?? policyKey(p.type, p.name);
        const unmanaged = NON_DETACHABLE.has(p.id) || live.isIgnoredPolicy(p.name);
        for (const targetId of p.targets) {
          const tKey = desiredKeyByLiveId.get(targetId);
          if (!tKey) continue;
          if (unmanaged) foreign.set(tKey, [...(foreign.get(tKey) ?? []), p.name]);
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
      if (inactive.has(tKey)) continue;
      const isNewAccount = isAccountTarget(tKey) && !hasLiveAccount(tKey, matches.accounts);
      // A config account marked for closure that does not exist is never created.
      if (isNewAccount && declined.has(tKey)) continue;
      const exists =
        tKey === '/' || (isAccountTarget(tKey) ? !isNewAccount : matches.ous.liveIdByPath.has(tKey));
      // AWS attaches FullAWSAccess to new targets, and to every target when SCPs get enabled.
      const have = exists && typeEnabledNow ? (current.get(tKey) ?? new Set<string>()) : new Set<string>();
      if (type === SCP && (!exists || !typeEnabledNow)) have.add(policyKey(SCP, FullAWSAccess.name));
      const wanted = wantedByTarget.get(`${type}|${tKey}`) ?? [];
      const want = new Set(wanted.map((a) => policyKey(a.policyType, a.policyName)));
      const attach = [...want].filter((k) => !have.has(k)).sort();
      const detach = [...have].filter((k) => !want.has(k)).sort();
      const unmanaged = [...(foreign.get(tKey) ?? [])];
      if (type === RCP && (!exists || !typeEnabledNow)) unmanaged.push(RCP_FULL_AWS_ACCESS.name);
      const refuse = (why: string): void =>
        refuseTarget(
          out,
          desired,
          tKey,
          type,
          [...want].map(nameOf(type)),
          unmanaged.sort(),
          limits.maxPerTarget,
          why,
        );

      if (want.size + unmanaged.length > limits.maxPerTarget) {
        refuse('does not fit');
        continue;
      }
      if (!attach.length && !detach.length) continue;
      const target = targetRef(tKey, matches.accounts);
      const phase = isNewAccount ? 'attach-new-accounts' : 'attachments';
      const sequence = sequencePolicySwaps({
        attach,
        detach,
        count: have.size + unmanaged.length,
        min: limits.minPerTarget,
        max: limits.maxPerTarget,
      });
      for (const step of sequence.steps) {
        const name = nameOf(type)(step.key);
        out.add(phase, {
          kind: 'policy-attachment',
          action: step.action,
          policyType: type,
          policyName: name,
          target,
          address: address.attachment(type, name, tKey),
        });
      }
      // No order reaches the config within AWS's minimum and maximum: say so, never plan half.
      if (!sequence.complete) refuse('cannot be reached one attachment at a time');
    }
  }
}

const nameOf =
  (type: string) =>
  (key: string): string =>
    key.slice(type.length + 1);

function refuseTarget(
  out: PlanBuilder,
  desired: DesiredState,
  tKey: string,
  type: string,
  wanted: string[],
  unmanaged: string[],
  max: number,
  why: string,
): void {
  const where = targetOf(desired, tKey);
  const total = wanted.length + unmanaged.length;
  const others = unmanaged.length
    ? `, and ${unmanaged.length} more that orgops does not manage stay attached there (${unmanaged.join(', ')}), which occupy the same slots`
    : '';
  out.error('policy-attachments-over-limit', {
    message: `${where.label} ${why}: config attaches ${wanted.length} ${policyTypeLabel(type)}s (${wanted.join(', ')})${others}: ${total} in all, but AWS allows at most ${max} ${type} per target (limits ${LIMITS_VERSION}).`,
    path: `${where.path}.policies`,
    value: total,
    site: where.site,
    fix: `Attach at most ${max - unmanaged.length} here: merge policies into fewer documents, or move shared ones up to the parent OU or the root (inherited policies do not count).`,
  });
}

function targetOf(desired: DesiredState, tKey: string): { label: string; path: string; site?: Site } {
  if (tKey === '/') return { label: 'The root', path: 'root' };
  if (!isAccountTarget(tKey)) {
    const ou = desired.ous.find((o) => o.path === tKey);
    return { label: `OU ${tKey}`, path: `organizationalUnits[${tKey}]`, site: ou?.site };
  }
  const a = desired.accounts.find((x) => accountTarget(x.email) === tKey);
  return { label: `Account ${a?.name ?? tKey}`, path: `accounts[${a?.name ?? tKey}]`, site: a?.site };
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
