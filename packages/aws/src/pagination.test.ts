import { describe, expect, it } from 'vitest';
import { collectPages, pageSizeFor } from './pagination.ts';

describe('collectPages', () => {
  it('follows NextToken, including through empty pages', async () => {
    const pages = [
      { items: [1, 2], nextToken: 'a' },
      { items: [], nextToken: 'b' },
      { items: undefined, nextToken: 'c' },
      { items: [3], nextToken: undefined },
    ];
    const tokens: (string | undefined)[] = [];
    const all = await collectPages('Test', async (token) => {
      tokens.push(token);
      return pages[tokens.length - 1]!;
    });
    expect(all).toEqual([1, 2, 3]);
    expect(tokens).toEqual([undefined, 'a', 'b', 'c']);
  });

  it('treats an empty-string token as the end', async () => {
    let calls = 0;
    await collectPages('Test', async () => {
      calls++;
      return { items: [1], nextToken: '' };
    });
    expect(calls).toBe(1);
  });

  it('stops with an error when the service repeats a token', async () => {
    await expect(collectPages('ListThings', async () => ({ items: [1], nextToken: 'same' }))).rejects.toThrow(
      'ListThings: the service returned the same NextToken twice',
    );
  });
});

describe('pageSizeFor', () => {
  it('uses the service maximum unless lowered', () => {
    expect(pageSizeFor('organizations', undefined)).toBe(20);
    expect(pageSizeFor('sso-admin', undefined)).toBe(100);
    expect(pageSizeFor('identitystore', 2)).toBe(2);
    expect(pageSizeFor('organizations', 50)).toBe(20);
    expect(() => pageSizeFor('organizations', 0)).toThrow(/positive integer/);
  });
});
