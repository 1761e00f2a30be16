import type { SnapshotOu } from '../snapshot.ts';
import { type OracleContext, sameTags, showTags } from './oracle-context.ts';
import { segmentsKey, showSegments } from './segments.ts';

/** Config OU path text -> the one live OU at the same segment path. */
export type OuBinding = ReadonlyMap<string, SnapshotOu>;

/**
 * Every config OU exists exactly once at its segment path, with its tags; every other live OU is
 * ignored. A rename is invisible here: only the resulting tree counts.
 */
export function checkOus(ctx: OracleContext): OuBinding {
  const liveByKey = new Map<string, SnapshotOu[]>();
  for (const ou of ctx.snapshot.ous) {
    const key = segmentsKey(ctx.liveParents.get(ou.id) ?? []);
    liveByKey.set(key, [...(liveByKey.get(key) ?? []), ou]);
  }
  const binding = new Map<string, SnapshotOu>();
  const wantedKeys = new Set<string>();
  for (const ou of ctx.desired.ous) {
    const segments = ctx.desiredOus.get(ou.path) ?? [];
    const key = segmentsKey(segments);
    wantedKeys.add(key);
    const where = `OU ${showSegments(segments)}`;
    const live = liveByKey.get(key) ?? [];
    if (live.length === 0) {
      ctx.report('ou-missing', where, 'an OU at this path', 'none');
      continue;
    }
    if (live.length > 1) {
      ctx.report(
        'ou-duplicate',
        where,
        'one OU at this path',
        `${live.length} (${live.map((o) => o.id).join(', ')})`,
      );
      continue;
    }
    const match = live[0]!;
    binding.set(ou.path, match);
    if (!sameTags(match.tags, ou.tags)) ctx.report('ou-tags', where, showTags(ou.tags), showTags(match.tags));
  }
  for (const ou of ctx.snapshot.ous) {
    const segments = ctx.liveParents.get(ou.id) ?? [];
    if (wantedKeys.has(segmentsKey(segments)) || ctx.ignore.ou(segments)) continue;
    ctx.report('ou-unexpected', `OU ${showSegments(segments)} (${ou.id})`, 'no such OU', 'exists');
  }
  return binding;
}
