import type { FakeGitHub } from '@orgops/testkit/github-fake';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedOnMain, stopPipeline, workloadsIdIn } from './applied.ts';
import { type Pipeline, sha } from './host.ts';

let fake: FakeGitHub;
let pipe: Pipeline;
beforeEach(async () => {
  ({ fake, pipe } = await appliedOnMain());
});
afterEach(() => stopPipeline(fake, pipe));

const lastLine = (pattern: RegExp) => pipe.out.filter((l) => pattern.test(l)).at(-1);
const workloadsId = () => workloadsIdIn(pipe);

describe('orgops github drift --incremental', () => {
  it("reads everything first, then continues from the previous run's baseline, and reports the same drift", async () => {
    expect(await pipe.driftJob(sha('m1'), { incremental: true })).toBe(0);
    expect(lastLine(/read/)).toBe('Full read: no earlier successful drift.yml run on main.');
    const first = pipe.lastDriftRun()!;
    expect(fake.repo.artifacts.some((a) => a.runId === first.id && a.name === 'orgops-drift-baseline')).toBe(
      true,
    );

    await pipe.backend.organizations.tagResource(workloadsId(), { team: 'someone-else' });
    expect(await pipe.driftJob(sha('m1'), { incremental: true })).toBe(2);
    expect(lastLine(/read/)).toMatch(
      new RegExp(
        `^Incremental read from the last full read kept by drift.yml run ${first.id} \\(.*\\): 1 write event\\(s\\) in CloudTrail; re-read 0 parent\\(s\\) listed, 1 OU/account tag set\\(s\\)`,
      ),
    );
    const issue = fake.repo.issues[0]!;
    expect(issue.body).toContain('OU /Workloads was retagged');
    expect(issue.body).toMatch(/_Last checked: .*Incremental read from the last full read/);

    // The same drift found by the next run, incrementally again: the issue is not edited.
    expect(await pipe.driftJob(sha('m1'), { incremental: true })).toBe(2);
    expect(lastLine(/read/)).toMatch(/^Incremental read from the last full read kept by drift.yml run \d+ /);
    expect(fake.repo.count('PATCH', /\/issues\/\d+$/)).toBe(0);
    // Still the first run's full read, carried forward.
    expect(lastLine(/read/)).toContain(
      `(${JSON.parse(await baselineOf(pipe.lastDriftRun()!.id)).readStartedAt})`,
    );

    // A full read reports the same.
    expect(await pipe.driftJob(sha('m1'))).toBe(2);
    expect(issue.body).toContain('OU /Workloads was retagged');
  });

  it('trusts only successful scheduled or dispatched runs on main; anything else costs a full read', async () => {
    // A run on another branch (say a pull request's copy of drift.yml) left a baseline.
    expect(
      await pipe.driftJob(sha('m1'), { incremental: true, branch: 'feature', event: 'workflow_dispatch' }),
    ).toBe(0);
    expect(await pipe.driftJob(sha('m1'), { incremental: true })).toBe(0);
    expect(lastLine(/read/)).toBe('Full read: no earlier successful drift.yml run on main.');

    // A baseline whose time is a forgery from the future, or stale: a full read, never a shorter one.
    const run = fake.repo.addRun({
      workflow: 'drift.yml',
      headSha: sha('m1'),
      headBranch: 'main',
      event: 'schedule',
      status: 'completed',
      conclusion: 'success',
    });
    const upload = (record: unknown) =>
      fake.repo.artifacts.push({
        id: fake.repo.id(),
        runId: run.id,
        name: 'orgops-drift-baseline',
        zip: zipSync({ 'baseline.json': strToU8(JSON.stringify(record)) }),
        expired: false,
      });
    const good = JSON.parse(await baselineOf(pipe.lastDriftRun()!.id));
    upload({ ...good, readStartedAt: new Date(Date.now() + 3_600_000).toISOString() });
    await pipe.backend.organizations.tagResource(workloadsId(), { team: 'someone-else' });
    expect(await pipe.driftJob(sha('m1'), { incremental: true })).toBe(2);
    expect(lastLine(/read/)).toMatch(/^Full read: .* is in the future\.$/);
    expect(fake.repo.issues[0]?.body).toContain('OU /Workloads was retagged');

    fake.repo.artifacts = fake.repo.artifacts.filter((a) => a.runId !== run.id);
    upload({ ...good, readStartedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() });
    run.id = fake.repo.id() + 10_000; // the newest successful run again
    fake.repo.artifacts.at(-1)!.runId = run.id;
    expect(await pipe.driftJob(sha('m1'), { incremental: true })).toBe(2);
    expect(lastLine(/read/)).toMatch(
      /^Full read: the last full read \(.*\) is more than 7 days old: time for a full one\.$/,
    );
  });
});

async function baselineOf(runId: number): Promise<string> {
  const artifact = fake.repo.artifacts.find((a) => a.runId === runId && a.name === 'orgops-drift-baseline');
  if (!artifact) throw new Error(`run ${runId} left no baseline`);
  const { unzipSync, strFromU8 } = await import('fflate');
  return strFromU8(unzipSync(artifact.zip)['baseline.json']!);
}
