import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { orgopsCommands } from './workflow-runner.ts';
import { WORKFLOWS_DIR } from './workflows.ts';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
}
interface Job {
  readonly if?: string;
  readonly permissions?: Record<string, string>;
  readonly steps: readonly Step[];
}

const plan = parse(readFileSync(join(WORKFLOWS_DIR, 'plan.yml'), 'utf8')) as { jobs: Record<string, Job> };
const text = readFileSync(join(WORKFLOWS_DIR, 'plan.yml'), 'utf8');

describe('plan.yml: orgops lint', () => {
  it('annotates and writes SARIF in a job of its own, which alone may write security events', () => {
    expect(orgopsCommands('plan.yml', 'lint')).toEqual([
      'pnpm -s orgops lint --format github --sarif orgops-lint.sarif',
    ]);
    const lint = plan.jobs.lint;
    expect(lint?.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    for (const [name, job] of Object.entries(plan.jobs))
      if (name !== 'lint') expect(job.permissions?.['security-events'], name).toBeUndefined();
  });

  it('uploads the SARIF even when lint fails, with upload-sarif pinned to the SHA of v4.36.2', () => {
    const upload = plan.jobs.lint?.steps.find((s) =>
      s.uses?.startsWith('github/codeql-action/upload-sarif@'),
    );
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e');
    expect(text).toContain('upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2');
    expect(upload?.if).toBe('success() || failure()');
    expect(upload?.with).toEqual({ sarif_file: 'orgops-lint.sarif', category: 'orgops-lint' });
  });

  it("runs only for this repository's pull requests; a fork's run annotates from the check job", () => {
    expect(plan.jobs.lint?.if).toContain(
      'github.event.pull_request.head.repo.full_name == github.repository',
    );
    const forkStep = plan.jobs.check?.steps.find((s) => s.run === 'pnpm -s orgops lint --format github');
    expect(forkStep?.if).toContain('github.event.pull_request.head.repo.full_name != github.repository');
    // The review does not wait for lint: its findings are in the comment.
    expect(Object.keys(plan.jobs)).toEqual(['check', 'lint', 'plan']);
  });
});
