import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateOrganizationalUnitCommand,
  DeleteOrganizationalUnitCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { type FakeGitHub, startFakeGitHub } from '@orgops/testkit/github-fake';
import {
  createMotoOrganization,
  type Moto,
  motoClients,
  startMoto,
  TEST_CREDENTIALS,
  TEST_REGION,
} from '@orgops/testkit/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_MARKER } from '../src/index.ts';
import { sha } from './host.ts';
import { orgopsCommands, type RunnerEnv, runJob } from './workflow-runner.ts';

const packageDir = join(import.meta.dirname, '..');
let moto: Moto;
let fake: FakeGitHub;
let runner: RunnerEnv;
let scratch: string;

/** The organization config at a commit: the OUs under the root, with tags. */
function commitConfig(ous: Record<string, Record<string, string>>): void {
  const lines = Object.entries(ous).map(
    ([name, tags], i) =>
      `const ou${i} = organizationalUnit(${JSON.stringify(name)}, { parent: root, tags: ${JSON.stringify(tags)} });`,
  );
  writeFileSync(
    join(runner.checkout, 'accounts', 'index.ts'),
    `import { defineOrganization, FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
export const root = organizationRoot({ policies: [FullAWSAccess] });
${lines.join('\n')}
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [${Object.keys(ous)
    .map((_, i) => `ou${i}`)
    .join(', ')}],
  accounts: [],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  ignore: { trustedServices: ['*'] },
});
`,
  );
}

async function ous(): Promise<string[]> {
  const org = motoClients(moto).organizations;
  const roots = await org.send(new ListRootsCommand({}));
  const out = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: roots.Roots?.[0]?.Id }));
  return (out.OrganizationalUnits ?? []).map((o) => o.Name ?? '').sort();
}

async function consoleChange(name: string): Promise<string> {
  const org = motoClients(moto).organizations;
  const roots = await org.send(new ListRootsCommand({}));
  const out = await org.send(
    new CreateOrganizationalUnitCommand({ ParentId: roots.Roots?.[0]?.Id, Name: name }),
  );
  return out.OrganizationalUnit?.Id ?? '';
}

let mainTip = sha('e2e-root');

function planRun(pr: number, head: string) {
  const existing = fake.repo.pulls.find((p) => p.number === pr);
  if (existing) existing.headSha = head;
  else
    fake.repo.pulls.push({
      number: pr,
      headSha: head,
      baseRef: 'main',
      mergedAt: null,
      mergeCommitSha: null,
    });
  const run = fake.repo.addRun({
    workflow: 'plan.yml',
    headSha: head,
    headBranch: `pr-${pr}`,
    event: 'pull_request',
    status: 'in_progress',
    conclusion: null,
  });
  const payload = {
    pull_request: { number: pr, head: { sha: head, repo: { full_name: 'acme/org-config' } } },
  };
  return runJob(runner, 'plan.yml', 'plan', run, {
    name: 'pull_request',
    payload,
    sha: sha(`preview-${head}`),
  });
}

function merge(pr: number, head: string, mergeSha: string): void {
  fake.repo.addCommit(mergeSha, [mainTip, head]);
  mainTip = mergeSha;
  const pull = fake.repo.pulls.find((p) => p.number === pr);
  if (!pull) throw new Error(`no #${pr}`);
  Object.assign(pull, { headSha: head, mergedAt: fake.repo.now(), mergeCommitSha: mergeSha });
}

function applyRun(at: string, dispatch?: Record<string, string>) {
  const run = fake.repo.addRun({
    workflow: 'apply.yml',
    headSha: at,
    headBranch: 'main',
    event: dispatch ? 'workflow_dispatch' : 'push',
    status: 'in_progress',
    conclusion: null,
  });
  return runJob(runner, 'apply.yml', 'apply', run, {
    name: dispatch ? 'workflow_dispatch' : 'push',
    payload: dispatch ? { inputs: dispatch } : { after: at },
    sha: at,
    ref: 'refs/heads/main',
  });
}

