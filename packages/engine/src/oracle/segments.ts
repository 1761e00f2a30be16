import type { DesiredState } from '@orgops/model';
import type { Snapshot } from '../snapshot.ts';

/**
 * An OU's place in the tree as the list of names from the root down: `[]` is the root,
 * `['Workloads', 'Prod']` the OU Prod under Workloads. AWS allows any character in an OU name,
 * `/` included, so a path is never flattened into one string: `['Prod/EU']` and `['Prod', 'EU']`
 * are different OUs.
 */
export type Segments = readonly string[];

/** An unambiguous map key for a segment list. */
export function segmentsKey(segments: Segments): string {
  return JSON.stringify(segments);
}

export function sameSegments(a: Segments, b: Segments): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

export function isWithinSegments(path: Segments, ancestor: Segments): boolean {
  return ancestor.length <= path.length && ancestor.every((name, i) => name === path[i]);
}

/**
 * The path text config uses (and patterns are written in): `/Workloads/Prod`, with `\` and `/`
 * inside a name escaped, so a top-level `Prod/EU` is `/Prod\/EU`.
 */
export function pathText(segments: Segments): string {
  return segments.map((name) => `/${name.replace(/\\/g, '\\\\').replace(/\//g, '\\/')}`).join('');
}

/** The names in a path text: the inverse of {@link pathText} (`/` is the root, `[]`). */
export function segmentsOfText(path: string): Segments {
  const names: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (ch === '/') {
      if (current !== undefined) names.push(current);
      current = '';
    } else {
      current = (current ?? '') + (ch === '\\' && i + 1 < path.length ? path[++i] : ch);
    }
  }
  if (current) names.push(current);
  return names;
}

/** For people: the path text, and `/ (root)` for the root. */
export function showSegments(segments: Segments): string {
  return segments.length === 0 ? '/ (root)' : pathText(segments);
}

/**
 * Segments of every config OU, keyed by the config's own path text (`DesiredOu.path`), built from
 * each OU's name and its parent, so a config path is turned into names only once, here.
 */
export function desiredSegments(desired: DesiredState): ReadonlyMap<string, Segments> {
  const byPath = new Map(desired.ous.map((ou) => [ou.path, ou]));
  const out = new Map<string, Segments>([['/', []]]);
  const resolve = (path: string, seen: Set<string>): Segments => {
    const known = out.get(path);
    if (known) return known;
    const ou = byPath.get(path);
    // A parent the config does not declare (the validator reports it): read its path as written.
    if (!ou || seen.has(path)) return segmentsOfText(path);
    seen.add(path);
    const segments = [...resolve(ou.parentPath, seen), ou.name];
    out.set(path, segments);
    return segments;
  };
  for (const ou of desired.ous) resolve(ou.path, new Set());
  return out;
}

/** Segments of every live parent (the root and each OU) by id, from the names along the parent chain. */
export function liveSegments(snapshot: Snapshot): ReadonlyMap<string, Segments> {
  const byId = new Map(snapshot.ous.map((ou) => [ou.id, ou]));
  const out = new Map<string, Segments>([[snapshot.root.id, []]]);
  const resolve = (id: string, seen: Set<string>): Segments => {
    const known = out.get(id);
    if (known) return known;
    const ou = byId.get(id);
    // A parent that is neither the root nor a listed OU cannot be placed; it matches no config path.
    if (!ou || seen.has(id)) return [`?${id}`];
    seen.add(id);
    const segments = [...resolve(ou.parentId, seen), ou.name];
    out.set(id, segments);
    return segments;
  };
  for (const ou of snapshot.ous) resolve(ou.id, new Set());
  return out;
}
