/**
 * The candidate the user most likely meant: equal ignoring case, or within edit distance 2.
 * Used for "did you mean …?" in diagnostics (misspelt config keys, policy elements, operators).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of candidates) {
    const d = key.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, key);
    if (d <= 2 && (!best || d < best.distance)) best = { key, distance: d };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}
