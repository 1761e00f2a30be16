import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { QUARANTINE_ACTIONS } from '@org/policies';
import { openSandbox } from '@orgops/sandbox';
import { FAKE_TOKEN, type FakeGitHub, OWNER, REPO, startFakeGitHub } from '@orgops/testkit/github-fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, workspaceRoot } from './harness.ts';

// The example organization, copied so the command can edit its config: accounts/src as it is.
const scratch = scratchDir();
const org = join(scratch.dir, 'org');
const sandboxFile = join(scratch.dir, 'sandbox.json');
const accountsFile = join(org, 'accounts.ts');
mkdirSync(org, { recursive: true });
for (const f of readdirSync(join(workspaceRoot, 'accounts/src'))) {
  if (f.endsWith('.ts') && !f.endsWith('.test.ts'))
    copyFileSync(join(workspaceRoot, 'accounts/src', f), join(org, f));
}
const original = readFileSync(accountsFile, 'utf8');
const args = (...extra: string[]) => [
  ...extra,
  '--config',
  join(org, 'index.ts'),
  '--sandbox-file',
  sandboxFile,
];

let fake: FakeGitHub;
beforeAll(async () => {
  const run = await orgops(args('apply', '--auto-approve'));
  expect(run.code).toBe(0);
  fake = await startFakeGitHub();
}, 120_000);
afterAll(async () => {
  await fake?.close();
  scratch.cleanup();
});

/** The sandbox organization's state, without its clock (reads advance it). */
const state = () => ({ ...JSON.parse(readFileSync(sandboxFile, 'utf8')), tick: 0 });

async function accountIn(name: string) {
  const sb = await openSandbox(sandboxFile);
  const a = (await sb.organizations.listAccounts()).find((x) => x.name === name)!;
  const parentId = (await sb.organizations.listParents(a.id))[0]!.id;
  const ous = await sb.organizations.listOrganizationalUnitsForParent('r-sbx0');
  return {
    id: a.id,
    parent: ous.find((o) => o.id === parentId)?.name ?? parentId,
    tags: await sb.organizations.listTagsForResource(a.id),
    sb,
  };
}

