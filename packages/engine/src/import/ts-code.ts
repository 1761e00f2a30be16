/**
 * A tiny TypeScript expression tree and printer for generated config: values stay on one line when
 * they fit in the line width and break one level at a time otherwise, with trailing commas and a
 * hugged last argument the way Biome formats the repository.
 */
export type Code =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'object'; readonly entries: readonly ObjectEntry[]; readonly breakAlways?: boolean }
  | { readonly kind: 'array'; readonly items: readonly Code[]; readonly breakAlways?: boolean }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Code[] }
  | { readonly kind: 'suffix'; readonly code: Code; readonly suffix: string };

/** A property (`key: value`) or, with `key: null`, a spread (`...value`). */
export interface ObjectEntry {
  readonly key: string | null;
  readonly value: Code;
}

export const LINE_WIDTH = 110;
const INDENT = '  ';

export const raw = (text: string): Code => ({ kind: 'raw', text });
export const str = (value: string): Code => raw(quote(value));
export const call = (callee: string, ...args: Code[]): Code => ({ kind: 'call', callee, args });
export const arr = (items: readonly Code[], breakAlways = false): Code => ({
  kind: 'array',
  items,
  breakAlways,
});
export const suffix = (code: Code, text: string): Code => ({ kind: 'suffix', code, suffix: text });

/** An object literal from `[key, value]` pairs; pairs whose value is `undefined` are left out. */
export function obj(
  pairs: readonly (readonly [string | null, Code | undefined])[],
  breakAlways = false,
): Code {
  const entries: ObjectEntry[] = [];
  for (const [key, value] of pairs) if (value !== undefined) entries.push({ key, value });
  return { kind: 'object', entries, breakAlways };
}

/** Tags as an object literal, or `undefined` when there are none (so the property is omitted). */
export function tagsCode(tags: Readonly<Record<string, string>>): Code | undefined {
  const keys = Object.keys(tags).sort();
  return keys.length ? obj(keys.map((k) => [k, str(tags[k]!)])) : undefined;
}

/**
 * JSON data (as parsed by `JSON.parse`) as a literal with the source's key order. `breakDepth`
 * forces objects down to that depth onto separate lines, so a policy document never collapses into
 * one line (the formatter keeps an object broken once it is; arrays it re-flows, so they are not forced).
 */
export function jsonCode(value: unknown, breakDepth = 0): Code {
  if (value === null || typeof value === 'boolean' || typeof value === 'number')
    return raw(JSON.stringify(value));
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) return arr(value.map((v) => jsonCode(v, breakDepth - 1)));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return obj(
      entries.map(([k, v]) => [k, jsonCode(v, breakDepth - 1)]),
      breakDepth > 0 && entries.length > 0,
    );
  }
  throw new TypeError(`Not JSON data: ${typeof value}`);
}

/**
 * A string literal, single-quoted unless the text has single quotes and no double ones (the
 * formatter's choice), escaping everything that could break or hide in the source.
 */
export function quote(value: string): string {
  const q = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters to escape is the point
    /[\\'"\u0000-\u001f\u007f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (ch) =>
      ch === '"' || ch === "'"
        ? ch === q
          ? `\\${ch}`
          : ch
        : (ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  return `${q}${escaped}${q}`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A property key: bare when it is an identifier; `__proto__` computed so it stays an own property. */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `['__proto__']`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
}

/** `{ root }` rather than `{ root: root }`. */
function isShorthand(e: ObjectEntry): boolean {
  return (
    e.key !== null && e.value.kind === 'raw' && e.value.text === e.key && /^[A-Za-z_$][\w$]*$/.test(e.key)
  );
}

function entryPrefix(e: ObjectEntry): string {
  if (e.key === null) return '...';
  return isShorthand(e) ? '' : `${propertyKey(e.key)}: `;
}

/** The one-line form, or `undefined` when the code must break. */
function flat(code: Code): string | undefined {
  switch (code.kind) {
    case 'raw':
      return code.text.includes('\n') ? undefined : code.text;
    case 'suffix': {
      const inner = flat(code.code);
      return inner === undefined ? undefined : inner + code.suffix;
    }
    case 'object': {
      if (code.breakAlways) return undefined;
      if (!code.entries.length) return '{}';
      const parts = code.entries.map((e) => {
        const v = flat(e.value);
        return v === undefined ? undefined : `${entryPrefix(e)}${v}`;
      });
      return parts.every((p) => p !== undefined) ? `{ ${parts.join(', ')} }` : undefined;
    }
    case 'array': {
      if (code.breakAlways) return undefined;
      const parts = code.items.map(flat);
      return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
    }
    case 'call': {
      const parts = code.args.map(flat);
      return parts.every((p) => p !== undefined) ? `${code.callee}(${parts.join(', ')})` : undefined;
    }
  }
}

/**
 * Prints `code` whose first line starts at `column` (after a prefix such as `key: `), with later
 * lines indented by `depth` levels; `trailer` is the number of characters that follow it (`,` `;`).
 */
export function print(code: Code, depth = 0, column = 0, trailer = 1): string {
  const oneLine = flat(code);
  if (oneLine !== undefined && column + oneLine.length + trailer <= LINE_WIDTH) return oneLine;
  const pad = INDENT.repeat(depth);
  const inner = INDENT.repeat(depth + 1);
  switch (code.kind) {
    case 'raw':
      return code.text;
    case 'suffix':
      return print(code.code, depth, column, trailer + code.suffix.length) + code.suffix;
    case 'object': {
      if (!code.entries.length) return '{}';
      const lines = code.entries.map((e) => {
        if (isShorthand(e)) return `${inner}${e.key},`;
        const prefix = entryPrefix(e);
        return `${inner}${prefix}${print(e.value, depth + 1, inner.length + prefix.length)},`;
      });
      return `{\n${lines.join('\n')}\n${pad}}`;
    }
    case 'array': {
      if (!code.items.length) return '[]';
      const lines = code.items.map((item) => `${inner}${print(item, depth + 1, inner.length)},`);
      return `[\n${lines.join('\n')}\n${pad}]`;
    }
    case 'call': {
      const head = code.args.slice(0, -1).map(flat);
      const last = code.args[code.args.length - 1];
      if (last && (last.kind === 'object' || last.kind === 'array') && head.every((h) => h !== undefined)) {
        const start = `${code.callee}(${head.map((h) => `${h}, `).join('')}`;
        if (column + start.length <= LINE_WIDTH)
          return `${start}${print(last, depth, column + start.length, trailer + 1)})`;
      }
      const lines = code.args.map((arg) => `${inner}${print(arg, depth + 1, inner.length)},`);
      return `${code.callee}(\n${lines.join('\n')}\n${pad})`;
    }
  }
}
