/**
 * An in-process pipeline for tests: the GitHub commands run against the fake GitHub, planning
 * and applying against an in-memory sandbox organization with configs built by the model's
 * builders. It plays the workflow jobs: a plan job posts the review and uploads its artifact,
 * a merge lands a commit, an apply job runs, and the fake records each run's outcome.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyzePlan,
  type Plan,
  parsePlan,
  plan,
  type ReviewFinding,
  type Snapshot,
  serializePlan,
} from '@orgops/engine';
import { applyPlan, readForDrift, readSnapshot } from '@orgops/live';
import { type DesiredState, type OrganizationConfig, OrgopsError, validateConfig } from '@orgops/model';
import {
  createSandbox,
  rehearsePlan,
  type SandboxBackend,
  seedState,
  type TwinOptions,
} from '@orgops/sandbox';
import type { FakeRun } from '@orgops/testkit/github-fake';
import { FAKE_TOKEN, type FakeGitHub, OWNER, REPO } from '@orgops/testkit/github-fake';
import { strToU8, zipSync } from 'fflate';
import {
  githubApply,
  githubComment,
  githubDrift,
  PIPELINE_DEFAULTS,
  type PipelineHost,
} from '../src/index.ts';

const TOOL_VERSION = '0.1.0';

export function desiredOf(config: OrganizationConfig): DesiredState {
  const result = validateConfig(config, { file: 'test-config.ts' });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value.desired;
}

export interface Pipeline {
  readonly backend: SandboxBackend;
  readonly dir: string;
  readonly out: string[];
  readonly err: string[];
  /** The config on the branch being planned or applied. */
  desired: DesiredState;
  summary(): string;
  makePlan(): Promise<Plan>;
  /** Runs the plan job of a pull request; returns the run and the command's exit code. */
  planJob(
    pr: number,
    headSha: string,
    options?: {
      conclusion?: 'success' | 'failure';
      /** Plan with `--rehearse`, the twin told these options. */
      rehearse?: TwinOptions;
    },
  ): Promise<{ code: number; run: FakeRun }>;
  /** Lands a pull request: a merge commit on main whose parent is the previous main. */
  merge(pr: number, headSha: string, mergeSha: string): void;
  /** Runs the apply job for a commit on main (push), or a manual run with inputs. */
  applyJob(
    sha: string,
    options?: { dispatch?: Record<string, string>; cancelled?: boolean },
  ): Promise<{ code: number; run: FakeRun }>;
  /**
   * Runs the drift job; `incremental` as drift.yml does, uploading the next baseline as the run's
   * artifact (a job that fails uploads nothing). Returns the exit code and the run.
   */
  driftJob(
    sha: string,
    options?: { incremental?: boolean; event?: string; branch?: string },
  ): Promise<number>;
  /** The run of the last driftJob. */
  lastDriftRun(): FakeRun | undefined;
  cleanup(): void;
}

let mainTip = sha('root');
export function sha(seed: string): string {
  let h = 0n;
  for (const ch of seed) h = (h * 131n + BigInt(ch.charCodeAt(0))) % 2n ** 160n;
  return h.toString(16).padStart(40, '0').slice(-40);
}

