/**
 * OU paths as text. AWS allows any character in an OU name, `/` included, so a path is a list of
 * names; its text form escapes `\` and `/` inside each name. That keeps the text injective: a
 * top-level OU named `Prod/EU` is `/Prod\/EU`, never `/Prod/EU` (EU under Prod). `/` is the root.
 */
export const ROOT_PATH = '/';

/** One name as it appears in a path. */
export function escapeOuName(name: string): string {
  return name.replace(/\\/g, '\\\\').replace(/\//g, '\\/');
}

/** Path of the OU named `name` under `parent`. */
export function joinOuPath(parent: string, name: string): string {
  return parent === ROOT_PATH ? `/${escapeOuName(name)}` : `${parent}/${escapeOuName(name)}`;
}

/** Path of an OU given the names from the root down. */
export function ouPathOf(names: readonly string[]): string {
  return names.reduce(joinOuPath, ROOT_PATH);
}

/** The names from the root down: the inverse of {@link ouPathOf}. */
export function ouPathNames(path: string): string[] {
  if (path === ROOT_PATH) return [];
  const names: string[] = [];
  let current = '';
  // Skip the leading separator; a backslash takes the next character literally.
  for (let i = 1; i < path.length; i++) {
    const ch = path[i]!;
    if (ch === '\\' && i + 1 < path.length) {
      current += path[++i];
    } else if (ch === '/') {
      names.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  names.push(current);
  return names;
}

/** Levels under the root: 0 for the root, 1 for a top-level OU. */
export function ouPathDepth(path: string): number {
  return ouPathNames(path).length;
}

/** Path of the parent (`/` for a top-level OU and for the root). */
export function parentOuPath(path: string): string {
  return ouPathOf(ouPathNames(path).slice(0, -1));
}

/** Last name in the path (empty for the root). */
export function ouPathName(path: string): string {
  return ouPathNames(path).at(-1) ?? '';
}

/**
 * True when `path` is `ancestor` or lies below it. Text comparison is exact because separators
 * are never escaped and an escape never spans a name.
 */
export function isOuPathWithin(path: string, ancestor: string): boolean {
  return ancestor === ROOT_PATH || path === ancestor || path.startsWith(`${ancestor}/`);
}

/** The path itself and every ancestor below the root, shortest first: `/A`, `/A/B`, … */
export function ouPathLineage(path: string): string[] {
  const names = ouPathNames(path);
  return names.map((_, i) => ouPathOf(names.slice(0, i + 1)));
}
