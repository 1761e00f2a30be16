import { changesDigest, changesOf } from '@orgops/engine';
import { type FakeGitHub, startFakeGitHub } from '@orgops/testkit/github-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_MARKER } from '../src/index.ts';
import { stopPipeline } from './applied.ts';
import { orgConfig } from './configs.ts';
import { createPipeline, desiredOf, type Pipeline, sha } from './host.ts';

let fake: FakeGitHub;
let pipe: Pipeline;

const ouNames = () =>
  pipe.backend
    .exportState()
    .ous.map((o) => o.name)
    .sort();
const refusalOn = (pr: number) =>
  fake.repo.commentsOn(pr).find((c) => c.body.includes('orgops-apply'))?.body ?? '';

/** Pull request 1 creates the Workloads OU and is applied: the pipeline has a successful apply. */
async function bootstrap(): Promise<void> {
  pipe.desired = desiredOf(orgConfig());
  await pipe.planJob(1, sha('pr1'));
  pipe.merge(1, sha('pr1'), sha('m1'));
  const { code } = await pipe.applyJob(sha('m1'));
  expect(code).toBe(0);
}

beforeEach(async () => {
  fake = await startFakeGitHub();
  pipe = createPipeline(fake, desiredOf(orgConfig()));
  await bootstrap();
});
afterEach(() => stopPipeline(fake, pipe));

