import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

const scratch = scratchDir();
const sandbox = join(scratch.dir, 'sandbox.json');
afterAll(scratch.cleanup);

/** A small valid organization; each case swaps one piece for a broken one. */
function config(
  parts: {
    extraOus?: string;
    accounts?: string;
    policies?: string;
    permissionSet?: string;
    principal?: string;
  } = {},
): string {
  return `import { account, assign, defineOrganization, FullAWSAccess, group, managementAccount, organizationalUnit,
  organizationRoot, permissionSet, serviceControlPolicy, user } from '@orgops/model';

const denyLeave = serviceControlPolicy({
  name: 'deny-leave',
  content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] },
});
${parts.policies ?? ''}
export const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
export const workloads = organizationalUnit('Workloads', { parent: root });
${parts.extraOus ?? ''}
const mgmt = managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root });
const app = account({ name: 'app', email: 'aws+app@example.com', parent: workloads });
const ps = permissionSet(${parts.permissionSet ?? `{ name: 'ReadOnly', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }`});

export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [workloads${parts.extraOus ? ', ...extraOus' : ''}],
  accounts: [mgmt, app${parts.accounts ? `, ${parts.accounts}` : ''}],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [ps],
  assignments: [assign(${parts.principal ?? `group('developers')`}, ps, [workloads])],
});
`;
}

const digest = (): string => createHash('sha256').update(readFileSync(sandbox)).digest('hex');

beforeAll(async () => {
  writeTree(scratch.dir, { 'good/index.ts': config() });
  const ok = await orgops([
    'apply',
    '--auto-approve',
    '--config',
    join(scratch.dir, 'good'),
    '--sandbox-file',
    sandbox,
  ]);
  expect(ok.stderr).not.toMatch(/error/);
  expect(ok.code).toBe(0);
}, 60_000);

const cases: { name: string; code: string; parts: Parameters<typeof config>[0]; mentions: RegExp }[] = [
  {
    name: 'an SCP over the 10,240-character limit',
    code: 'policy-size',
    parts: {
      policies: `const huge = serviceControlPolicy({ name: 'huge', content: { Version: '2012-10-17', Statement: Array.from({ length: 400 }, (_, i) => ({ Sid: 'DenyThing' + i, Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' })) } });`,
      extraOus: `const extraOus = [organizationalUnit('Big', { parent: root, policies: [FullAWSAccess, huge] })];`,
    },
    mentions: /10,?240/,
  },
  {
    name: 'a duplicate account email',
    code: 'account-duplicate-email',
    parts: { accounts: `account({ name: 'app2', email: 'AWS+app@example.com', parent: workloads })` },
    mentions: /aws\+app@example\.com/i,
  },
  {
    name: 'an OU nested deeper than five levels',
    code: 'ou-depth',
    parts: {
      extraOus: `const l1 = organizationalUnit('L1', { parent: workloads }); const l2 = organizationalUnit('L2', { parent: l1 });
const l3 = organizationalUnit('L3', { parent: l2 }); const l4 = organizationalUnit('L4', { parent: l3 }); const l5 = organizationalUnit('L5', { parent: l4 });
const extraOus = [l1, l2, l3, l4, l5];`,
    },
    mentions: /depth|deep/i,
  },
  {
    name: 'an SCP with a Principal element',
    code: 'scp-principal',
    parts: {
      policies: `const withPrincipal = serviceControlPolicy({ name: 'bad', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*', Principal: '*' } as never] } });`,
      extraOus: `const extraOus = [organizationalUnit('P', { parent: root, policies: [FullAWSAccess, withPrincipal] })];`,
    },
    mentions: /Principal/,
  },
  {
    name: 'a session longer than 12 hours',
    code: 'permission-set-session-duration',
    parts: { permissionSet: `{ name: 'ReadOnly', sessionDuration: 'PT13H' }` },
    mentions: /PT13H/,
  },
  {
    name: 'a permission set name over 32 characters',
    code: 'permission-set-name',
    parts: { permissionSet: `{ name: 'ThisPermissionSetNameIsFarTooLongForAWS' }` },
    mentions: /32/,
  },
  {
    name: 'an account whose parent OU is not listed (dangling reference)',
    code: 'reference-account-parent',
    parts: {
      accounts: `account({ name: 'lost', email: 'aws+lost@example.com', parent: organizationalUnit('Unlisted', { parent: root }) })`,
    },
    mentions: /Unlisted/,
  },
];

describe('bad config gets a specific error with its location and changes nothing', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = join(scratch.dir, c.code);
      writeTree(dir, { 'index.ts': config(c.parts) });
      const before = digest();
      const run = await orgops(['apply', '--auto-approve', '--config', dir, '--sandbox-file', sandbox]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`[${c.code}]`);
      expect(run.stderr).toMatch(new RegExp(`${c.code}\\]\\s+\\S*index\\.ts:\\d+`));
      expect(run.stderr).toMatch(c.mentions);
      expect(run.stderr).toMatch(/fix: /);
      expect(digest()).toBe(before);
    });
  }

  it('an unknown group fails the plan at the assignment, and changes nothing', async () => {
    const dir = join(scratch.dir, 'unknown-principal');
    writeTree(dir, { 'index.ts': config({ principal: `group('devlopers')` }) });
    const before = digest();
    const run = await orgops(['apply', '--auto-approve', '--config', dir, '--sandbox-file', sandbox]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[unknown-principal\]\s+\S*index\.ts:\d+/);
    expect(run.stderr).toContain("'devlopers'");
    expect(digest()).toBe(before);
  });

  it('a config that does not compile is reported, not thrown', async () => {
    const dir = join(scratch.dir, 'syntax');
    writeTree(dir, { 'index.ts': 'export default defineOrganization({ oops' });
    const run = await orgops(['validate', '--config', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[config-load-failed]');
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('a missing config path says where it looked', async () => {
    const run = await orgops(['validate', '--config', join(scratch.dir, 'nowhere')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[config-not-found]');
  });
});
