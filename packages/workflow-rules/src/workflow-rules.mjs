// House rules for .github/workflows that actionlint does not know, one function per rule, each
// returning problems as strings. Fork safety first: a pull request from a fork runs its own code
// in our workflows, so nothing it can reach may hold write access, OIDC or secrets.
import { parse } from 'yaml';

/** Events whose runs execute code from a pull request's head. */
const PR_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];
/** The guard that keeps a job from running for forks. */
const FORK_GUARD = /github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository/;
/** Expressions that carry text an outsider controls; in a `run:` script they inject shell. */
const UNTRUSTED_EXPRESSION = /\$\{\{\s*(github\.event\.|github\.head_ref|inputs\.)/;

function events(workflow) {
  const on = workflow.on ?? workflow[true];
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on;
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

function jobs(workflow) {
  return Object.entries(workflow.jobs ?? {});
}

function grants(permissions) {
  if (permissions === 'write-all') return { all: 'write' };
  if (permissions === 'read-all') return { all: 'read' };
  return permissions && typeof permissions === 'object' ? permissions : {};
}

export const RULES = {
  'top-permissions': (wf) =>
    wf.permissions && Object.keys(grants(wf.permissions)).length === 0 && typeof wf.permissions === 'object'
      ? []
      : ['top-level "permissions: {}" is missing (grant per job instead)'],

  'job-permissions': (wf) =>
    jobs(wf)
      .filter(([, job]) => job.permissions === undefined)
      .map(([name]) => `job ${name} has no "permissions:"; grant exactly what it needs`),

  'no-pull-request-target': (wf) =>
    events(wf).includes('pull_request_target')
      ? ['pull_request_target runs with write access and secrets in the base repository; use pull_request']
      : [],

  'fork-safe-jobs': (wf) => {
    if (!events(wf).some((e) => PR_EVENTS.includes(e))) return [];
    const problems = [];
    for (const [name, job] of jobs(wf)) {
      if (FORK_GUARD.test(String(job.if ?? ''))) continue;
      const g = grants(job.permissions);
      if (g['id-token'] === 'write' || g.all === 'write')
        problems.push(
          `job ${name} can run for fork pull requests and asks for id-token: write; guard it with if: ${FORK_GUARD.source.replace(/\\s\*|\\/g, '')}`,
        );
      for (const [scope, level] of Object.entries(g)) {
        if (level === 'write' && scope !== 'id-token')
          problems.push(
            `job ${name} can run for fork pull requests and asks for ${scope}: write; guard it or drop the grant`,
          );
      }
      if (/\$\{\{\s*secrets\./.test(JSON.stringify(job)))
        problems.push(`job ${name} can run for fork pull requests and reads secrets; guard it`);
      if (job.environment)
        problems.push(`job ${name} can run for fork pull requests and uses an environment; guard it`);
    }
    return problems;
  },

  'no-untrusted-expressions-in-run': (wf) => {
    const problems = [];
    for (const [name, job] of jobs(wf)) {
      for (const step of job.steps ?? []) {
        if (typeof step.run === 'string' && UNTRUSTED_EXPRESSION.test(step.run))
          problems.push(
            `job ${name}: a run script expands ${UNTRUSTED_EXPRESSION.exec(step.run)?.[0]}…; pass it through env: and quote it`,
          );
      }
    }
    return problems;
  },

  'checkout-without-credentials': (wf) => {
    const problems = [];
    for (const [name, job] of jobs(wf)) {
      for (const step of job.steps ?? []) {
        if (
          String(step.uses ?? '').startsWith('actions/checkout@') &&
          step.with?.['persist-credentials'] !== false
        )
          problems.push(
            `job ${name}: actions/checkout must set persist-credentials: false (the token would stay in .git/config)`,
          );
      }
    }
    return problems;
  },

  'no-cancelled-environment-jobs': (wf) => {
    const cancels = (c) =>
      c &&
      typeof c === 'object' &&
      c['cancel-in-progress'] !== false &&
      c['cancel-in-progress'] !== undefined;
    const problems = [];
    for (const [name, job] of jobs(wf)) {
      if (job.environment && (cancels(wf.concurrency) || cancels(job.concurrency)))
        problems.push(
          `job ${name} deploys to an environment under a concurrency group with cancel-in-progress; a running apply must never be cancelled`,
        );
    }
    return problems;
  },

  'pinned-actions': (_wf, text) => {
    const problems = [];
    text.split('\n').forEach((line, i) => {
      const uses = /^\s*-?\s*uses:\s*([^\s#]+)(\s*#\s*(\S+))?/.exec(line);
      if (!uses || uses[1].startsWith('./')) return;
      if (!/@[0-9a-f]{40}$/.test(uses[1]))
        problems.push(`line ${i + 1}: ${uses[1]} is not pinned to a full commit SHA`);
      else if (!/^v\d+(\.\d+)*$/.test(uses[3] ?? ''))
        problems.push(
          `line ${i + 1}: ${uses[1]} has no "# vX.Y.Z" comment naming the release tag of its SHA`,
        );
    });
    return problems;
  },
};

/** Every house-rule problem of one workflow file, as "[rule] message". */
export function lintWorkflow(text) {
  let workflow;
  try {
    workflow = parse(text);
  } catch (err) {
    return [`[yaml] ${err.message}`];
  }
  if (!workflow || typeof workflow !== 'object') return ['[yaml] not a workflow'];
  return Object.entries(RULES).flatMap(([rule, check]) => check(workflow, text).map((p) => `[${rule}] ${p}`));
}
