import type { QuarantineEntry } from '@orgops/model';
import ts from 'typescript';

/** Which account to edit: where its builder was called, and what identifies it there. */
export interface AccountDefinition {
  readonly name: string;
  readonly email: string;
  readonly id?: string;
  /** Line (1-based) and column of the `account({...})` call, from the config's recorded site. */
  readonly line: number;
  readonly column: number;
}

export type EditResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean; readonly summary: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Records a quarantine in a config source file: in the object literal of the account's
 * `account({...})` call, sets `quarantine: { reason, at, by }` (replacing an older one) and
 * removes a `release`, which the new quarantine supersedes. Everything else is left byte for
 * byte. Pure: text in, text out.
 *
 * It edits only what it can prove is the account: a call on the recorded line whose first
 * argument is an object literal with the account's email (or id, or name) as a string literal.
 * Anything else (an account built by a helper function, a spread, a file changed since the config
 * was loaded) is refused with the reason, so the caller can tell the user what to add by hand.
 */
export function recordQuarantine(
  fileName: string,
  text: string,
  account: AccountDefinition,
  entry: Required<QuarantineEntry>,
): EditResult {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  if (parseErrors(source) > 0) return { ok: false, reason: `${fileName} does not parse as TypeScript` };
  const found = findAccountLiteral(source, account);
  if (!found.ok) return found;
  const literal = found.literal;

  const edits: { start: number; end: number; text: string }[] = [];
  const quarantineProp = property(literal, 'quarantine');
  const releaseProp = property(literal, 'release');
  const layout = layoutOf(source, literal, text);
  const rendered = renderEntry(entry, layout);

  if (quarantineProp) {
    const current = text.slice(quarantineProp.getStart(source), quarantineProp.getEnd());
    if (current === rendered && !releaseProp) {
      return { ok: true, text, changed: false, summary: `${account.name} already records this quarantine` };
    }
    edits.push({ start: quarantineProp.getStart(source), end: quarantineProp.getEnd(), text: rendered });
  }
  if (releaseProp) edits.push(removal(source, text, literal, releaseProp));
  if (!quarantineProp) {
    const kept = literal.properties.filter((p) => p !== releaseProp);
    edits.push(...insertion(source, text, literal, kept, rendered, layout));
  }

  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // The result must parse, and still hold exactly this account's entry: never write broken config.
  const check = ts.createSourceFile(fileName, out, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const again = findAccountLiteral(check, { ...account, line: lineOf(check, literal.getStart(source)) });
  if (parseErrors(check) > 0 || !again.ok || !property(again.literal, 'quarantine')) {
    return { ok: false, reason: `editing ${fileName} would not leave a well-formed account entry` };
  }
  const what = quarantineProp
    ? `replaced the quarantine entry of ${account.name}`
    : `added a quarantine entry to ${account.name}`;
  return {
    ok: true,
    text: out,
    changed: true,
    summary: `${what}${releaseProp ? ' and removed its release' : ''}`,
  };
}

/** The entry as TypeScript, laid out like the object it goes into. */
export function renderEntry(entry: Required<QuarantineEntry>, layout: Layout = DEFAULT_LAYOUT): string {
  const inner = layout.indent + layout.unit;
  return [
    'quarantine: {',
    `${inner}reason: ${stringLiteral(entry.reason)},`,
    `${inner}at: ${stringLiteral(entry.at)},`,
    `${inner}by: ${stringLiteral(entry.by)},`,
    `${layout.indent}}`,
  ].join('\n');
}

/**
 * A single-quoted string literal that evaluates to exactly `value`: backslashes, quotes, line
 * breaks and every other control or invisible formatting character are escaped, so a reason typed
 * on the command line cannot end the string, break the line or hide text in the reviewed diff.
 */
export function stringLiteral(value: string): string {
  const escaped = value.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point.
    /[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => {
      if (ch === '\\') return '\\\\';
      if (ch === "'") return "\\'";
      if (ch === '\n') return '\\n';
      if (ch === '\t') return '\\t';
      return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
    },
  );
  return `'${escaped}'`;
}

interface Layout {
  /** Indentation of the properties of the account's object literal. */
  readonly indent: string;
  /** One level of indentation. */
  readonly unit: string;
  /** The object literal has one property per line. */
  readonly multiline: boolean;
  /** Its last property is followed by a comma. */
  readonly trailingComma: boolean;
}

const DEFAULT_LAYOUT: Layout = { indent: '', unit: '  ', multiline: true, trailingComma: true };

type Found =
  | { readonly ok: true; readonly literal: ts.ObjectLiteralExpression }
  | { readonly ok: false; readonly reason: string };

function findAccountLiteral(source: ts.SourceFile, account: AccountDefinition): Found {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && lineOf(source, node.getStart(source)) === account.line) calls.push(node);
    else if (ts.isCallExpression(node) && lineOf(source, node.expression.getEnd()) === account.line)
      calls.push(node);
    node.forEachChild(visit);
  };
  visit(source);
  const candidates = calls.filter((c) => c.arguments[0] && ts.isObjectLiteralExpression(c.arguments[0]));
  if (candidates.length === 0) {
    return {
      ok: false,
      reason: `no call with an object literal is on line ${account.line} (the account is built another way there, or the file changed since the config was loaded)`,
    };
  }
  const mine = candidates.filter((c) => identifies(c.arguments[0] as ts.ObjectLiteralExpression, account));
  if (mine.length !== 1) {
    return {
      ok: false,
      reason:
        mine.length === 0
          ? `the object literal on line ${account.line} does not spell out ${account.name}'s email, id or name as a string`
          : `line ${account.line} defines more than one object that matches ${account.name}`,
    };
  }
  return { ok: true, literal: mine[0]!.arguments[0] as ts.ObjectLiteralExpression };
}