export function createPipeline(
  fake: FakeGitHub,
  desired: DesiredState,
  options: { throttle?: boolean; accountQuota?: number; lint?: readonly ReviewFinding[] } = {},
): Pipeline {
  // A plan refuses to add accounts beyond the organization's quota (AWS's default 10 here).
  const backend = createSandbox(seedState({ maxAccounts: options.accountQuota }));
  const dir = mkdtempSync(join(tmpdir(), 'orgops-github-'));
  const out: string[] = [];
  const err: string[] = [];
  const summaryFile = join(dir, 'summary.md');
  mainTip = sha('root');
  fake.repo.addCommit(mainTip, []);

  const state = { desired };
  let lastDrift: FakeRun | undefined;
  const readOptions = () => ({ principals: state.desired.assignments.map((a) => a.principal) });
  const planOf = (snapshot: Snapshot): Plan => {
    const result = plan({
      desired: state.desired,
      snapshot,
      toolVersion: TOOL_VERSION,
      analyze: analyzePlan,
    });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    return result.value;
  };
  const planWithSnapshot = async (): Promise<{ plan: Plan; snapshot: Snapshot }> => {
    const snapshot = await readSnapshot(backend, readOptions());
    return { plan: planOf(snapshot), snapshot };
  };
  const makePlan = async (): Promise<Plan> => (await planWithSnapshot()).plan;
  /** `orgops plan --rehearse`: the plan with its rehearsal on a twin of the sandbox. */
  const rehearsedPlan = async (twin: TwinOptions): Promise<Plan> => {
    const made = await planWithSnapshot();
    return (await rehearsePlan({ ...made, desired: state.desired, toolVersion: TOOL_VERSION, twin })).plan;
  };
  const parse = (text: string, name: string): Plan => {
    const parsed = parsePlan(text, name, TOOL_VERSION);
    if (!parsed.ok)
      throw new OrgopsError(
        'plan-file-invalid',
        `${name}: ${parsed.errors.map((e) => e.message).join('; ')}`,
      );
    return parsed.value;
  };
  const host = (env: Record<string, string>): PipelineHost => ({
    env,
    cwd: dir,
    io: { out: (t) => out.push(t), err: (t) => err.push(t), progress: (t) => err.push(t) },
    readPlanFile: (path) => parse(readFileSync(join(dir, path), 'utf8'), path),
    parsePlanText: parse,
    reviewAnalyzer: analyzePlan,
    makePlan: async () => ({ plan: await makePlan(), backend }),
    makeDriftPlan: async (baseline) => {
      const read = await readForDrift(backend, baseline, readOptions());
      return { plan: planOf(read.snapshot), read };
    },
    ...(options.lint ? { lintFindings: async () => options.lint ?? [] } : {}),
    applyPlan: async (p, b) => {
      const result = await applyPlan(p, b, { pollIntervalMs: 1 });
      return { ok: result.ok, report: `${result.counts.done} done` };
    },
    // GitHub's request spacing (seconds between writes) is tested on its own; here it only slows.
    client: { throttle: options.throttle ?? false },
  });
  const envFor = (run: FakeRun, eventName: string, payload: unknown, githubSha: string, ref?: string) => {
    const eventPath = join(dir, `event-${run.id}.json`);
    writeFileSync(eventPath, JSON.stringify(payload));
    return {
      GITHUB_API_URL: fake.apiUrl,
      GITHUB_TOKEN: FAKE_TOKEN,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: githubSha,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_RUN_ID: String(run.id),
      GITHUB_RUN_ATTEMPT: String(run.runAttempt),
      GITHUB_SERVER_URL: 'https://github.example',
      ...(ref ? { GITHUB_REF: ref } : {}),
    };
  };

  return {
    backend,
    dir,
    out,
    err,
    get desired() {
      return state.desired;
    },
    set desired(d: DesiredState) {
      state.desired = d;
    },
    summary: () => readFileSync(summaryFile, 'utf8'),
    makePlan,
    async planJob(pr, headSha, options = {}) {
      if (!fake.repo.pulls.some((p) => p.number === pr)) {
        fake.repo.pulls.push({ number: pr, headSha, baseRef: 'main', mergedAt: null, mergeCommitSha: null });
      }
      const pull = fake.repo.pulls.find((p) => p.number === pr);
      if (pull) pull.headSha = headSha;
      const run = fake.repo.addRun({
        workflow: PIPELINE_DEFAULTS.planWorkflow,
        headSha,
        headBranch: `pr-${pr}`,
        event: 'pull_request',
        status: 'in_progress',
        conclusion: null,
      });
      const payload = {
        pull_request: { number: pr, head: { sha: headSha, repo: { full_name: `${OWNER}/${REPO}` } } },
      };
      const made = options.rehearse ? await rehearsedPlan(options.rehearse) : await makePlan();
      writeFileSync(join(dir, 'plan.json'), serializePlan(made));
      const artifactDir = `review-${run.id}`;
      const code = await githubComment(
        host(envFor(run, 'pull_request', payload, sha(`merge-preview-${headSha}`))),
        'plan.json',
        {
          artifactDir,
        },
      );
      const files: Record<string, Uint8Array> = {};
      for (const f of readdirSync(join(dir, artifactDir)))
        files[f] = strToU8(readFileSync(join(dir, artifactDir, f), 'utf8'));
      fake.repo.artifacts.push({
        id: fake.repo.id(),
        runId: run.id,
        name: `orgops-review-${run.runAttempt}`,
        zip: zipSync(files),
        expired: false,
      });
      run.status = 'completed';
      run.conclusion = options.conclusion ?? (code === 0 ? 'success' : 'failure');
      return { code, run };
    },
    merge(pr, headSha, mergeSha) {
      fake.repo.addCommit(mergeSha, [mainTip, headSha]);
      mainTip = mergeSha;
      const pull = fake.repo.pulls.find((p) => p.number === pr);
      if (!pull) throw new Error(`no pull request #${pr}`);
      pull.headSha = headSha;
      pull.mergedAt = fake.repo.now();
      pull.mergeCommitSha = mergeSha;
    },
    async applyJob(githubSha, options = {}) {
      const run = fake.repo.addRun({
        workflow: PIPELINE_DEFAULTS.applyWorkflow,
        headSha: githubSha,
        headBranch: 'main',
        event: options.dispatch ? 'workflow_dispatch' : 'push',
        status: 'in_progress',
        conclusion: null,
      });
      if (options.cancelled) {
        run.status = 'completed';
        run.conclusion = 'cancelled';
        return { code: 1, run };
      }
      const payload = options.dispatch ? { inputs: options.dispatch } : { after: githubSha };
      const env = envFor(
        run,
        options.dispatch ? 'workflow_dispatch' : 'push',
        payload,
        githubSha,
        'refs/heads/main',
      );
      const code = await githubApply(host(env), {
        planWorkflow: PIPELINE_DEFAULTS.planWorkflow,
        applyWorkflow: PIPELINE_DEFAULTS.applyWorkflow,
        botLogin: PIPELINE_DEFAULTS.botLogin,
      });
      run.status = 'completed';
      run.conclusion = code === 0 ? 'success' : 'failure';
      return { code, run };
    },
    async driftJob(githubSha, options = {}) {
      const event = options.event ?? 'schedule';
      const branch = options.branch ?? 'main';
      const run = fake.repo.addRun({
        workflow: PIPELINE_DEFAULTS.driftWorkflow,
        headSha: githubSha,
        headBranch: branch,
        event,
        status: 'in_progress',
        conclusion: null,
      });
      lastDrift = run;
      const baselineDir = `drift-${run.id}`;
      const code = await githubDrift(host(envFor(run, event, {}, githubSha, `refs/heads/${branch}`)), {
        label: PIPELINE_DEFAULTS.driftLabel,
        ...(options.incremental
          ? {
              incremental: {
                workflow: PIPELINE_DEFAULTS.driftWorkflow,
                maxAgeDays: PIPELINE_DEFAULTS.fullReadEveryDays,
                dir: baselineDir,
              },
            }
          : {}),
      });
      if (options.incremental && code !== 1) {
        const file = join(dir, baselineDir, 'baseline.json');
        fake.repo.artifacts.push({
          id: fake.repo.id(),
          runId: run.id,
          name: 'orgops-drift-baseline',
          zip: zipSync({ 'baseline.json': strToU8(readFileSync(file, 'utf8')) }),
          expired: false,
        });
      }
      run.status = 'completed';
      run.conclusion = code === 1 ? 'failure' : 'success';
      return code;
    },
    lastDriftRun: () => lastDrift,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Makes a directory for a test's files under the pipeline's scratch dir. */
export function scratch(p: Pipeline, name: string): string {
  const d = join(p.dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}
