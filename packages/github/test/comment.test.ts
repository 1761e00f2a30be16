import { type FakeGitHub, startFakeGitHub } from '@orgops/testkit/github-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_MARKER } from '../src/index.ts';
import { stopPipeline } from './applied.ts';
import { orgConfig } from './configs.ts';
import { createPipeline, desiredOf, type Pipeline, sha } from './host.ts';

let fake: FakeGitHub;
let pipe: Pipeline;
beforeEach(async () => {
  fake = await startFakeGitHub();
  pipe = createPipeline(fake, desiredOf(orgConfig({ ous: ['Sandbox'] })));
});
afterEach(() => stopPipeline(fake, pipe));

describe('orgops github comment', () => {
  it('creates one review comment, then edits it in place, finding it across pages of comments', async () => {
    fake.repo.pulls.push({
      number: 7,
      headSha: sha('a'),
      baseRef: 'main',
      mergedAt: null,
      mergeCommitSha: null,
    });
    // A busy pull request: 250 comments by people before orgops first comments.
    for (let i = 0; i < 250; i++) {
      const now = fake.repo.now();
      fake.repo.comments.push({
        id: fake.repo.id(),
        issueNumber: 7,
        body: `looks good ${i}`,
        user: { login: 'alice', type: 'User' },
        createdAt: now,
        updatedAt: now,
      });
    }
    const first = await pipe.planJob(7, sha('a'));
    expect(first.code).toBe(0);
    const mine = () => fake.repo.commentsOn(7).filter((c) => c.body.includes(REVIEW_MARKER));
    expect(mine()).toHaveLength(1);
    const id = mine()[0]?.id;

    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox', 'Suspended'] }));
    const second = await pipe.planJob(7, sha('b'));
    expect(second.code).toBe(0);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]?.id).toBe(id);
    expect(mine()[0]?.body).toContain('Suspended');
    // Three pages of 100 were read to find it; one create and one edit were written.
    expect(fake.repo.count('GET', /\/issues\/7\/comments/)).toBeGreaterThanOrEqual(6);
    expect(fake.repo.count('POST', /\/issues\/7\/comments/)).toBe(1);
    expect(fake.repo.count('PATCH', /\/issues\/comments\//)).toBe(1);
  });

  it('names the organization, the planned commit and the changes digest, and writes the full review to the job summary', async () => {
    const { run } = await pipe.planJob(3, sha('head3'));
    const body = fake.repo.commentsOn(3)[0]?.body ?? '';
    const plan = await pipe.makePlan();
    expect(body).toContain(`organization \`${plan.target.organizationId}\``);
    expect(body).toContain(`commit \`${sha('head3').slice(0, 12)}\``);
    expect(body).toMatch(/Changes digest `[0-9a-f]{64}`/);
    expect(body).toContain(`actions/runs/${run.id}`);
    expect(body.indexOf('### Risks')).toBeLessThan(body.indexOf('<details>'));
    expect(pipe.summary()).toContain('### Access changes');
  });

  it('retries after a secondary rate limit instead of failing', async () => {
    const throttled = createPipeline(fake, desiredOf(orgConfig()), { throttle: true });
    fake.failNext('POST', /\/issues\/\d+\/comments$/, 403, { 'retry-after': '1' });
    const { code } = await throttled.planJob(4, sha('rl'));
    throttled.cleanup();
    expect(code).toBe(0);
    expect(fake.repo.count('POST', /\/issues\/4\/comments/)).toBe(2);
    expect(fake.repo.commentsOn(4)).toHaveLength(1);
  });

  it('shows the rehearsal at the top of a rehearsed plan’s review, and says so when a plan was not rehearsed', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'], accounts: { app: 'app@example.com' } }));
    const plain = await pipe.planJob(5, sha('plain'));
    expect(plain.code).toBe(0);
    expect(fake.repo.commentsOn(5)[0]?.body).toContain('> ⚠️ **Not rehearsed**');

    const rehearsed = await pipe.planJob(5, sha('rehearsed'), { rehearse: {} });
    expect(rehearsed.code).toBe(0);
    const body = fake.repo.commentsOn(5)[0]?.body ?? '';
    expect(body).not.toContain('Not rehearsed');
    expect(body).toMatch(/✅ \*\*Rehearsed: \d+ changes applied, converges\.\*\*/);
    expect(body.indexOf('Rehearsed:')).toBeLessThan(body.indexOf('### Risks'));
    expect(pipe.summary()).toContain('Rehearsed:');
  });

  it('fails the plan run (exit 3) after posting a review whose rehearsal blocks the plan, and apply then refuses it', async () => {
    // The sandbox seed holds one account; a twin told a quota of 1 refuses the new one.
    pipe.desired = desiredOf(orgConfig({ accounts: { app: 'app@example.com' } }));
    const { code, run } = await pipe.planJob(6, sha('blocked'), { rehearse: { maxAccounts: 1 } });
    expect(code).toBe(3);
    expect(run.conclusion).toBe('failure');
    const body = fake.repo.commentsOn(6)[0]?.body ?? '';
    expect(body).toContain('> [!CAUTION]');
    expect(body).toContain('**Rehearsal blocked: AWS would refuse 1 of');
    expect(body).toContain(
      '`account/app@example.com` (create): organizations:CreateAccount: ACCOUNT\\_LIMIT\\_EXCEEDED',
    );
    expect(body.indexOf('[!CAUTION]')).toBeLessThan(body.indexOf('**Plan:'));
    expect(pipe.err.join('\n')).toContain('the review lists them at the top');

    pipe.merge(6, sha('blocked'), sha('m6'));
    const apply = await pipe.applyJob(sha('m6'));
    expect(apply.code).toBe(1);
    expect(pipe.err.join('\n')).toMatch(/#6: plan run \d+ did not succeed \(failure\)/);
    expect(pipe.backend.exportState().accounts.map((a) => a.name)).toEqual(['management']);
  });

  it('says which variables are missing and what sets them', async () => {
    const { githubComment } = await import('../src/index.ts');
    const host = {
      env: { GITHUB_API_URL: fake.apiUrl, GITHUB_REPOSITORY: 'acme' },
      cwd: pipe.dir,
      io: { out() {}, err() {}, progress() {} },
      readPlanFile: () => {
        throw new Error('not reached');
      },
      parsePlanText: () => {
        throw new Error('not reached');
      },
      reviewAnalyzer: () => Promise.reject(new Error('not reached')),
      makePlan: () => Promise.reject(new Error('not reached')),
      makeDriftPlan: () => Promise.reject(new Error('not reached')),
      applyPlan: () => Promise.reject(new Error('not reached')),
    };
    await expect(githubComment(host, 'plan.json', { artifactDir: 'x' })).rejects.toThrow(
      /GITHUB_TOKEN is not set; it is set by the workflow step: add `env: GITHUB_TOKEN: \$\{\{ github.token \}\}`[\s\S]*GITHUB_EVENT_PATH is not set[\s\S]*GITHUB_REPOSITORY is 'acme'; expected owner\/name/,
    );
  });
});
