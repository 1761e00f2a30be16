import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAwsBackend } from '@orgops/aws';
import { motoOptions, TEST_CREDENTIALS, TEST_REGION } from '@orgops/testkit/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir, writeTree } from './harness.ts';
import { orgopsAws, useMotoOrganization } from './moto-harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);
const configDir = join(scratch.dir, 'org');
const accountsFile = join(configDir, 'accounts.ts');
const organization = useMotoOrganization();

beforeAll(async () => {
  const apply = await aws('apply', '--auto-approve');
  expect(apply.stderr).not.toMatch(/internal error|✗/);
  expect(apply.code).toBe(0);
}, 120_000);

const ACCOUNTS = `import { account } from '@orgops/model';
import { apps } from './ous.ts';

export const app = account({
  name: 'app',
  email: 'aws+app@example.com',
  parent: apps,
  tags: { env: 'prod' },
});
`;
writeTree(configDir, {
  'ous.ts': `import { FullAWSAccess, organizationalUnit, organizationRoot, resourceControlPolicy, serviceControlPolicy } from '@orgops/model';
export const denyAll = serviceControlPolicy({ name: 'deny-all', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } });
export const denyResources = resourceControlPolicy({ name: 'deny-all-resource-access', content: { Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sts:AssumeRole'], Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess] });
export const apps = organizationalUnit('Apps', { parent: root });
export const suspended = organizationalUnit('Suspended', { parent: root, policies: [FullAWSAccess, denyAll, denyResources] });
`,
  'accounts.ts': ACCOUNTS,
  'index.ts': `import { defineOrganization, defineQuarantine, FullAWSAccess } from '@orgops/model';
import { app } from './accounts.ts';
import { apps, denyAll, denyResources, root, suspended } from './ous.ts';
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps, suspended],
  accounts: [app],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll, denyResources] }),
});
`,
});

const aws = (...args: string[]) => orgopsAws(...args, '--config', join(configDir, 'index.ts'));

async function live() {
  const backend = await createAwsBackend(motoOptions(organization.moto));
  try {
    const org = backend.organizations;
    const app = (await org.listAccounts()).find((a) => a.name === 'app')!;
    const rootId = (await org.listRoots())[0]!.id;
    const ous = await org.listOrganizationalUnitsForParent(rootId);
    const parent = (await org.listParents(app.id))[0]!.id;
    return {
      id: app.id,
      parent: ous.find((o) => o.id === parent)?.name ?? parent,
      tags: await org.listTagsForResource(app.id),
    };
  } finally {
    backend.destroy();
  }
}

/** Temporary credentials of a role in `accountId`, from moto's STS (the Query API over HTTP). */
async function assumeRoleIn(accountId: string): Promise<Record<string, string>> {
  const body = new URLSearchParams({
    Action: 'AssumeRole',
    Version: '2011-06-15',
    RoleArn: `arn:aws:iam::${accountId}:role/responder`,
    RoleSessionName: 'responder',
  });
  // moto routes by the signing name in the Authorization header and does not check the signature.
  const authorization = `AWS4-HMAC-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/20260101/${TEST_REGION}/sts/aws4_request, SignedHeaders=host, Signature=0`;
  const xml = await (
    await fetch(organization.moto.endpoint, { method: 'POST', body, headers: { authorization } })
  ).text();
  const field = (name: string) => xml.match(new RegExp(`<${name}>([^<]+)</${name}>`))?.[1] ?? '';
  expect(field('AccessKeyId')).not.toBe('');
  return {
    AWS_ACCESS_KEY_ID: field('AccessKeyId'),
    AWS_SECRET_ACCESS_KEY: field('SecretAccessKey'),
    AWS_SESSION_TOKEN: field('SessionToken'),
  };
}

