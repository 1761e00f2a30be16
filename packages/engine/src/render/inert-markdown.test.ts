import { describe, expect, it } from 'vitest';
import { mdCode, mdText } from './inert-markdown.ts';

/** Table-row parser good enough to count GFM cells: splits on pipes not escaped by a backslash. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
}

describe('mdCode', () => {
  it('sets mentions and references in a code span, where GitHub never processes them', () => {
    expect(mdCode('@org/team')).toBe('`@org/team`');
    expect(mdCode('#12')).toBe('`#12`');
    expect(mdCode('<img src=x onerror=alert(1)>')).toBe('`<img src=x onerror=alert(1)>`');
  });

  it('uses a fence longer than any backtick run, padding names that start or end with one', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('x``')).toBe('``` x`` ```');
    expect(mdCode(' spaced ')).toBe('`  spaced  `');
  });

  it('keeps a pipe inside its table cell and makes control characters visible', () => {
    const row = `| ${mdCode('a|b', { inTable: true })} | ${mdCode('next')} |`;
    expect(cells(row)).toHaveLength(2);
    expect(mdCode('line1\nline2\u001b[31m\u0007')).toBe('`line1\\nline2\\x1b[31m\\x07`');
    expect(mdCode('')).toBe('_(empty)_');
  });
});

describe('mdText', () => {
  it('puts any word that would mention, reference or link into a code span', () => {
    expect(mdText('group @org/admins gains Admin')).toBe('group `@org/admins` gains Admin');
    expect(mdText('closes #12 and GH-3')).toBe('closes `#12` and `GH-3`');
    expect(mdText('see https://evil.example and www.evil.example')).toBe(
      'see `https://evil.example` and `www.evil.example`',
    );
    expect(mdText('mail aws+app@example.com')).toBe('mail `aws+app@example.com`');
  });

  it('escapes emphasis, code, links, HTML, entities, math and pipes', () => {
    expect(mdText('a*b_c [x](y) <img> &amp; $x$ a|b ~~s~~ `t`')).toBe(
      'a\\*b\\_c \\[x\\](y) \\<img> \\&amp; \\$x\\$ a\\|b \\~\\~s\\~\\~ \\`t\\`',
    );
  });

  it('cannot start a heading, quote or list, and never breaks a line', () => {
    expect(mdText('# heading')).toBe('`#` heading');
    expect(mdText('> quote')).toBe('\\> quote');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. first')).toBe('1\\. first');
    expect(mdText('two\nlines\r\n| x |')).toBe('two\\\\nlines\\\\r\\\\n\\| x \\|');
  });

  it('shows backticks of adjacent cells literally, so they cannot pair across cells', () => {
    const row = `| ${mdText('evil`')} | ${mdText('`name')} |`;
    expect(row).toBe('| evil\\` | \\`name |');
    expect(cells(row)).toHaveLength(2);
  });
});
