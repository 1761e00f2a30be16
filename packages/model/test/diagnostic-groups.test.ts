import { describe, expect, it } from 'vitest';
import { type Diagnostic, diagnostic, groupRepeated } from '../src/index.ts';

const warn = (code: string, path: string): Diagnostic =>
  diagnostic('warning', code, { message: `${code} at ${path}`, path, fix: 'fix it' });
const err = (code: string, path: string): Diagnostic =>
  diagnostic('error', code, { message: `${code} at ${path}`, path, fix: 'fix it' });

describe('groupRepeated', () => {
  it('groups a warning repeated more than three times where it first appears, with two examples', () => {
    const tags = Array.from({ length: 60 }, (_, i) =>
      warn('assignment-tag-matches-nothing', `assignments[${i}]`),
    );
    const entries = groupRepeated([warn('other', 'a'), ...tags, warn('other', 'b')]);
    expect(entries.map((e) => (e.kind === 'one' ? e.diagnostic.path : e.summary))).toEqual([
      'a',
      '60 tag targets that match no account',
      'b',
    ]);
    const group = entries[1]!;
    expect(group.kind === 'group' && group.examples.map((d) => d.path)).toEqual([
      'assignments[0]',
      'assignments[1]',
    ]);
    expect(group.kind === 'group' && group.count).toBe(60);
  });

  it('keeps three of a kind apart, and never groups errors', () => {
    const three = [warn('x', '1'), warn('x', '2'), warn('x', '3')];
    expect(groupRepeated(three).every((e) => e.kind === 'one')).toBe(true);
    const errors = Array.from({ length: 10 }, (_, i) => err('account-email', String(i)));
    expect(groupRepeated(errors)).toHaveLength(10);
  });

  it('names planner warnings and unknown codes too', () => {
    const renamed = Array.from({ length: 5 }, (_, i) => warn('account-name-differs', String(i)));
    expect(groupRepeated(renamed)[0]).toMatchObject({ summary: '5 accounts named differently in AWS' });
    const unknown = Array.from({ length: 4 }, (_, i) => warn('made-up', String(i)));
    expect(groupRepeated(unknown)[0]).toMatchObject({ summary: '4 made-up warnings' });
    expect(groupRepeated(unknown, { after: 4 })).toHaveLength(4);
  });
});
