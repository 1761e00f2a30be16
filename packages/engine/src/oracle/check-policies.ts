import { canonicalizeJsonText, policyTypeLabel, RCP_FULL_AWS_ACCESS } from '@orgops/model';
import type { SnapshotPolicy } from '../snapshot.ts';
import { type OracleContext, sameTags, showTags } from './oracle-context.ts';

/**
 * AWS attaches these to every target while their type is enabled and refuses to detach them, so
 * they are never "managed"; they still take one of the target's slots.
 */
export const NON_DETACHABLE_POLICY_IDS: ReadonlySet<string> = new Set([RCP_FULL_AWS_ACCESS.id]);

/** How live policies of the config's types relate to config. */
export interface PolicyClaims {
  /** Live policy id -> the config policy name it stands for. */
  readonly nameById: ReadonlyMap<string, string>;
  /** Live policies orgops must leave alone (ignored and not in config, or not detachable). */
  readonly unmanaged: ReadonlySet<string>;
}

/**
 * Each config policy exists once under its type and name with config's content (compared as
 * canonical JSON), description and tags; AWS-managed ones are referenced by id and never compared.
 * Any other customer policy of a managed type must be ignored. AWS keeps policies of a type that
 * is disabled, so policies are compared whatever the type's status.
 */
export function checkPolicies(ctx: OracleContext): PolicyClaims {
  const managedTypes = new Set(ctx.desired.policyTypes);
  const nameById = new Map<string, string>();
  for (const p of ctx.desired.policies) {
    const where = `${policyTypeLabel(p.type)} ${p.name}`;
    if (p.awsManaged) {
      const live = ctx.snapshot.policies.find((x) => x.type === p.type && x.id === p.awsManaged?.id);
      if (live) nameById.set(live.id, p.name);
      else if (typeEnabled(ctx, p.type))
        ctx.report('policy-missing', where, `AWS-managed ${p.awsManaged.id}`, 'none');
      continue;
    }
    const live = ctx.snapshot.policies.filter((x) => x.type === p.type && x.name === p.name && !x.awsManaged);
    if (live.length === 0) {
      ctx.report('policy-missing', where, 'a policy with this type and name', 'none');
      continue;
    }
    if (live.length > 1) {
      ctx.report('policy-duplicate', where, 'one policy', live.map((x) => x.id).join(', '));
      continue;
    }
    const match = live[0]!;
    nameById.set(match.id, p.name);
    const want = canonicalizeJsonText(p.content);
    const have = canonicalizeJsonText(match.content);
    if (want !== have) ctx.report('policy-content', where, want, have);
    if (match.description !== p.description)
      ctx.report(
        'policy-description',
        where,
        JSON.stringify(p.description),
        JSON.stringify(match.description),
      );
    if (!sameTags(match.tags, p.tags))
      ctx.report('policy-tags', where, showTags(p.tags), showTags(match.tags));
  }

  const unmanaged = new Set<string>();
  for (const live of ctx.snapshot.policies) {
    if (nameById.has(live.id)) continue;
    if (NON_DETACHABLE_POLICY_IDS.has(live.id) || ctx.ignore.policy(live.name)) {
      unmanaged.add(live.id);
      continue;
    }
    // An AWS-managed policy config does not use cannot be deleted; it must only be attached nowhere.
    if (live.awsManaged || !managedTypes.has(live.type)) continue;
    ctx.report(
      'policy-unexpected',
      `${policyTypeLabel(live.type)} ${live.name} (${live.id})`,
      'no such policy',
      'exists',
    );
  }
  return { nameById, unmanaged };
}

export function typeEnabled(ctx: OracleContext, type: string): boolean {
  return ctx.snapshot.root.policyTypes.some((t) => t.type === type && t.status === 'ENABLED');
}

export function policyName(claims: PolicyClaims, policy: SnapshotPolicy): string {
  return claims.nameById.get(policy.id) ?? policy.name;
}