describe('orgops github apply', () => {
  it('applies exactly the reviewed changes of the merged pull request, and a merge with nothing to do is a no-op', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    await pipe.planJob(2, sha('pr2'));
    pipe.merge(2, sha('pr2'), sha('m2'));
    const { code } = await pipe.applyJob(sha('m2'));
    expect(pipe.err.join('\n')).toContain('#2: review verified (1 changes)');
    expect(code).toBe(0);
    expect(ouNames()).toEqual(['Sandbox', 'Workloads']);

    // A documentation-only pull request: never planned, nothing to apply, nothing written to GitHub.
    fake.repo.pulls.push({
      number: 3,
      headSha: sha('pr3'),
      baseRef: 'main',
      mergedAt: null,
      mergeCommitSha: null,
    });
    pipe.merge(3, sha('pr3'), sha('m3'));
    const writes = fake.repo.requests.filter((r) => r.method !== 'GET').length;
    const noop = await pipe.applyJob(sha('m3'));
    expect(noop.code).toBe(0);
    expect(pipe.out.at(-1)).toBe('Nothing to apply: the organization matches the merged config.');
    expect(fake.repo.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
  });

  it('refuses a change no review showed (changed in AWS after review), writes nothing, says so on the pull request', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    await pipe.planJob(2, sha('pr2'));
    // Someone creates an OU by hand in the console after the review.
    const rootId = pipe.backend.exportState().root.id;
    await pipe.backend.organizations.createOrganizationalUnit(rootId, 'Rogue', {});
    pipe.merge(2, sha('pr2'), sha('m2'));

    const { code } = await pipe.applyJob(sha('m2'));
    expect(code).toBe(1);
    expect(ouNames()).toEqual(['Rogue', 'Workloads']);
    const refusal = refusalOn(2);
    expect(refusal).toContain('orgops apply stopped before changing anything');
    expect(refusal).toContain('delete `ou/Rogue`');
    expect(refusal).not.toContain('`ou/Sandbox`');
    expect(pipe.err.join('\n')).toContain('Refusing to apply: 1 of 2 changes were not shown by any review');

    // A person approves the fresh plan by its digest through a manual run.
    const fresh = changesDigest(changesOf(await pipe.makePlan()));
    expect(refusal).toContain(fresh);
    const wrong = await pipe.applyJob(sha('m2'), { dispatch: { changes_digest: 'f'.repeat(64) } });
    expect(wrong.code).toBe(1);
    expect(ouNames()).toEqual(['Rogue', 'Workloads']);
    const approved = await pipe.applyJob(sha('m2'), { dispatch: { changes_digest: fresh } });
    expect(approved.code).toBe(0);
    expect(ouNames()).toEqual(['Sandbox', 'Workloads']);
  });

  it('refuses a merge whose pull request was never reviewed', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    fake.repo.pulls.push({
      number: 2,
      headSha: sha('pr2'),
      baseRef: 'main',
      mergedAt: null,
      mergeCommitSha: null,
    });
    pipe.merge(2, sha('pr2'), sha('m2'));
    const { code } = await pipe.applyJob(sha('m2'));
    expect(code).toBe(1);
    expect(ouNames()).toEqual(['Workloads']);
    expect(refusalOn(2)).toContain('#2: not usable: it has no orgops review comment');
  });

  it('refuses a review comment edited after the plan run posted it', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    await pipe.planJob(2, sha('pr2'));
    const comment = fake.repo.commentsOn(2).find((c) => c.body.includes(REVIEW_MARKER));
    if (!comment) throw new Error('no review comment');
    fake.repo.editComment(comment.id, comment.body.replace('No risks found.', 'No risks found. LGTM'));
    pipe.merge(2, sha('pr2'), sha('m2'));
    const { code } = await pipe.applyJob(sha('m2'));
    expect(code).toBe(1);
    expect(ouNames()).toEqual(['Workloads']);
    expect(refusalOn(2)).toContain('was edited after the plan run posted it');
  });

  it('refuses a review of an older commit than the one merged', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    await pipe.planJob(2, sha('pr2-first'));
    pipe.merge(2, sha('pr2-second'), sha('m2'));
    const { code } = await pipe.applyJob(sha('m2'));
    expect(code).toBe(1);
    expect(refusalOn(2)).toMatch(/the review is of commit [0-9a-f]{12}, but the pull request merged at/);
  });

  it('applies the reviewed changes of two quick merges when the first apply was cancelled', async () => {
    // Both pull requests are reviewed against the same organization, each showing its own change.
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    await pipe.planJob(2, sha('pr2'));
    pipe.desired = desiredOf(orgConfig({ ous: ['Suspended'] }));
    await pipe.planJob(3, sha('pr3'));

    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    pipe.merge(2, sha('pr2'), sha('m2'));
    const first = await pipe.applyJob(sha('m2'), { cancelled: true });
    expect(first.run.conclusion).toBe('cancelled');

    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox', 'Suspended'] }));
    pipe.merge(3, sha('pr3'), sha('m3'));
    const second = await pipe.applyJob(sha('m3'));
    expect(pipe.err.join('\n')).toContain('Every change of the fresh plan was reviewed (#2, #3)');
    expect(second.code).toBe(0);
    expect(ouNames()).toEqual(['Sandbox', 'Suspended', 'Workloads']);
  });

  it('accepts a subset of the reviewed changes (some were already made)', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox', 'Suspended'] }));
    await pipe.planJob(2, sha('pr2'));
    const rootId = pipe.backend.exportState().root.id;
    await pipe.backend.organizations.createOrganizationalUnit(rootId, 'Sandbox', {});
    pipe.merge(2, sha('pr2'), sha('m2'));
    const { code } = await pipe.applyJob(sha('m2'));
    expect(code).toBe(0);
    expect(ouNames()).toEqual(['Sandbox', 'Suspended', 'Workloads']);
  });

  it('does not take a review comment written by a person for the bot’s', async () => {
    pipe.desired = desiredOf(orgConfig({ ous: ['Sandbox'] }));
    await pipe.planJob(2, sha('pr2'));
    const real = fake.repo.commentsOn(2).find((c) => c.body.includes(REVIEW_MARKER));
    if (!real) throw new Error('no review comment');
    // A person posts a copy of the review first in the thread, then the bot's is deleted.
    fake.repo.comments = fake.repo.comments.filter((c) => c !== real);
    fake.repo.comments.unshift({ ...real, id: fake.repo.id(), user: { login: 'mallory', type: 'User' } });
    pipe.merge(2, sha('pr2'), sha('m2'));
    const { code } = await pipe.applyJob(sha('m2'));
    expect(code).toBe(1);
    expect(refusalOn(2)).toContain(
      'its only review comment was written by mallory, not by github-actions\\[bot\\]',
    );
  });
});
