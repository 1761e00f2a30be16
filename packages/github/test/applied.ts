import { type FakeGitHub, startFakeGitHub } from '@orgops/testkit/github-fake';
import { expect } from 'vitest';
import { orgConfig } from './configs.ts';
import { createPipeline, desiredOf, type Pipeline, sha } from './host.ts';

/**
 * A fake GitHub and a pipeline whose organization (Workloads tagged team=platform) was planned in
 * pull request 1, merged as m1 and applied from main: where the drift suites start.
 */
export async function appliedOnMain(): Promise<{ fake: FakeGitHub; pipe: Pipeline }> {
  const fake = await startFakeGitHub();
  const pipe = createPipeline(fake, desiredOf(orgConfig({ workloadsTags: { team: 'platform' } })));
  await pipe.planJob(1, sha('pr1'));
  pipe.merge(1, sha('pr1'), sha('m1'));
  expect((await pipe.applyJob(sha('m1'))).code).toBe(0);
  return { fake, pipe };
}

/** Removes the pipeline's directory and stops the fake. */
export async function stopPipeline(fake: FakeGitHub, pipe: Pipeline): Promise<void> {
  pipe.cleanup();
  await fake.close();
}

/** The id of the Workloads OU in the pipeline's sandbox. */
export const workloadsIdIn = (pipe: Pipeline): string =>
  pipe.backend.exportState().ous.find((o) => o.name === 'Workloads')?.id ?? '';
