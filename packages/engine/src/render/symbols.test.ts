import { describe, expect, it } from 'vitest';
import { ACCOUNTS, attachment } from '../testing/index.ts';
import { legendEntries, summaryLine } from './symbols.ts';

describe('symbols', () => {
  it('summarises counts by action in a fixed order', () => {
    const changes = [
      attachment('detach', 'a', { kind: 'root' }),
      attachment('attach', 'b', { kind: 'root' }),
      attachment('attach', 'c', { kind: 'account', account: ACCOUNTS.dev }),
    ];
    expect(summaryLine(changes)).toBe('Plan: 2 to attach, 1 to detach.');
    expect(summaryLine([])).toBe('No changes. The organization matches the config.');
  });

  it('lists each used symbol once in the legend, and nothing unused', () => {
    const changes = [
      attachment('attach', 'b', { kind: 'root' }),
      attachment('attach', 'c', { kind: 'root' }),
    ];
    expect(legendEntries(changes)).toEqual([{ symbol: '+a', meaning: 'attach policy', tone: 'add' }]);
    expect(legendEntries([])).toEqual([]);
  });
});
