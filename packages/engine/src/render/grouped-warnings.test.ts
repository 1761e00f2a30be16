import type { Diagnostic } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { representativePlan } from './fixtures.test-support.ts';
import { renderPlanMarkdown } from './markdown.ts';
import { renderPlanText } from './text.ts';

const renamed = (i: number): Diagnostic => ({
  severity: 'warning',
  code: 'account-name-differs',
  message: `account ${i} is called app-${i} in AWS`,
  path: `accounts[app-${i}].name`,
  fix: 'rename it in the config or in AWS',
});
const plan = representativePlan({ warnings: Array.from({ length: 40 }, (_, i) => renamed(i)) });

describe('repeated plan warnings', () => {
  it('show once in the terminal view, as a group with two examples', () => {
    const text = renderPlanText(plan, { color: false });
    expect(text).toContain('! 40 accounts named differently in AWS, e.g.: [account-name-differs]');
    expect(text).toContain('account 0 is called app-0 in AWS');
    expect(text).toContain('account 1 is called app-1 in AWS');
    expect(text).not.toContain('account 2 is called');
    expect(text).toContain('…and 38 more (--format json lists every one)');
  });

  it('show once in the markdown view', () => {
    const md = renderPlanMarkdown(plan, {});
    expect(md).toContain('- ⚠️ 40 accounts named differently in AWS, e.g.: `account-name-differs`');
    expect(md.match(/is called app-/g)).toHaveLength(2);
    expect(md).toContain('  - …and 38 more (the JSON plan lists every one)');
  });
});
