/** One line of a rendered value: `+` added, `-` removed, `~` changed, ` ` context or plain. */
export interface DiffLine {
  readonly mark: '+' | '-' | '~' | ' ';
  readonly text: string;
}

/** Pretty-prints JSON text with two-space indentation; text that is not JSON is split as it is. */
export function prettyLines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  try {
    return JSON.stringify(JSON.parse(text), null, 2).split('\n');
  } catch {
    return text.split('\n');
  }
}

/**
 * A compact unified diff: changed lines with `context` unchanged lines around them, and `...`
 * where a longer unchanged run is left out. Line matching is a longest common subsequence,
 * which is plenty for policy documents of a few hundred lines.
 */
export function unifiedDiff(before: readonly string[], after: readonly string[], context = 2): DiffLine[] {
  const ops = lcsDiff(before, after);
  const keep = ops.map((op) => op.mark !== ' ');
  const visible = ops.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true;
    return false;
  });
  const out: DiffLine[] = [];
  let skipped = false;
  ops.forEach((op, i) => {
    if (visible[i]) {
      if (skipped) out.push({ mark: ' ', text: '...' });
      skipped = false;
      out.push(op);
    } else {
      skipped = true;
    }
  });
  if (skipped && out.length > 0) out.push({ mark: ' ', text: '...' });
  return out;
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const lengths: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lengths[i]!;
    const next = lengths[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ mark: ' ', text: a[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      out.push({ mark: '-', text: a[i++]! });
    } else {
      out.push({ mark: '+', text: b[j++]! });
    }
  }
  while (i < n) out.push({ mark: '-', text: a[i++]! });
  while (j < m) out.push({ mark: '+', text: b[j++]! });
  return out;
}
