import { type FakeGitHub, startFakeGitHub } from '@orgops/testkit/github-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARS, REVIEW_MARKER, STEP_SUMMARY_MAX_BYTES } from '../src/index.ts';
import { stopPipeline } from './applied.ts';
import { orgConfig } from './configs.ts';
import { createPipeline, desiredOf, type Pipeline, sha } from './host.ts';

let fake: FakeGitHub;
let pipe: Pipeline;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(() => stopPipeline(fake, pipe));

describe('review size and inert names', () => {
  it('fits a 3,000-account plan in one comment, keeping summary, risks and access, pointing to the summary and artifact', async () => {
    const accounts = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [
        `acct-${String(i).padStart(4, '0')}`,
        `aws+acct-${i}@example.com`,
      ]),
    );
    // An organization this size has had its account quota raised (AWS's default is 10).
    pipe = createPipeline(fake, desiredOf(orgConfig({ accounts, readers: 'developers' })), {
      accountQuota: 3001,
    });
    const { code } = await pipe.planJob(5, sha('big'));
    expect(code).toBe(0);
    const body = fake.repo.commentsOn(5).find((c) => c.body.includes(REVIEW_MARKER))?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body).toContain('**Plan: 6002 to create.**');
    expect(body).toContain('### Risks');
    expect(body).toContain('| group `developers` | `ReadOnly` | **3000 accounts**');
    expect(body).toContain('(truncated)');
    expect(body).toMatch(
      /The full review is in the job summary of \[the plan run\]\(.*\); the plan is its artifact `orgops-review-1`/,
    );
    const summary = pipe.summary();
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(summary.length).toBeGreaterThan(body.length);
  }, 120_000);

  it('never lets organization names mention, reference or break the comment', async () => {
    pipe = createPipeline(
      fake,
      desiredOf(orgConfig({ ous: ['@acme closes #12 | <img src=x> `x`'], readers: 'developers' })),
    );
    await pipe.planJob(6, sha('names'));
    const body = fake.repo.commentsOn(6).find((c) => c.body.includes(REVIEW_MARKER))?.body ?? '';
    const prose = body
      .replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/(`+)(?:(?!\1)[\s\S])+?\1/g, '');
    expect(body).toContain('@acme closes #12');
    expect(prose).not.toContain('@acme');
    expect(prose).not.toContain('#12');
    expect(prose).not.toContain('<img');
  });
});
