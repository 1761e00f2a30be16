import { describe, expect, it } from 'vitest';
import { changesOf, type Plan } from '../plan.ts';
import { changesDigest } from '../plan-file/changes-digest.ts';
import { withRehearsal } from '../plan-file/seal.ts';
import type { PlanRehearsal, RehearsalRefusal } from '../rehearsal.ts';
import { representativePlan } from './fixtures.test-support.ts';
import { renderPlanMarkdown } from './markdown.ts';
import { rawHtmlTags, scannedText, toHtml } from './markdown-html.test-support.ts';
import { rehearsalHeadline } from './rehearsal.ts';
import { renderPlanText } from './text.ts';

const REFUSAL: RehearsalRefusal = {
  phase: 'attachments',
  address: 'attachment/SERVICE_CONTROL_POLICY/deny-root-user@/Workloads',
  action: 'attach',
  operation: 'organizations:AttachPolicy',
  code: 'ConstraintViolationException',
  reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
  message: 'ou-w already has 10 SERVICE_CONTROL_POLICY attached; the maximum is 10.',
  fix: 'Attach at most 10 SCPs to one target.',
};

function rehearsed(over: Partial<PlanRehearsal>, plan: Plan = representativePlan()): Plan {
  return withRehearsal(plan, {
    changesDigest: changesDigest(changesOf(plan)),
    outcome: 'converges',
    applied: changesOf(plan).length,
    skipped: 0,
    notRehearsed: 0,
    refusals: [],
    leftOver: [],
    assumptions: [],
    ...over,
  });
}

/** The lines of a view from its first line to the first blank line after `from`. */
function block(view: string, from: string): string {
  const lines = view.split('\n');
  const start = lines.findIndex((l) => l.includes(from));
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines.slice(start, end).join('\n');
}

describe('the rehearsal in the views', () => {
  it('says "rehearsed: N changes applied, converges" when everything applied and a second plan is empty', () => {
    const plan = rehearsed({ assumptions: ['Account quota 50, as read from Service Quotas.'] });
    expect(rehearsalHeadline(plan)).toBe('rehearsed: 14 changes applied, converges');
    expect(block(renderPlanText(plan), 'rehearsed:')).toMatchInlineSnapshot(`
      "✓ rehearsed: 14 changes applied, converges
        assumed: Account quota 50, as read from Service Quotas."
    `);
    const md = renderPlanMarkdown(plan);
    expect(md.split('\n').slice(2, 4).join('\n')).toMatchInlineSnapshot(`
      "✅ **Rehearsed: 14 changes applied, converges.** The twin is an in-memory copy of what the plan read, with AWS’s rules; no AWS call was made.
      "
    `);
    expect(md).toContain('<summary>What the twin assumed (1)</summary>');
  });

  it('puts each refusal, with AWS’s error code and the fix, at the top as a blocking problem', () => {
    const plan = rehearsed({ outcome: 'refused', applied: 4, notRehearsed: 2, refusals: [REFUSAL] });
    const text = renderPlanText(plan);
    expect(block(text, 'rehearsal blocked')).toMatchInlineSnapshot(`
      "✗ rehearsal blocked: AWS would refuse 1 of 14 changes (4 applied, 2 not rehearsed because they depend on one)
        ✗ attach attachment/SERVICE_CONTROL_POLICY/deny-root-user@/Workloads
            organizations:AttachPolicy: ConstraintViolationException (MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED): ou-w already has 10 SERVICE_CONTROL_POLICY attached; the maximum is 10.
            fix: Attach at most 10 SCPs to one target.
        The twin is an in-memory copy of what the plan read, with AWS’s rules; no AWS call was made."
    `);
    // Before the changes: the first thing after the header.
    expect(text.indexOf('rehearsal blocked')).toBeLessThan(text.indexOf('Create and update OUs'));

    const md = renderPlanMarkdown(plan);
    expect(block(md, '[!CAUTION]')).toMatchInlineSnapshot(`
      "> [!CAUTION]
      > **Rehearsal blocked: AWS would refuse 1 of 14 changes (4 applied, 2 not rehearsed because they depend on one).** Applying this plan would fail part way: fix the config so the plan avoids each refusal below. The twin is an in-memory copy of what the plan read, with AWS’s rules; no AWS call was made."
    `);
    expect(md).toContain(
      '- ❌ `attachment/SERVICE_CONTROL_POLICY/deny-root-user@/Workloads` (attach): organizations:AttachPolicy: ConstraintViolationException (MAX\\_POLICY\\_TYPE\\_ATTACHMENT\\_LIMIT\\_EXCEEDED): ou-w already has 10 SERVICE\\_CONTROL\\_POLICY attached; the maximum is 10. **Fix:** Attach at most 10 SCPs to one target.',
    );
    expect(md.indexOf('[!CAUTION]')).toBeLessThan(md.indexOf('**Plan:'));
  });

  it('reports a plan that does not converge the same way, with what is left over', () => {
    const plan = rehearsed({
      outcome: 'does-not-converge',
      leftOver: [
        { address: 'ou/Workloads', action: 'update' },
        { address: 'accounts[app]', action: 'refused', message: 'account-quota: no room' },
      ],
    });
    expect(block(renderPlanText(plan), 'rehearsal blocked')).toMatchInlineSnapshot(`
      "✗ rehearsal blocked: 14 changes applied, but the plan does not converge: planning again against the result still finds 2 differences
        ! ou/Workloads: planning again still wants to update it
        ! accounts[app]: planning again refuses: account-quota: no room
        The twin is an in-memory copy of what the plan read, with AWS’s rules; no AWS call was made."
    `);
    expect(renderPlanMarkdown(plan)).toContain('- ⚠️ `ou/Workloads`: planning again still wants to update it');
  });

  it('keeps names from the organization inert, and a long list of refusals within the comment limit', () => {
    const hostile: RehearsalRefusal = {
      ...REFUSAL,
      address: 'ou/@org/admins closes #12 <img src=x>',
      message: 'OU @org/admins is not empty\u001b[31m',
    };
    const many = Array.from({ length: 3000 }, () => hostile);
    const plan = rehearsed({ outcome: 'refused', applied: 0, refusals: many });
    const md = renderPlanMarkdown(plan, { maxChars: 60_000 });
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toContain('[!CAUTION]');
    expect(md).toMatch(/… and \d+ more refusals: the full review lists them\./);
    const html = toHtml(md);
    expect(rawHtmlTags(html)).toEqual([]);
    expect(scannedText(html)).not.toMatch(/@org\/admins|#12/);
    expect(renderPlanText(plan)).not.toContain('\u001b[31m');
  });

  it('shows nothing about a rehearsal when none ran', () => {
    const plan = representativePlan();
    expect(rehearsalHeadline(plan)).toBeUndefined();
    expect(renderPlanText(plan)).not.toMatch(/rehears/);
    expect(renderPlanMarkdown(plan)).not.toMatch(/rehears/i);
  });
});
