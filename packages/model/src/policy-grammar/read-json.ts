/** A policy's content as data: the object itself, or JSON text parsed. */
export type ReadJson =
  | { readonly ok: true; readonly value: unknown; readonly duplicateKeys: readonly DuplicateKey[] }
  | { readonly ok: false; readonly error: string };

export interface DuplicateKey {
  /** Path of the object holding the key twice. */
  readonly at: readonly (string | number)[];
  readonly key: string;
}

/**
 * Reads policy content. Text is parsed, and keys that appear twice in one object are reported:
 * AWS rejects them ("Individual elements must not contain multiple instances of the same key"),
 * while `JSON.parse` would silently keep the last one and orgops would send something else than
 * what was written.
 */
export function readJson(content: unknown): ReadJson {
  if (typeof content !== 'string') return { ok: true, value: content, duplicateKeys: [] };
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  return { ok: true, value, duplicateKeys: findDuplicateKeys(content) };
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly at: readonly (string | number)[];
  readonly keys: Set<string>;
  /** Object: the key whose value comes next. Array: the index of the next element. */
  pendingKey?: string;
  index: number;
}

/** Scans text that `JSON.parse` accepted, so it only has to follow structure, not validate it. */
function findDuplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const childAt = (): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.kind === 'object' ? [...top.at, top.pendingKey ?? ''] : [...top.at, top.index];
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      let raw = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          raw += text.slice(j, j + 2);
          j += 2;
        } else {
          raw += text[j];
          j += 1;
        }
      }
      const str = JSON.parse(`"${raw}"`) as string;
      i = j + 1;
      const top = stack[stack.length - 1];
      let k = i;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if (top?.kind === 'object' && text[k] === ':') {
        if (top.keys.has(str)) out.push({ at: top.at, key: str });
        top.keys.add(str);
        top.pendingKey = str;
        i = k + 1;
      }
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push({ kind: ch === '{' ? 'object' : 'array', at: childAt(), keys: new Set(), index: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index += 1;
    }
    i += 1;
  }
  return out;
}