describe('orgops quarantine against the sandbox, on the example organization', () => {
  it('refuses, changing nothing: the management account, an unknown playbook, a pull request without a token, a sandbox an apply holds', async () => {
    const before = readFileSync(sandboxFile, 'utf8');
    const management = await orgops(args('quarantine', 'aws-management@example.com', '--reason', 'INC-1'));
    expect(management.code).toBe(1);
    expect(management.stderr).toContain('[quarantine-management-account]');
    const playbook = await orgops(
      args('quarantine', 'payments-prod', '--reason', 'INC-1', '--playbook', 'public-s3-bucket'),
    );
    expect(playbook.stderr).toContain(
      '[quarantine-playbook-unknown] Playbook "public-s3-bucket" has no quarantine step (quarantine.playbooks). Playbooks that quarantine an account: compromised-iam-credentials, root-user-activity.',
    );
    const pr = await orgops(args('quarantine', 'payments-prod', '--reason', 'INC-1', '--open-pr'));
    expect(pr.stderr).toContain('[github-env-incomplete]');
    const unknown = await orgops(args('quarantine', 'paymnts-prod', '--reason', 'INC-1'));
    expect(unknown.stderr).toContain('[quarantine-account-not-found]');
    // An apply holds the sandbox: the quarantine waits --lock-timeout for it, then says so.
    const held = await openSandbox(sandboxFile, { lock: true });
    const locked = await orgops(
      args('quarantine', 'payments-prod', '--reason', 'INC-1', '--lock-timeout', '0'),
    );
    await held.close();
    expect(locked.stderr).toContain('[sandbox-locked]');
    for (const run of [playbook, pr, unknown, locked]) expect(run.code).toBe(1);
    expect(readFileSync(sandboxFile, 'utf8')).toBe(before);
    expect(readFileSync(accountsFile, 'utf8')).toBe(original);
  });

  it('--dry-run says what it would do and changes nothing', async () => {
    const before = readFileSync(sandboxFile, 'utf8');
    const run = await orgops(args('quarantine', 'payments-prod', '--reason', 'INC-42', '--dry-run'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/\+ would move payments-prod \(\d{12}\) from ou-\S+ to \/Suspended/);
    expect(run.stdout).toContain('would record it in config: added a quarantine entry to payments-prod');
    expect(run.stdout).toContain('Dry run: nothing was changed in AWS, in the config or on GitHub.');
    expect(readFileSync(sandboxFile, 'utf8')).toBe(before);
    expect(readFileSync(accountsFile, 'utf8')).toBe(original);
  });

  it('moves, guards and tags the account, records it in config, and prints the playbook’s next steps', async () => {
    // Someone detached the quarantine RCP: the command attaches it again before moving anything in.
    const sb = await openSandbox(sandboxFile, { lock: true });
    const suspended = (await sb.organizations.listOrganizationalUnitsForParent('r-sbx0')).find(
      (o) => o.name === 'Suspended',
    )!;
    const rcp = (await sb.organizations.listPolicies('RESOURCE_CONTROL_POLICY')).find(
      (p) => p.name === 'deny-all-resource-access',
    )!;
    await sb.organizations.detachPolicy(rcp.id, suspended.id);
    await sb.close();

    const run = await orgops(
      args(
        'quarantine',
        'payments-prod',
        '--reason',
        'INC-42: root login (203.0.113.7)',
        '--playbook',
        'root-user-activity',
        '--stats',
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ will attach RCP deny-all-resource-access to /Suspended');
    expect(run.stdout).toContain('so the tag carries "INC-42: root login 203.0.113.7"');
    expect(run.stdout).toMatch(/payments-prod \(\d{12}\) is quarantined in \/Suspended\./);
    expect(run.stdout).toContain(
      `Config: added a quarantine entry to payments-prod (${relative(workspaceRoot, accountsFile)}:`,
    );
    expect(run.stdout).toContain('Mark the finding as in progress with a note [responder]');
    expect(run.stdout).toContain(
      'Delete the root password, keys and MFA devices with centralized root access [escalate to break-glass]',
    );

    const payments = await accountIn('payments-prod');
    expect(payments.parent).toBe('Suspended');
    expect(payments.tags).toMatchObject({
      'orgops:quarantine-reason': 'INC-42: root login 203.0.113.7',
      'orgops:quarantined-by': 'arn:aws:iam::100000000000:user/sandbox',
    });
    expect(
      (await payments.sb.organizations.listPoliciesForTarget(suspended.id, 'RESOURCE_CONTROL_POLICY')).map(
        (p) => p.name,
      ),
    ).toContain('deny-all-resource-access');
    // The config entry keeps the reason as given; the playbook step lists exactly the calls made.
    const edited = readFileSync(accountsFile, 'utf8');
    expect(edited).toContain("    reason: 'INC-42: root login (203.0.113.7)',\n");
    expect(edited).toContain(`    at: '${payments.tags['orgops:quarantined-at']}',\n`);
    const calls = [...run.stderr.matchAll(/^(organizations:\w+)\s+\d+$/gm)].map((m) => m[1]).sort();
    expect(calls).toEqual([...QUARANTINE_ACTIONS].sort());
  });

  it('is safe to repeat: a second run changes nothing and says so', async () => {
    const before = state();
    const config = readFileSync(accountsFile, 'utf8');
    const run = await orgops(
      args('quarantine', 'aws+payments-prod@example.com', '--reason', 'something else'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/was already quarantined \(since \S+\): nothing changed in AWS\./);
    expect(run.stdout).toContain('Config: already records it');
    expect(run.stdout).not.toContain('+ will');
    expect(state()).toEqual(before);
    expect(readFileSync(accountsFile, 'utf8')).toBe(config);
  });

  it('with the entry merged, plan and drift find nothing to do, and plan, drift and review show the account held', async () => {
    const plan = await orgops(args('plan'));
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Held in quarantine (no plan moves these out; only a release does)');
    expect(plan.stdout).toContain('No changes. The organization matches the config.');
    const drift = await orgops(args('drift'));
    expect(drift.code).toBe(0);
    expect(drift.stdout).toMatch(
      /No drift[^\n]*\n\nheld in quarantine, as config records \(1\)\n {2}# payments-prod \(\d{12}\) held in quarantine since \S+ by \S+: INC-42: root login 203\.0\.113\.7;/,
    );
    const review = await orgops(args('plan', '--format', 'markdown'));
    expect(review.stdout).toMatch(
      /### 🔒 Held in quarantine[\s\S]*payments-prod \(\d{12}\) held in quarantine since/,
    );
  });

  it('a plan and an apply from config that still places it in Prod leave it in quarantine', async () => {
    writeFileSync(accountsFile, original);
    const plan = await orgops(args('plan'));
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('[quarantine-not-recorded]');
    const apply = await orgops(args('apply', '--auto-approve'));
    expect(apply.code).toBe(0);
    expect((await accountIn('payments-prod')).parent).toBe('Suspended');
    const drift = await orgops(args('drift'));
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('held in quarantine, config not caught up (1)');
    expect(drift.stdout).not.toContain('Run `orgops apply`');
  });

  it('only an explicit release moves it out, flagged high', async () => {
    const at = (await accountIn('payments-prod')).tags['orgops:quarantined-at'];
    writeFileSync(
      accountsFile,
      original.replace(
        "  tags: { environment: 'prod', owner: 'payments', 'cost-center': 'cc-payments' },\n});",
        `  tags: { environment: 'prod', owner: 'payments', 'cost-center': 'cc-payments' },\n  release: { reason: 'INC-42 closed', quarantinedAt: '${at}' },\n});`,
      ),
    );
    const plan = await orgops(args('plan'));
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(
      /HIGH\s+account payments-prod \(\d{12}\) is released from quarantine \/Suspended -> \/Workloads\/Prod/,
    );
    expect((await orgops(args('apply', '--auto-approve'))).code).toBe(0);
    const payments = await accountIn('payments-prod');
    expect(payments.parent).not.toBe('Suspended');
    expect(Object.keys(payments.tags).filter((k) => k.startsWith('orgops:'))).toEqual([]);
    writeFileSync(accountsFile, original);
  });

  it('opens the pull request with the config change; merging it changes nothing in AWS', async () => {
    const path = relative(join(workspaceRoot), accountsFile).split('\\').join('/');
    fake.repo.commitFiles('main', { [path]: readFileSync(accountsFile, 'utf8') }, 'the config');
    const env = {
      GITHUB_TOKEN: FAKE_TOKEN,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: fake.apiUrl,
    };
    const run = await orgops(args('quarantine', 'data-prod', '--reason', 'INC-43 keys leaked', '--open-pr'), {
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Opened pull request #\d+ https:\/\/github\.example\/acme\/org-config\/pull\/\d+/,
    );
    const pull = fake.repo.pulls.at(-1)!;
    expect(pull.title).toMatch(/^Quarantine data-prod \(\d{12}\)$/);
    expect(pull.body).toContain('**Merging it changes nothing in AWS**');
    const proposed = fake.repo.fileOn(pull.headRef!, path)!;
    expect(proposed).toContain("reason: 'INC-43 keys leaked'");
    expect(proposed).toBe(readFileSync(accountsFile, 'utf8'));

    // Merge: main now has the proposed file; the plan from it is empty.
    writeFileSync(accountsFile, proposed);
    const plan = await orgops(args('plan'));
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
    // GitHub refusing the token after the account moved: containment stands, and the output says what is left.
    fake.failNext('GET', /\/pulls$/, 401, {}, 1);
    writeFileSync(accountsFile, original);
    const refused = await orgops(args('quarantine', 'network', '--reason', 'INC-44', '--open-pr'), { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/network \(\d{12}\) is quarantined in \/Suspended\./);
    expect(refused.stderr).toMatch(
      /\[quarantine-pull-request-failed\] The account is quarantined and the config records it, but no pull request was opened: HTTP 401/,
    );
    writeFileSync(accountsFile, proposed);
    // A repeated run finds the same pull request.
    const again = await orgops(args('quarantine', 'data-prod', '--reason', 'INC-43', '--open-pr'), { env });
    expect(again.stdout).toContain(`Already open: pull request #${pull.number}`);
    writeFileSync(accountsFile, original);
  }, 60_000);
});

describe('a plan saved before the quarantine', () => {
  it('is refused as stale when applied after it, and a fresh plan from that config leaves the account held', async () => {
    // A reviewed change moves payments-prod to NonProd; the account is quarantined before it is applied.
    const moved = original.replace(
      "  email: 'aws+payments-prod@example.com',\n  parent: prod,",
      "  email: 'aws+payments-prod@example.com',\n  parent: nonProd,",
    );
    expect(moved).not.toBe(original);
    writeFileSync(accountsFile, moved);
    const saved = join(scratch.dir, 'before-quarantine.json');
    const plan = await orgops(args('plan', '--out', saved));
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/payments-prod[^\n]*\/Workloads\/Prod -> \/Workloads\/NonProd/);
    expect((await orgops(args('quarantine', 'payments-prod', '--reason', 'INC-50'))).code).toBe(0);

    const stale = await orgops(args('apply', saved, '--auto-approve'));
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('[plan-stale]');
    expect((await accountIn('payments-prod')).parent).toBe('Suspended');
    // Without the entry the command wrote, a fresh plan from that config holds it too.
    writeFileSync(accountsFile, moved);
    const fresh = await orgops(args('apply', '--auto-approve'));
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(
      'config places it in /Workloads/NonProd, it stays in /Suspended until released',
    );
    expect(fresh.stdout).not.toMatch(/-> \/Workloads\/NonProd/);
    expect((await accountIn('payments-prod')).parent).toBe('Suspended');
    writeFileSync(accountsFile, original);
  }, 60_000);
});

describe('orgops quarantine when the config cannot be edited', () => {
  const dir = join(scratch.dir, 'helper');
  const file = join(dir, 'index.ts');
  const sandbox = join(scratch.dir, 'helper.json');
  const text = `import { account, defineOrganization, defineQuarantine, FullAWSAccess, organizationalUnit, organizationRoot,
  serviceControlPolicy } from '@orgops/model';
const denyAll = serviceControlPolicy({ name: 'deny-all', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess] });
const apps = organizationalUnit('Apps', { parent: root });
const suspended = organizationalUnit('Suspended', { parent: root, policies: [FullAWSAccess, denyAll] });
// Accounts made by a helper: the literal does not spell out any one account.
const app = (name: string) => account({ name, email: \`aws+\${name}@example.com\`, parent: apps });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps, suspended],
  accounts: [app('app-one')],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll] }),
});
`;

  it('contains the account anyway, and says what to add by hand', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    const helperArgs = (...extra: string[]) => [...extra, '--config', file, '--sandbox-file', sandbox];
    expect((await orgops(helperArgs('apply', '--auto-approve'))).code).toBe(0);
    const run = await orgops(helperArgs('quarantine', 'app-one', '--reason', 'INC-9'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/app-one \(\d{12}\) is quarantined in \/Suspended\./);
    expect(run.stderr).toContain(
      '[quarantine-config-not-recorded] The account is quarantined, but the config was not changed: ',
    );
    expect(run.stderr).toContain(
      "the object literal on line 8 does not spell out app-one's email, id or name as a string",
    );
    expect(run.stderr).toMatch(
      / {4}quarantine: \{\n {6}reason: 'INC-9',\n {6}at: '\S+',\n {6}by: 'arn:aws:iam::100000000000:user\/sandbox',\n {4}\}/,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('orgops quarantine when the config names no quarantine OU', () => {
  it('refuses before reading the organization, and says what to add', async () => {
    const dir = join(scratch.dir, 'no-quarantine');
    const file = join(dir, 'index.ts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      file,
      `import { account, defineOrganization, FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
export const root = organizationRoot({ policies: [FullAWSAccess] });
const apps = organizationalUnit('Apps', { parent: root });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps],
  accounts: [account({ name: 'app-one', email: 'aws+app-one@example.com', parent: apps })],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
});
`,
    );
    const sandbox = join(scratch.dir, 'no-quarantine.json');
    const run = await orgops([
      'quarantine',
      'app-one',
      '--reason',
      'INC-9',
      '--config',
      file,
      '--sandbox-file',
      sandbox,
      '--stats',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `[quarantine-not-configured] The config names no quarantine OU. Add quarantine: defineQuarantine({ organizationalUnit, guardrails }) to defineOrganization(...) in ${file}.`,
    );
    expect(existsSync(sandbox)).toBe(false);
  });
});