/** The literal names the account: its email (any case), id or name as a plain string value. */
function identifies(literal: ts.ObjectLiteralExpression, account: AccountDefinition): boolean {
  const value = (key: string): string | undefined => {
    const p = property(literal, key);
    return p && ts.isStringLiteralLike(p.initializer) ? p.initializer.text : undefined;
  };
  const email = value('email');
  if (email !== undefined) return email.toLowerCase() === account.email.toLowerCase();
  const id = value('id');
  if (id !== undefined) return id === account.id;
  return value('name') === account.name;
}

function property(literal: ts.ObjectLiteralExpression, key: string): ts.PropertyAssignment | undefined {
  return literal.properties.find(
    (p): p is ts.PropertyAssignment =>
      ts.isPropertyAssignment(p) &&
      (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
      p.name.text === key,
  );
}

function layoutOf(source: ts.SourceFile, literal: ts.ObjectLiteralExpression, text: string): Layout {
  const first = literal.properties[0];
  const last = literal.properties[literal.properties.length - 1];
  const callIndent = indentAt(text, literal.getStart(source));
  const multiline =
    first !== undefined && lineOf(source, first.getStart(source)) > lineOf(source, literal.getStart(source));
  const indent = multiline && first ? indentAt(text, first.getStart(source)) : `${callIndent}  `;
  const unit =
    indent.length > callIndent.length && indent.startsWith(callIndent)
      ? indent.slice(callIndent.length)
      : '  ';
  const trailingComma = last === undefined || literal.properties.hasTrailingComma || !multiline;
  return { indent, unit, multiline, trailingComma };
}

/** New property after the last kept one; a one-line object is laid out one property per line first. */
function insertion(
  source: ts.SourceFile,
  text: string,
  literal: ts.ObjectLiteralExpression,
  kept: readonly ts.ObjectLiteralElementLike[],
  rendered: string,
  layout: Layout,
): { start: number; end: number; text: string }[] {
  const { indent } = layout;
  const closing = literal.getEnd() - 1;
  if (!layout.multiline) {
    // Formatters keep an object expanded once its first property is on its own line.
    const props = kept.map((p) => `${indent}${text.slice(p.getStart(source), p.getEnd())},`);
    const callIndent = indent.slice(0, indent.length - layout.unit.length);
    return [
      {
        start: literal.getStart(source),
        end: literal.getEnd(),
        text: `{\n${[...props, `${indent}${rendered},`].join('\n')}\n${callIndent}}`,
      },
    ];
  }
  const last = kept[kept.length - 1];
  if (!last)
    return [
      {
        start: literal.getStart(source) + 1,
        end: literal.getStart(source) + 1,
        text: `\n${indent}${rendered},`,
      },
    ];
  // After the last property and its comma, if it has one.
  const afterLast = last.getEnd();
  const comma = text.slice(afterLast, closing).match(/^\s*,/);
  const at = comma ? afterLast + comma[0].length : afterLast;
  return [
    {
      start: at,
      end: at,
      text: `${comma ? '' : ','}\n${indent}${rendered}${layout.trailingComma ? ',' : ''}`,
    },
  ];
}

/** The property, its comma and its line, when it sits on lines of its own. */
function removal(
  source: ts.SourceFile,
  text: string,
  literal: ts.ObjectLiteralExpression,
  prop: ts.ObjectLiteralElementLike,
): { start: number; end: number; text: string } {
  let start = prop.getStart(source);
  let end = prop.getEnd();
  const comma = text.slice(end, literal.getEnd() - 1).match(/^\s*,/);
  if (comma) end += comma[0].length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (
    /^\s*$/.test(text.slice(lineStart, start)) &&
    lineEnd !== -1 &&
    /^\s*$/.test(text.slice(end, lineEnd))
  ) {
    start = lineStart;
    end = lineEnd + 1;
  }
  return { start, end, text: '' };
}

function indentAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

function parseErrors(source: ts.SourceFile): number {
  return (source as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}
