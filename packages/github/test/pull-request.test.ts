import { FAKE_TOKEN, type FakeGitHub, OWNER, REPO, startFakeGitHub } from '@orgops/testkit/github-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHub, openConfigPullRequest, readRepositoryEnv } from '../src/index.ts';

const PATH = 'accounts/src/accounts.ts';
const BEFORE = "export const app = account({ name: 'app', email: 'app@example.com', parent: root });\n";
const AFTER = BEFORE.replace(' });', ", quarantine: { reason: 'INC-42' } });");

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.repo.commitFiles('main', { [PATH]: BEFORE, 'README.md': 'hello\n' }, 'initial');
});
afterEach(() => fake.close());

const gh = () => createGitHub({ apiUrl: fake.apiUrl, token: FAKE_TOKEN }, { throttle: false });
const change = {
  owner: OWNER,
  repo: REPO,
  branch: 'orgops/quarantine-200000000001-20261130T101500Z',
  path: PATH,
  before: BEFORE,
  after: AFTER,
  commitMessage: 'Quarantine app (INC-42)',
  title: 'Quarantine app',
  body: 'Recorded by `orgops quarantine`.',
};

describe('openConfigPullRequest', () => {
  it('branches from the default branch, commits the file and opens the pull request', async () => {
    const pr = await openConfigPullRequest(gh(), change);
    expect(pr).toEqual({ number: 1, url: `https://github.example/${OWNER}/${REPO}/pull/1`, created: true });
    expect(fake.repo.fileOn(change.branch, PATH)).toBe(AFTER);
    expect(fake.repo.fileOn(change.branch, 'README.md')).toBe('hello\n');
    expect(fake.repo.fileOn('main', PATH)).toBe(BEFORE);
    const pull = fake.repo.pulls[0]!;
    expect(pull).toMatchObject({
      baseRef: 'main',
      headRef: change.branch,
      title: change.title,
      state: 'open',
    });
    expect(fake.repo.commits.get(pull.headSha)?.message).toBe(change.commitMessage);
  });

  it('finds the pull request of an earlier run instead of opening another', async () => {
    const first = await openConfigPullRequest(gh(), change);
    const again = await openConfigPullRequest(gh(), change);
    expect(again).toEqual({ ...first, created: false });
    expect(fake.repo.pulls).toHaveLength(1);
    expect(fake.repo.count('POST', /\/pulls$/)).toBe(1);
  });

  it('finishes the job of a run that stopped after creating the branch', async () => {
    fake.repo.branches.set(change.branch, fake.repo.branches.get('main')!);
    const pr = await openConfigPullRequest(gh(), change);
    expect(pr?.created).toBe(true);
    expect(fake.repo.fileOn(change.branch, PATH)).toBe(AFTER);
  });

  it('opens nothing when the base branch already has the change', async () => {
    fake.repo.commitFiles('main', { [PATH]: AFTER }, 'merged');
    expect(await openConfigPullRequest(gh(), change)).toBeUndefined();
    expect(fake.repo.pulls).toEqual([]);
  });

  it("refuses to propose over someone else's edit on the base branch, writing nothing", async () => {
    fake.repo.commitFiles('main', { [PATH]: `${BEFORE}// edited on main\n` }, 'other change');
    await expect(openConfigPullRequest(gh(), change)).rejects.toMatchObject({ code: 'github-base-differs' });
    expect(fake.repo.branches.has(change.branch)).toBe(false);
    expect(fake.repo.pulls).toEqual([]);
  });

  it('proposes against another base when asked', async () => {
    fake.repo.commitFiles('release', { [PATH]: BEFORE }, 'release branch');
    const pr = await openConfigPullRequest(gh(), { ...change, base: 'release' });
    expect(pr?.created).toBe(true);
    expect(fake.repo.pulls[0]?.baseRef).toBe('release');
    expect(fake.repo.count('GET', new RegExp(`^/repos/${OWNER}/${REPO}$`))).toBe(0);
  });
});

describe('readRepositoryEnv', () => {
  it('needs only a token and the repository; the API defaults to GitHub.com', () => {
    expect(readRepositoryEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme/org' }, 'quarantine')).toEqual({
      apiUrl: 'https://api.github.com',
      token: 't',
      owner: 'acme',
      repo: 'org',
    });
    expect(() => readRepositoryEnv({ GITHUB_REPOSITORY: 'acme' }, 'quarantine')).toThrow(
      /GITHUB_TOKEN is not set[\s\S]*GITHUB_REPOSITORY is 'acme'; expected owner\/name/,
    );
  });
});
