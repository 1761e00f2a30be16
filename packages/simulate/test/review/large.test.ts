import { renderPlanMarkdown, withReview } from '@orgops/engine';
import type { SandboxBackend } from '@orgops/sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithSimulation, createReviewAnalyzer } from '../../src/index.ts';
import { appliedLargeSandbox, LARGE_ACCOUNTS, largeOrganization } from './large-org.ts';
import { planned } from './org.ts';

let sb: SandboxBackend;
beforeAll(async () => {
  sb = await appliedLargeSandbox();
}, 120_000);

const NOT_SIMULATED = /not fully simulated/;
/** An inline policy that lets ReadOnly's holders do anything in IAM: an escalation to review. */
const IAM_ANYTHING = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
};

describe('the review of a 1,000-account organization', () => {
  it('asks once per distinct chain, not once per account: 1,000 accounts fit in 100 simulated requests', async () => {
    const { desired, snapshot, changes } = await planned(
      sb,
      largeOrganization({
        readOnlyInline: IAM_ANYTHING,
        trailExempt: [
          'arn:aws:iam::*:role/break-glass',
          'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*',
        ],
      }),
    );
    const started = Date.now();
    const analysis = await analyzeWithSimulation({ changes, desired, snapshot }, { maxRequests: 100 });
    const elapsed = Date.now() - started;
    expect(analysis.risks.map((r) => `${r.level}:${r.code}`)).toEqual([
      'high:privilege-escalation',
      'high:guardrail-exemption-widened',
    ]);
    const readOnly = analysis.access.find((r) => r.permissionSet === 'ReadOnly');
    expect(readOnly?.possible).toEqual([
      `can now change IAM (iam:PutRolePolicy) in ${LARGE_ACCOUNTS - 1} accounts`,
      `can now rewrite customer managed policies (iam:CreatePolicyVersion) in ${LARGE_ACCOUNTS - 1} accounts`,
      `can now pass any role to a service (iam:PassRole) in ${LARGE_ACCOUNTS - 1} accounts`,
    ]);
    const effects = analysis.guardrails.flatMap((g) => g.items.flatMap((i) => i.effects ?? []));
    expect(effects).toEqual([
      `Admin (group platform-admins) can now cloudtrail:StopLogging in ${LARGE_ACCOUNTS - 2} accounts`,
    ]);
    expect([...(readOnly?.possible ?? []), ...effects].join('\n')).not.toMatch(NOT_SIMULATED);
    // A figure for the record (the bound above is what fails on a regression, not the clock).
    console.info(`review of ${LARGE_ACCOUNTS} accounts: ${elapsed} ms`);
  }, 120_000);

  it('renders within a pull-request comment, risks, access and the map of what changed kept', async () => {
    const { plan } = await planned(
      sb,
      largeOrganization({ trailExempt: ['arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*'] }),
    );
    const reviewed = await withReview(plan, createReviewAnalyzer());
    // GitHub's 65,536 characters, less what orgops github adds around the plan view.
    const maxChars = 64_000;
    const md = renderPlanMarkdown(reviewed, { maxChars });
    expect(md.length).toBeLessThanOrEqual(maxChars);
    expect(md).toContain('guardrail-exemption-widened');
    expect(md).toContain('can now cloudtrail:StopLogging in 998 accounts');
    expect(md).toContain('```mermaid');
    const map = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
    // Only the root changed: the map draws it, not the 44 OUs and 1,000 accounts below.
    expect(map).toContain('~ SCP protect-trail');
    expect(map.split('\n').filter((l) => l.includes('[')).length).toBe(1);
  }, 120_000);

  it('says what it did not simulate when the budget runs out, never that nothing is possible', async () => {
    const { desired, snapshot, changes } = await planned(
      sb,
      largeOrganization({
        readOnlyInline: IAM_ANYTHING,
      }),
    );
    const analysis = await analyzeWithSimulation({ changes, desired, snapshot }, { maxRequests: 1 });
    const readOnly = analysis.access.find((r) => r.permissionSet === 'ReadOnly');
    expect(readOnly?.possible?.at(-1)).toMatch(NOT_SIMULATED);
  }, 120_000);
});
