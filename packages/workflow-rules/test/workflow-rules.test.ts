import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The house rules that scripts/lint-workflows.mjs applies to the repository's workflows.
import { lintWorkflow } from '../src/workflow-rules.mjs';

/** The workflows this package guards: the repository's own, read as data. */
const WORKFLOWS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '.github', 'workflows');

const PIN = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';

/** A minimal workflow that passes every rule; each test breaks one thing. */
function workflow(parts: { on?: string; top?: string; job?: string; concurrency?: string } = {}): string {
  return [
    'name: t',
    `on: ${parts.on ?? '[pull_request]'}`,
    parts.top ?? 'permissions: {}',
    parts.concurrency ?? '',
    'jobs:',
    parts.job ??
      `  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${PIN}
        with:
          persist-credentials: false
      - run: echo ok`,
  ].join('\n');
}

describe('workflow house rules', () => {
  it('pass on every workflow of this repository', () => {
    const files = readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual([
      'apply.yml',
      'ci.yml',
      'drift.yml',
      'nightly.yml',
      'plan.yml',
      'release.yml',
    ]);
    for (const f of files) expect(lintWorkflow(readFileSync(join(WORKFLOWS_DIR, f), 'utf8')), f).toEqual([]);
    expect(lintWorkflow(workflow())).toEqual([]);
  });

  it('refuse pull_request_target', () => {
    expect(lintWorkflow(workflow({ on: '[pull_request_target]' }))).toEqual([
      '[no-pull-request-target] pull_request_target runs with write access and secrets in the base repository; use pull_request',
    ]);
  });

  it('refuse OIDC, write grants, secrets and environments in jobs a fork pull request can run', () => {
    const job = (extra: string, guard = '') => `  plan:
    runs-on: ubuntu-latest
${guard}    permissions:
      contents: read
${extra}    steps:
      - run: echo \${{ secrets.TOKEN }}`;
    const unguarded = lintWorkflow(
      workflow({ job: job('      id-token: write\n      pull-requests: write\n') }),
    );
    expect(unguarded).toEqual([
      expect.stringMatching(
        /^\[fork-safe-jobs\] job plan can run for fork pull requests and asks for id-token: write/,
      ),
      '[fork-safe-jobs] job plan can run for fork pull requests and asks for pull-requests: write; guard it or drop the grant',
      '[fork-safe-jobs] job plan can run for fork pull requests and reads secrets; guard it',
    ]);
    const guarded = job(
      '      id-token: write\n      pull-requests: write\n',
      '    if: github.event.pull_request.head.repo.full_name == github.repository\n',
    );
    expect(lintWorkflow(workflow({ job: guarded }))).toEqual([]);
    // The same job on push is not reachable from a fork.
    expect(lintWorkflow(workflow({ on: '[push]', job: job('      id-token: write\n') }))).toEqual([]);
  });

  it('refuse untrusted expressions expanded inside run scripts', () => {
    const job = `  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"`;
    expect(lintWorkflow(workflow({ job }))).toEqual([
      '[no-untrusted-expressions-in-run] job build: a run script expands ${{ github.event.…; pass it through env: and quote it',
    ]);
  });

  it('refuse a checkout that keeps the token, and jobs without permissions', () => {
    const job = `  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${PIN}`;
    expect(lintWorkflow(workflow({ job }))).toEqual([
      '[job-permissions] job build has no "permissions:"; grant exactly what it needs',
      '[checkout-without-credentials] job build: actions/checkout must set persist-credentials: false (the token would stay in .git/config)',
    ]);
    expect(lintWorkflow(workflow({ top: 'permissions: write-all' }))[0]).toMatch(/^\[top-permissions\]/);
  });

  it('refuse cancelling a running deployment to an environment', () => {
    const job = `  apply:
    runs-on: ubuntu-latest
    environment: orgops-apply
    permissions: {}
    steps:
      - run: echo apply`;
    const cancelling = 'concurrency:\n  group: apply\n  cancel-in-progress: true';
    expect(lintWorkflow(workflow({ on: '[push]', job, concurrency: cancelling }))).toEqual([
      '[no-cancelled-environment-jobs] job apply deploys to an environment under a concurrency group with cancel-in-progress; a running apply must never be cancelled',
    ]);
    const queued = 'concurrency:\n  group: apply\n  cancel-in-progress: false';
    expect(lintWorkflow(workflow({ on: '[push]', job, concurrency: queued }))).toEqual([]);
  });

  it('refuse actions not pinned to a commit SHA with its release tag', () => {
    const job = (uses: string) => `  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: ${uses}`;
    expect(lintWorkflow(workflow({ job: job('aws-actions/configure-aws-credentials@v6') }))).toEqual([
      '[pinned-actions] line 10: aws-actions/configure-aws-credentials@v6 is not pinned to a full commit SHA',
    ]);
    expect(
      lintWorkflow(
        workflow({
          job: job('aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c'),
        }),
      ),
    ).toEqual([
      '[pinned-actions] line 10: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c has no "# vX.Y.Z" comment naming the release tag of its SHA',
    ]);
  });
});