function driftRun() {
  const run = fake.repo.addRun({
    workflow: 'drift.yml',
    headSha: mainTip,
    headBranch: 'main',
    event: 'schedule',
    status: 'in_progress',
    conclusion: null,
  });
  return runJob(runner, 'drift.yml', 'drift', run, {
    name: 'schedule',
    payload: {},
    sha: mainTip,
    ref: 'refs/heads/main',
  });
}

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  moto = await startMoto();
  await createMotoOrganization(moto);
  fake = await startFakeGitHub();
  mkdirSync(join(packageDir, '.tmp'), { recursive: true });
  scratch = mkdtempSync(join(packageDir, '.tmp', 'e2e-'));
  const checkout = join(scratch, 'repo');
  mkdirSync(join(checkout, 'accounts'), { recursive: true });
  // The checkout is its own workspace, so the default config is its accounts/.
  writeFileSync(join(checkout, 'pnpm-workspace.yaml'), 'packages: []\n');
  fake.repo.addCommit(mainTip, []);
  runner = {
    fake,
    checkout,
    awsEnv: {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    },
    vars: {
      ORGOPS_AWS_REGION: TEST_REGION,
      ORGOPS_PLAN_ROLE_ARN: 'arn:aws:iam::123456789012:role/orgops-plan',
      ORGOPS_APPLY_ROLE_ARN: 'arn:aws:iam::123456789012:role/orgops-apply',
      ORGOPS_DRIFT_ROLE_ARN: 'arn:aws:iam::123456789012:role/orgops-drift',
      // Optional; GitHub gives an unset variable as the empty string.
      ORGOPS_ACCOUNT_QUOTA: '',
    },
    roles: {
      'plan.yml': 'ORGOPS_PLAN_ROLE_ARN',
      'apply.yml': 'ORGOPS_APPLY_ROLE_ARN',
      'drift.yml': 'ORGOPS_DRIFT_ROLE_ARN',
    },
  };
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  await fake?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the workflows, end to end, against moto and the fake GitHub', () => {
  it('reads the orgops commands from the workflow files', () => {
    expect(orgopsCommands('plan.yml', 'plan')).toEqual([
      'pnpm -s orgops plan --backend aws --rehearse --out plan.json || test $? -eq 2 -o $? -eq 3',
      'pnpm -s orgops github comment plan.json --backend aws',
    ]);
    expect(orgopsCommands('apply.yml', 'apply')).toEqual(['pnpm -s orgops github apply --backend aws']);
    expect(orgopsCommands('drift.yml', 'drift')).toEqual([
      'pnpm -s orgops github drift --backend aws --incremental || test $? -eq 2',
    ]);
  });

  // About a dozen CLI processes (tsx, the AWS SDK) on a two-core machine: a minute or two alone,
  // much longer when the machine is shared, hence the generous timeout.
  it('plans and comments, updates the comment, applies what was reviewed, refuses what was not, tracks drift in one issue', async () => {
    // A pull request plans and comments; a second push edits the same comment.
    commitConfig({ Apps: { team: 'platform' } });
    const first = await planRun(1, sha('pr1-a'));
    expect(first.failed, first.log).toBe(false);
    const review = () => fake.repo.commentsOn(1).filter((c) => c.body.includes(REVIEW_MARKER));
    expect(review()).toHaveLength(1);
    const id = review()[0]?.id;
    commitConfig({ Apps: { team: 'platform' }, Tools: {} });
    const second = await planRun(1, sha('pr1-b'));
    expect(second.failed, second.log).toBe(false);
    expect(review()).toHaveLength(1);
    expect(review()[0]?.id).toBe(id);
    expect(review()[0]?.body).toContain('ou /Tools');
    // Every plan is rehearsed on a twin of the (moto) organization, and the review says how it went.
    expect(review()[0]?.body).toMatch(/✅ \*\*Rehearsed: \d+ changes applied, converges\.\*\*/);
    expect(second.summary).toContain('### Access changes');

    // The merge applies exactly the reviewed changes.
    merge(1, sha('pr1-b'), sha('m1'));
    const applied = await applyRun(sha('m1'));
    expect(applied.failed, applied.log).toBe(false);
    expect(applied.log).toContain('#1: review verified (3 changes)');
    expect(await ous()).toEqual(['Apps', 'Tools']);

    // A pull request reviewed before an out-of-band change is refused at merge.
    commitConfig({ Apps: { team: 'platform' }, Tools: {}, Data: {} });
    expect((await planRun(2, sha('pr2'))).failed).toBe(false);
    await consoleChange('Rogue');
    merge(2, sha('pr2'), sha('m2'));
    const refused = await applyRun(sha('m2'));
    expect(refused.failed).toBe(true);
    expect(refused.log).toContain('Refusing to apply: 1 of 2 changes were not shown by any review');
    expect(await ous()).toEqual(['Apps', 'Rogue', 'Tools']);
    const refusal = fake.repo.commentsOn(2).find((c) => c.body.includes('orgops-apply'))?.body ?? '';
    expect(refusal).toContain('delete `ou/Rogue`');
    const digest = /`([0-9a-f]{64})`\n\nThat run waits/.exec(refusal)?.[1] ?? '';

    // A person approves the fresh plan by its digest with a manual run.
    const approved = await applyRun(sha('m2'), { changes_digest: digest });
    expect(approved.failed, approved.log).toBe(false);
    expect(await ous()).toEqual(['Apps', 'Data', 'Tools']);

    // Drift opens an issue, a second run updates it, a revert closes it.
    const rogue = await consoleChange('Rogue2');
    const opened = await driftRun();
    expect(opened.failed, opened.log).toBe(false);
    expect(fake.repo.issues).toHaveLength(1);
    const issue = fake.repo.issues[0];
    expect(issue?.labels).toEqual(['orgops-drift']);
    expect(issue?.body).toContain('OU /Rogue2 was created');
    expect(opened.summary).toContain('Full read: no earlier successful drift.yml run on main.');
    expect(
      fake.repo.artifacts.some((a) => a.runId === opened.run.id && a.name === 'orgops-drift-baseline'),
    ).toBe(true);

    const org = motoClients(moto).organizations;
    await org.send(new TagResourceCommand({ ResourceId: rogue, Tags: [{ Key: 'owner', Value: 'console' }] }));
    const appsId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
    const list = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: appsId }));
    const apps = list.OrganizationalUnits?.find((o) => o.Name === 'Apps')?.Id ?? '';
    await org.send(new TagResourceCommand({ ResourceId: apps, Tags: [{ Key: 'team', Value: 'someone' }] }));
    const updated = await driftRun();
    expect(updated.failed, updated.log).toBe(false);
    expect(fake.repo.issues).toHaveLength(1);
    expect(issue?.body).toContain('OU /Apps was retagged');
    // It tried to continue from the first run's baseline; moto has no LookupEvents, so it read all.
    expect(updated.summary).toMatch(/Full read: CloudTrail(\\)?'s event history could not be read/);

    await org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: rogue }));
    await org.send(new TagResourceCommand({ ResourceId: apps, Tags: [{ Key: 'team', Value: 'platform' }] }));
    const closed = await driftRun();
    expect(closed.failed, closed.log).toBe(false);
    expect(issue?.state).toBe('closed');
    expect(fake.repo.commentsOn(issue?.number ?? 0).at(-1)?.body).toContain('No drift as of commit');
  }, 900_000);
});
