import type { FakeGitHub } from '@orgops/testkit/github-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedOnMain, stopPipeline, workloadsIdIn } from './applied.ts';
import { type Pipeline, sha } from './host.ts';

let fake: FakeGitHub;
let pipe: Pipeline;
beforeEach(async () => {
  ({ fake, pipe } = await appliedOnMain());
});
afterEach(() => stopPipeline(fake, pipe));

const workloadsId = () => workloadsIdIn(pipe);

describe('orgops github drift', () => {
  it('opens one labelled issue on drift, updates that issue while drift lasts, closes it with a comment when gone', async () => {
    expect(await pipe.driftJob(sha('m1'))).toBe(0);
    expect(fake.repo.issues).toHaveLength(0);

    // A console change: an OU created by hand, named to ping a team.
    const rootId = pipe.backend.exportState().root.id;
    await pipe.backend.organizations.createOrganizationalUnit(rootId, '@acme-admins #1', {});
    expect(await pipe.driftJob(sha('m1'))).toBe(2);
    expect(fake.repo.issues).toHaveLength(1);
    const issue = fake.repo.issues[0];
    if (!issue) throw new Error('no issue');
    expect(issue.labels).toEqual(['orgops-drift']);
    expect(fake.repo.labels.has('orgops-drift')).toBe(true);
    expect(issue.title).toBe('Drift in AWS organization o-sandbox00001');
    expect(issue.body).toContain('created outside orgops');
    expect(issue.body).toContain('- OU `/@acme-admins` `#1` was created — `ou/@acme-admins #1`');

    // Same drift: no new issue, no edit.
    expect(await pipe.driftJob(sha('m1'))).toBe(2);
    expect(fake.repo.issues).toHaveLength(1);
    expect(fake.repo.count('PATCH', /\/issues\/\d+$/)).toBe(0);

    // More drift: the same issue is updated.
    await pipe.backend.organizations.tagResource(workloadsId(), { team: 'someone-else' });
    expect(await pipe.driftJob(sha('m1'))).toBe(2);
    expect(fake.repo.issues).toHaveLength(1);
    expect(issue.body).toContain('OU /Workloads was retagged');
    expect(issue.state).toBe('open');

    // Reverted by hand: closed with a comment.
    const rogue = pipe.backend.exportState().ous.find((o) => o.name.startsWith('@acme'))?.id ?? '';
    await pipe.backend.organizations.deleteOrganizationalUnit(rogue);
    await pipe.backend.organizations.tagResource(workloadsId(), { team: 'platform' });
    expect(await pipe.driftJob(sha('m1'))).toBe(0);
    expect(issue.state).toBe('closed');
    expect(issue.stateReason).toBe('completed');
    expect(fake.repo.commentsOn(issue.number).at(-1)?.body).toMatch(/No drift as of commit .* Closing\./);

    // Drift again later: a new issue, the closed one stays closed.
    await pipe.backend.organizations.createOrganizationalUnit(rootId, 'Again', {});
    expect(await pipe.driftJob(sha('m1'))).toBe(2);
    expect(fake.repo.issues.filter((i) => i.state === 'open')).toHaveLength(1);
    expect(fake.repo.issues).toHaveLength(2);
  });
});
