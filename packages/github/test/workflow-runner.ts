/**
 * Plays GitHub Actions for the end-to-end test: reads a job of a workflow file and runs its
 * steps in order. `run:` steps that call orgops run for real (bash, the CLI from this checkout,
 * the standard GITHUB_* variables pointing at the fake GitHub, AWS at moto); the actions are
 * simulated by what they do for orgops: checkout selects the commit's config, configure-aws-
 * credentials supplies moto credentials for the role variable it names, upload-artifact zips the
 * path into the run's artifacts. Steps that only install tools are skipped. A workflow change
 * that renames a variable, an artifact or a command breaks the test.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FakeRun } from '@orgops/testkit/github-fake';
import { FAKE_TOKEN, type FakeGitHub, OWNER, REPO } from '@orgops/testkit/github-fake';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'yaml';
import { WORKFLOWS_DIR, WORKSPACE_ROOT } from './workflows.ts';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
  readonly if?: string;
}

interface Job {
  readonly env?: Record<string, string>;
  readonly steps: readonly Step[];
}

export interface JobRun {
  readonly run: FakeRun;
  readonly log: string;
  readonly failed: boolean;
  readonly summary: string;
}

export interface RunnerEnv {
  readonly fake: FakeGitHub;
  readonly checkout: string;
  readonly awsEnv: Record<string, string>;
  /** Repository variables (vars.*). */
  readonly vars: Record<string, string>;
  /** The role variable each configure-aws-credentials step must name, per workflow. */
  readonly roles: Record<string, string>;
}

export function readJob(file: string, job: string): Job {
  const workflow = parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')) as { jobs: Record<string, Job> };
  const found = workflow.jobs[job];
  if (!found) throw new Error(`${file} has no job ${job}`);
  return found;
}

/** The orgops commands of a job, in order, as the workflow spells them. */
export function orgopsCommands(file: string, job: string): string[] {
  return readJob(file, job)
    .steps.filter((s) => s.run?.includes('orgops'))
    .map((s) => (s.run ?? '').trim());
}

/** Runs a script with bash; async, because the fake GitHub answers from this same process. */
function bash(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

export async function runJob(
  r: RunnerEnv,
  file: string,
  jobName: string,
  run: FakeRun,
  event: { name: string; payload: unknown; sha: string; ref?: string },
): Promise<JobRun> {
  const job = readJob(file, jobName);
  const eventPath = join(r.checkout, '..', `event-${run.id}.json`);
  const summaryPath = join(r.checkout, '..', `summary-${run.id}.md`);
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(summaryPath, '');
  const expr = (value: string): string =>
    value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
      if (e === 'github.token') return FAKE_TOKEN;
      if (e === 'github.run_attempt') return String(run.runAttempt);
      const v = /^vars\.(\w+)$/.exec(e);
      if (v?.[1] && r.vars[v[1]] !== undefined) return r.vars[v[1]] ?? '';
      throw new Error(`${file}: the test runner cannot evaluate \${{ ${e} }}`);
    });
  let aws: Record<string, string> = {};
  let log = '';
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_API_URL: r.fake.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: event.sha,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_ATTEMPT: String(run.runAttempt),
    ...(event.ref ? { GITHUB_REF: event.ref } : {}),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const jobEnv = Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, expr(String(v))]));
  for (const step of job.steps) {
    const uses = step.uses?.split('@')[0];
    if (uses === 'actions/checkout' || uses === 'actions/setup-node') continue;
    if (uses === 'aws-actions/configure-aws-credentials') {
      const role = String(step.with?.['role-to-assume'] ?? '');
      if (role !== `\${{ vars.${r.roles[file]} }}`)
        throw new Error(`${file}: expected role ${r.roles[file]}, got ${role}`);
      if (step.with?.['role-duration-seconds'] !== 3600)
        throw new Error(`${file}: sessions must be one hour`);
      aws = r.awsEnv;
      continue;
    }
    if (uses === 'actions/upload-artifact') {
      const path = join(r.checkout, String(step.with?.path ?? ''));
      const files: Record<string, Uint8Array> = {};
      const walk = (dir: string) => {
        for (const f of readdirSync(dir)) {
          const full = join(dir, f);
          if (statSync(full).isDirectory()) walk(full);
          else files[relative(path, full)] = strToU8(readFileSync(full, 'utf8'));
        }
      };
      walk(path);
      r.fake.repo.artifacts.push({
        id: r.fake.repo.id(),
        runId: run.id,
        name: expr(String(step.with?.name ?? '')),
        zip: zipSync(files),
        expired: false,
      });
      continue;
    }
    if (uses) throw new Error(`${file}: the test runner does not know ${uses}`);
    const script = step.run ?? '';
    if (!script.includes('orgops')) continue; // tool installs
    if (!script.includes('pnpm -s orgops'))
      throw new Error(`${file}: orgops is called as \`pnpm -s orgops\` in workflows`);
    const env = { ...base, ...jobEnv, ...aws };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(String(v));
    const bin = join(WORKSPACE_ROOT, 'packages', 'cli', 'src', 'bin.ts');
    const result = await bash(
      script.replaceAll('pnpm -s orgops', `node --import tsx ${bin}`),
      r.checkout,
      env,
    );
    log += `$ ${script}\n${result.output}(exit ${result.status})\n`;
    if (result.status !== 0) {
      run.status = 'completed';
      run.conclusion = 'failure';
      return { run, log, failed: true, summary: readFileSync(summaryPath, 'utf8') };
    }
  }
  run.status = 'completed';
  run.conclusion = 'success';
  return { run, log, failed: false, summary: readFileSync(summaryPath, 'utf8') };
}