describe('orgops quarantine --backend aws against moto (real SDK over HTTP)', () => {
  it('refuses the management account and a member account’s credentials, and --dry-run changes nothing', async () => {
    const management = await aws('quarantine', '123456789012', '--reason', 'INC-1');
    expect(management.code).toBe(1);
    expect(management.stderr).toContain('[quarantine-management-account]');
    const before = await live();
    // Credentials of a member account (a responder's role there): only the management account moves accounts.
    const member = await assumeRoleIn(before.id);
    const saved = { ...process.env };
    Object.assign(process.env, member);
    const refused = await aws('quarantine', 'app', '--reason', 'INC-42').finally(() => {
      process.env = saved;
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '[quarantine-not-management-account] These credentials are not the management account’s',
    );
    expect(await live()).toEqual(before);
    const dry = await aws('quarantine', 'app', '--reason', 'INC-42', '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain(`+ would move app (${before.id})`);
    expect(await live()).toEqual(before);
    expect(readFileSync(accountsFile, 'utf8')).toBe(ACCOUNTS);
  }, 60_000);

  it('guards, moves and tags the account as the caller STS names, records it, a second run changes nothing, and the recorded config plans nothing', async () => {
    // The quarantine RCP was detached from Suspended: the command attaches it again first.
    const backend = await createAwsBackend(motoOptions(organization.moto));
    const org = backend.organizations;
    const rootId = (await org.listRoots())[0]!.id;
    const suspended = (await org.listOrganizationalUnitsForParent(rootId)).find(
      (o) => o.name === 'Suspended',
    )!;
    const rcp = (await org.listPolicies('RESOURCE_CONTROL_POLICY')).find(
      (p) => p.name === 'deny-all-resource-access',
    )!;
    await org.detachPolicy(rcp.id, suspended.id);
    const run = await aws('quarantine', 'aws+app@example.com', '--reason', 'INC-42 keys leaked', '--stats');
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const after = await live();
    expect(after.parent).toBe('Suspended');
    expect(after.tags).toMatchObject({
      env: 'prod',
      'orgops:quarantine-reason': 'INC-42 keys leaked',
      'orgops:quarantined-by': 'arn:aws:sts::123456789012:user/moto',
    });
    expect(run.stderr).toMatch(/sts:GetCallerIdentity\s+1/);
    expect(run.stdout).toContain('+ will attach RCP deny-all-resource-access to /Suspended');
    expect(
      (await org.listPoliciesForTarget(suspended.id, 'RESOURCE_CONTROL_POLICY')).map((p) => p.name),
    ).toContain('deny-all-resource-access');
    backend.destroy();
    expect(readFileSync(accountsFile, 'utf8')).toContain("    reason: 'INC-42 keys leaked',\n");

    const again = await aws('quarantine', 'app', '--reason', 'INC-42');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was already quarantined');
    expect(await live()).toEqual(after);

    // The config as the command recorded it (what merging its pull request brings): nothing to do.
    const plan = await aws('plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`app (${after.id}) held in quarantine since`);
    expect(plan.stdout).toContain('No changes. The organization matches the config.');
    const drift = await aws('drift');
    expect(drift.code).toBe(0);
  }, 60_000);

  it('plan and apply from config that still places it in Apps leave it in quarantine; a release moves it out, flagged high', async () => {
    writeFileSync(accountsFile, ACCOUNTS);
    const plan = await aws('plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Held in quarantine');
    expect((await aws('apply', '--auto-approve')).code).toBe(0);
    const held = await live();
    expect(held.parent).toBe('Suspended');
    // Drift keeps saying config has not caught up, and never calls the hold something to revert.
    const drift = await aws('drift');
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('held in quarantine, config not caught up (1)');

    writeFileSync(
      accountsFile,
      ACCOUNTS.replace(
        "  tags: { env: 'prod' },\n",
        `  tags: { env: 'prod' },\n  release: { reason: 'INC-42 closed', quarantinedAt: '${held.tags['orgops:quarantined-at']}' },\n`,
      ),
    );
    const release = await aws('plan');
    expect(release.code).toBe(2);
    expect(release.stdout).toContain('[quarantine-release]');
    expect((await aws('apply', '--auto-approve')).code).toBe(0);
    const out = await live();
    expect(out.parent).toBe('Apps');
    expect(out.tags).toEqual({ env: 'prod' });
  }, 120_000);
});
