import { describe, expect, it } from 'vitest';
import { emptyPlan, representativePlan } from './fixtures.test-support.ts';
import { renderPlanMarkdown } from './markdown.ts';
import type { ReviewFinding } from './review-findings.ts';

const FINDINGS: ReviewFinding[] = [
  {
    rule: 'assignment-to-user',
    severity: 'warning',
    message: 'Permission set "ReadOnly" is assigned directly to user "alice".',
    location: 'accounts/src/assignments.ts:30',
  },
  {
    rule: 'unknown-action',
    severity: 'error',
    message: 'SCP protect-trail: "cloudtrail:StopLoging" is not an action of its service.',
    location: 'policies/src/service-control-policies.ts:12',
  },
  {
    rule: 'admin-in-sensitive-account',
    severity: 'warning',
    message: 'group platform holds admin-equivalent Admin in production (payments-prod) accounts.',
    waived: { reason: 'on call repairs production, SEC-142' },
  },
];

describe('the review\'s "Lint findings" section', () => {
  it('lists open findings most severe first, then waived ones with their reasons', () => {
    const md = renderPlanMarkdown(representativePlan(), { lint: FINDINGS });
    const section = md.slice(md.indexOf('### Lint findings'), md.indexOf('### Warnings'));
    expect(section).toMatchInlineSnapshot(`
      "### Lint findings

      1 error, 1 warning; 1 waived. \`orgops lint\` lists them with their fixes.

      - 🔴 **Error** SCP protect-trail: "cloudtrail:StopLoging" is not an action of its service. (\`policies/src/service-control-policies.ts:12\`) \`unknown-action\`
      - 🟠 **Warning** Permission set "ReadOnly" is assigned directly to user "alice". (\`accounts/src/assignments.ts:30\`) \`assignment-to-user\`
      - ☑️ waived: group platform holds admin-equivalent Admin in production (payments-prod) accounts. \`admin-in-sensitive-account\`, reason: on call repairs production, SEC-142

      "
    `);
    expect(md.indexOf('### Guardrail changes')).toBeLessThan(md.indexOf('### Lint findings'));
  });

  it('shows lint findings with no changes, says so when there are none, and leaves the section out when lint did not run', () => {
    expect(renderPlanMarkdown(emptyPlan(), { lint: FINDINGS })).toContain('### Lint findings');
    expect(renderPlanMarkdown(emptyPlan(), { lint: [] })).toContain('No lint findings.');
    expect(renderPlanMarkdown(representativePlan())).not.toContain('Lint findings');
  });

  it('keeps names inert and stays within the comment budget with thousands of findings', () => {
    const evil: ReviewFinding = {
      rule: 'assignment-to-user',
      severity: 'warning',
      message: 'user @org/admins #12 <img src=x> is assigned',
    };
    const md = renderPlanMarkdown(emptyPlan(), { lint: [evil] });
    expect(md).toContain('user `@org/admins` `#12` \\<img src=x> is assigned');
    const many = Array.from(
      { length: 5000 },
      (_, i) => ({ ...FINDINGS[0], message: `finding ${i}` }) as ReviewFinding,
    );
    const capped = renderPlanMarkdown(representativePlan(), { lint: many, maxChars: 65_000 });
    expect(capped.length).toBeLessThanOrEqual(65_000);
    expect(capped).toMatch(/_… and \d+ more findings: the full review lists them._/);
    expect(capped).toContain('### Risks');
  });
});
