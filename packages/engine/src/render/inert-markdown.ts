import { escapeControls } from './safe-text.ts';

/**
 * Markdown that stays data. GitHub turns `@user` and `@org/team` into mentions that notify
 * people, `#12` and `GH-12` into issue links (and "closes #12" into a closing reference), bare
 * URLs into links, `$…$` into math, and HTML into elements; inside a table a `|` starts a new
 * cell and a newline ends the row. Organization data may contain any of these, so every name
 * goes through this module: as a code span where it stands alone, as escaped prose inside a
 * message. Mentions and references are never processed inside code spans.
 */

/** Tokens GitHub would turn into a mention, a reference or a link. */
const ACTIVE_TOKEN = /[@#]|:\/\/|^www\.|^gh-\d/i;
/** Punctuation with inline meaning: emphasis, code, links, HTML, entities, math, tables. */
const INLINE_SPECIAL = /[\\`*_[\]<|~$&]/g;
/** What would start a block (heading, quote, list) at the start of a list item or cell. */
const BLOCK_START = /^(?:[#>+=-]|(\d+)([.)]))/;

/**
 * Prose that may contain organization data: a risk message, a drift description. Markdown
 * punctuation is backslash-escaped, control characters are made visible, and any word that
 * would mention, reference or link is set in a code span. Safe inside table cells.
 *
 * @example
 * mdText('group @org/admins gains Admin') // 'group `@org/admins` gains Admin'
 */
export function mdText(text: string): string {
  const visible = escapeControls(text);
  return visible
    .split(/( +)/)
    .map((part, i) => {
      if (part === '' || part.startsWith(' ')) return part;
      const escaped = ACTIVE_TOKEN.test(part) ? activeWord(part) : escapeInline(part);
      return i === 0 && !escaped.startsWith('`')
        ? escaped.replace(BLOCK_START, (m, digits, delimiter) =>
            digits ? `${digits}\\${delimiter}` : `\\${m}`,
          )
        : escaped;
    })
    .join('');
}

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** `(aws+a@example.com),` -> `(` + code span + `),`: brackets and punctuation stay prose. */
function activeWord(word: string): string {
  const match = /^([("'[]*)(.*?)([)"'\].,;:!?]*)$/.exec(word);
  const [, open = '', core = word, close = ''] = match ?? [];
  if (!ACTIVE_TOKEN.test(core)) return escapeInline(word);
  return `${escapeInline(open)}${mdCode(core, { inTable: true })}${escapeInline(close)}`;
}

export interface CodeOptions {
  /** Inside a GFM table a pipe ends the cell even in a code span; escape it there. */
  readonly inTable?: boolean;
}

/**
 * A name as an inline code span: shown verbatim, never a mention, reference, link or HTML. The
 * fence is longer than any backtick run in the text, so backticks in a name cannot close it
 * early or pair with a backtick in another cell.
 *
 * @example
 * mdCode('@org/team') // '`@org/team`'
 * mdCode('a`b')       // '``a`b``'
 */
export function mdCode(text: string, options: CodeOptions = {}): string {
  let body = escapeControls(text);
  if (body === '') return '_(empty)_';
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A code span strips one space from each end when both have one; pad so nothing is lost and a
  // leading or trailing backtick cannot merge with the fence.
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
