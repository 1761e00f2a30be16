import { type FakeGitHub, startFakeGitHub } from '@orgops/testkit/github-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_MARKER } from '../src/index.ts';
import { stopPipeline } from './applied.ts';
import { orgConfig } from './configs.ts';
import { createPipeline, desiredOf, type Pipeline, sha } from './host.ts';

const LINT = [
  {
    rule: 'unknown-action',
    severity: 'error' as const,
    message: 'SCP protect-trail: "cloudtrail:StopLoging" is not an action of its service.',
    location: 'policies/src/service-control-policies.ts:12',
  },
  {
    rule: 'assignment-to-user',
    severity: 'warning' as const,
    message: 'Permission set "ReadOnly" is assigned directly to user "bob".',
    waived: { reason: 'external auditor until 2027-01' },
  },
];

let fake: FakeGitHub;
let pipe: Pipeline;
beforeEach(async () => {
  fake = await startFakeGitHub();
  pipe = createPipeline(fake, desiredOf(orgConfig({ ous: ['Sandbox'] })), { lint: LINT });
});
afterEach(() => stopPipeline(fake, pipe));

describe('orgops github comment with lint findings', () => {
  it('puts the Lint findings section in the comment and the job summary, and apply still verifies that comment', async () => {
    const { code } = await pipe.planJob(5, sha('h5'));
    expect(code).toBe(0);
    const body = fake.repo.commentsOn(5).find((c) => c.body.includes(REVIEW_MARKER))?.body ?? '';
    expect(body).toContain('### Lint findings');
    expect(body).toContain('🔴 **Error** SCP protect-trail:');
    expect(body).toContain('☑️ waived: Permission set "ReadOnly" is assigned directly to user "bob".');
    expect(body).toContain('reason: external auditor until 2027-01');
    expect(pipe.summary()).toContain('### Lint findings');

    pipe.merge(5, sha('h5'), sha('m5'));
    const applied = await pipe.applyJob(sha('m5'));
    expect(applied.code).toBe(0);
  });
});
