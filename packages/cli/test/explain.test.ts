import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';
import { organizationSource } from './review-cases.org.ts';

/**
 * `orgops explain` and `orgops can` as a user runs them: each format, the config and the live
 * (sandbox) organization, and every kind of bad input, which fails with a coded error on stderr
 * and prints nothing on stdout.
 */
const scratch = scratchDir();
afterAll(scratch.cleanup);
const sandbox = join(scratch.dir, 'sandbox.json');
const config = join(scratch.dir, 'config');
writeTree(config, { 'index.ts': organizationSource() });
const fromConfig = ['--config', config];

/** A bad invocation: exit 1, nothing on stdout, the coded error (when there is one) and its words. */
async function expectRefusal(args: string[], code: string, words: string): Promise<void> {
  const run = await orgops([...args, ...fromConfig]);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  if (code) expect(run.stderr).toContain(`[${code}]`);
  expect(run.stderr).toContain(words);
}
const live = ['--config', config, '--backend', 'sandbox', '--sandbox-file', sandbox];

beforeAll(async () => {
  const run = await orgops(['apply', '--auto-approve', ...fromConfig, '--sandbox-file', sandbox]);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

interface AccountJson {
  source: string;
  kind: string;
  account: { name: string; id?: string; ouPath: string };
  management: boolean;
  levels: { label: string; serviceControlPolicies: { name: string; statements: { sentence: string }[] }[] }[];
  allowedRegions?: string[];
  exemptions: { principal: string; denies: number }[];
  access: { principal: { type: string; name: string }; permissionSet: string; level?: string }[];
}

describe('orgops explain', () => {
  it('gives an account’s chain, Regions, exemptions and access as JSON, from the config', async () => {
    const run = await orgops(['explain', 'payments-prod', '--format', 'json', ...fromConfig]);
    expect(run.code, run.stderr).toBe(0);
    const e = JSON.parse(run.stdout) as AccountJson;
    expect(e.source).toBe('config');
    expect(e.kind).toBe('account');
    expect(e.account).toMatchObject({ name: 'payments-prod', ouPath: '/Workloads/Prod' });
    expect(e.account.id).toBeUndefined();
    expect(e.levels.map((l) => [l.label, l.serviceControlPolicies.map((p) => p.name)])).toEqual([
      ['root', ['FullAWSAccess', 'protect-security-services', 'deny-leave-organization']],
      ['/Workloads', ['FullAWSAccess', 'region-allow-list']],
      ['/Workloads/Prod', ['FullAWSAccess']],
      ['account payments-prod', ['FullAWSAccess']],
    ]);
    expect(e.allowedRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(e.exemptions).toEqual([{ principal: 'arn:aws:iam::*:role/break-glass', denies: 5 }]);
    expect(e.access).toEqual([
      expect.objectContaining({
        principal: { type: 'GROUP', name: 'platform-admins' },
        permissionSet: 'PlatformAdmin',
        level: 'admin',
      }),
      expect.objectContaining({ principal: { type: 'GROUP', name: 'read-only' }, permissionSet: 'ReadOnly' }),
    ]);
  });

  it('asks the live organization with --backend: the real account ids', async () => {
    const run = await orgops(['explain', 'aws+payments-prod@example.com', '--format', 'json', ...live]);
    expect(run.code, run.stderr).toBe(0);
    const e = JSON.parse(run.stdout) as AccountJson;
    expect(e.source).toBe('live');
    expect(e.account.id).toMatch(/^\d{12}$/);
    // The same account by the id the sandbox gave it.
    const byId = await orgops(['explain', e.account.id!, '--format', 'json', ...live]);
    expect(byId.code, byId.stderr).toBe(0);
    expect((JSON.parse(byId.stdout) as AccountJson).account.name).toBe('payments-prod');
  });

  it('draws an account’s chain in Markdown, root to account', async () => {
    const run = await orgops(['explain', 'payments-prod', '--format', 'markdown', ...fromConfig]);
    expect(run.code, run.stderr).toBe(0);
    const md = run.stdout;
    const start = md.indexOf('```mermaid');
    expect(start).toBeGreaterThan(0);
    expect(md.slice(start, md.indexOf('```', start + 3) + 3)).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      flowchart TD
        classDef changed fill:#fff8c5,stroke:#9a6700
        l0["root<br/>SCP: FullAWSAccess, protect-security-services, deny-leave-organization"]
        l1["/Workloads<br/>SCP: FullAWSAccess, region-allow-list"]
        l2["/Workloads/Prod<br/>SCP: FullAWSAccess"]
        l3(["payments-prod<br/>SCP: FullAWSAccess"]):::changed
        l0 --> l1
        l1 --> l2
        l2 --> l3
      \`\`\`"
    `);
    expect(md).toContain(
      'Deny everything except iam:\\*, organizations:\\*, sts:\\* +2 more outside Regions eu-west-1, us-east-1',
    );
  });

  it('says the management account is outside every SCP', async () => {
    const run = await orgops(['explain', 'management', ...fromConfig]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'This is the management account: no SCP or RCP applies to it, whatever is attached on its path.',
    );
  });

  it('explains a permission set (what it grants, the paths to admin, where it reaches) and a group', async () => {
    const ps = await orgops(['explain', 'ps:PlatformAdmin', ...fromConfig]);
    expect(ps.code, ps.stderr).toBe(0);
    expect(ps.stdout).toContain(
      'Permission set PlatformAdmin: AdministratorAccess, 1h sessions [admin-equivalent]',
    );
    expect(ps.stdout).toContain('Paths to admin it opens:');
    expect(ps.stdout).not.toContain('  none found');
    expect(ps.stdout).toMatch(/group platform-admins in 6 accounts: /);
    const group = await orgops(['explain', 'group:read-only', '--format', 'json', ...fromConfig]);
    expect(group.code, group.stderr).toBe(0);
    const e = JSON.parse(group.stdout) as {
      kind: string;
      access: { permissionSet: string; accounts: unknown[] }[];
    };
    expect(e.kind).toBe('principal');
    expect(e.access.map((a) => [a.permissionSet, a.accounts.length])).toEqual([['ReadOnly', 10]]);
  });

  it.each([
    [['explain', 'nosuch'], 'explain-subject-unknown', 'nothing in the organization is called "nosuch"'],
    [['explain', 'account:payments-prd'], 'simulation-account-unknown', 'did you mean payments-prod?'],
    [['explain', 'ps:Admin'], 'explain-subject-unknown', 'there are: ReadOnly, PlatformAdmin'],
    [['explain', 'payments-prod', '--format', 'yaml'], '', "argument 'yaml' is invalid"],
  ])('refuses %j with a clear error and prints nothing on stdout', expectRefusal);
});

describe('orgops can', () => {
  it('names the statement that decides, on a named resource from a named Region (exit 2 for no)', async () => {
    const args = ['can', 'group:platform-admins', 's3:DeleteObject', '--account', 'payments-prod'];
    const resource = ['--resource', 'arn:aws:s3:::payments-data/report.csv'];
    const denied = await orgops([
      ...args,
      ...resource,
      '--request-region',
      'ap-south-1',
      '--format',
      'json',
      ...live,
    ]);
    expect(denied.code, denied.stderr).toBe(2);
    const answer = JSON.parse(denied.stdout) as {
      allowed: boolean;
      source: string;
      question: Record<string, unknown>;
      paths: { through: string; result: { decision: string; resource: string; decidedBy: unknown[] } }[];
    };
    expect(answer.allowed).toBe(false);
    expect(answer.source).toBe('live');
    expect(answer.question).toEqual({
      principal: 'group:platform-admins',
      action: 's3:DeleteObject',
      account: 'payments-prod',
      resource: 'arn:aws:s3:::payments-data/report.csv',
      requestRegion: 'ap-south-1',
      format: 'json',
      context: {},
    });
    expect(answer.paths).toEqual([
      {
        through: 'permission set PlatformAdmin',
        words: expect.any(String),
        result: expect.objectContaining({
          decision: 'ExplicitlyDenied',
          resource: 'arn:aws:s3:::payments-data/report.csv',
          decidedBy: [
            expect.objectContaining({ policyType: 'scp', policy: 'region-allow-list', level: '/Workloads' }),
          ],
        }),
      },
    ]);
    const allowed = await orgops([...args, ...resource, '--request-region', 'eu-west-1', ...live]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(
      /^Can group:platform-admins do s3:DeleteObject in payments-prod \(\d{12}\)\? Yes\./,
    );
    expect(allowed.stdout).toContain(
      'Allowed by identity policy arn:aws:iam::aws:policy/AdministratorAccess',
    );
  });

  it('says when the account id is a stand-in (the config records none)', async () => {
    const run = await orgops([
      'can',
      'group:read-only',
      'iam:CreateUser',
      '--account',
      'payments-prod',
      ...fromConfig,
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/stands in for the account id, which the config does not record/);
  });

  it('answers for a principal that holds nothing in the account without simulating', async () => {
    const run = await orgops([
      'can',
      'group:platform-admins',
      'iam:PassRole',
      '--account',
      'log-archive',
      ...fromConfig,
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain('No.');
    expect(run.stdout).not.toContain('through permission set');
  });

  it.each([
    [['can', 'bob', 's3:GetObject', '--account', 'payments-prod'], 'can-asker-invalid', 'write group:NAME'],
    [
      ['can', 'group:read-only', 's3:GetObjekt', '--account', 'payments-prod'],
      'simulation-request-invalid',
      'not in the IAM catalogue',
    ],
    [
      ['can', 'group:read-only', 's3:*', '--account', 'payments-prod'],
      'simulation-request-invalid',
      'not one service:Action',
    ],
    [
      ['can', 'group:read-only', 's3:GetObject', '--account', 'nosuch'],
      'simulation-account-unknown',
      'no account "nosuch"',
    ],
    [
      [
        'can',
        'group:read-only',
        's3:GetObject',
        '--account',
        'payments-prod',
        '--context',
        'aws:PrincipalTag/team',
      ],
      'can-context-invalid',
      'is not key=value',
    ],
    [
      ['can', 'group:read-only', 's3:GetObject'],
      '',
      "required option '-a, --account <account>' not specified",
    ],
  ])('refuses %j with a clear error and prints nothing on stdout', expectRefusal);
});
