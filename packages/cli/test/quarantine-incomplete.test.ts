import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '@orgops/live';
import { openSandbox } from '@orgops/sandbox';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

// AWS failing part-way: the CLI opens the sandbox through this wrapper, which fails TagResource
// while `outage` is set (the sandbox's failOn, as AWS throttling or an outage would).
const outage = vi.hoisted(() => ({ on: false }));
vi.mock('@orgops/sandbox', async (importOriginal) => {
  const original = await importOriginal<typeof import('@orgops/sandbox')>();
  return {
    ...original,
    openSandbox: (file: string, options: Parameters<typeof original.openSandbox>[1] = {}) =>
      original.openSandbox(file, {
        ...options,
        failOn: (op) =>
          outage.on && op === 'organizations:TagResource'
            ? new ServiceError('organizations', 'TagResource', 'ServiceException', 'injected outage')
            : undefined,
      }),
  };
});

const scratch = scratchDir();
afterAll(() => scratch.cleanup());
const dir = join(scratch.dir, 'org');
const sandboxFile = join(scratch.dir, 'sandbox.json');
writeTree(dir, {
  'index.ts': `import { account, defineOrganization, defineQuarantine, FullAWSAccess, organizationalUnit, organizationRoot,
  serviceControlPolicy } from '@orgops/model';
const denyAll = serviceControlPolicy({ name: 'deny-all', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess] });
const apps = organizationalUnit('Apps', { parent: root });
const suspended = organizationalUnit('Suspended', { parent: root, policies: [FullAWSAccess, denyAll] });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps, suspended],
  accounts: [account({ name: 'app', email: 'aws+app@example.com', parent: apps })],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll] }),
});
`,
});
const args = (...extra: string[]) => [
  ...extra,
  '--config',
  join(dir, 'index.ts'),
  '--sandbox-file',
  sandboxFile,
];

async function app() {
  const sb = await openSandbox(sandboxFile);
  const a = (await sb.organizations.listAccounts()).find((x) => x.name === 'app')!;
  const parentId = (await sb.organizations.listParents(a.id))[0]!.id;
  const ous = await sb.organizations.listOrganizationalUnitsForParent('r-sbx0');
  return {
    parent: ous.find((o) => o.id === parentId)?.name,
    tags: await sb.organizations.listTagsForResource(a.id),
  };
}

describe('orgops quarantine when AWS fails part-way', () => {
  it('says what was done and what failed, records nothing in config, and a second run finishes it', async () => {
    expect((await orgops(args('apply', '--auto-approve'))).code).toBe(0);
    const config = readFileSync(join(dir, 'index.ts'), 'utf8');
    outage.on = true;
    const failed = await orgops(args('quarantine', 'app', '--reason', 'INC-7'));
    outage.on = false;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/done: move app \(\d{12}\) from ou-\S+ to \/Suspended/);
    expect(failed.stderr).toMatch(/failed tag app \(\d{12}\): .*: ServiceException: injected outage/);
    expect(failed.stderr).toMatch(
      /\[quarantine-incomplete\] The quarantine of app \(\d{12}\) stopped part-way \(see above\)\. Run the same command again: it does only what is left\./,
    );
    // Contained (the move landed), not yet recorded; the config is untouched.
    expect(await app()).toEqual({ parent: 'Suspended', tags: {} });
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toBe(config);

    const again = await orgops(args('quarantine', 'app', '--reason', 'INC-7'));
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('+ will move');
    expect(again.stdout).toMatch(/\+ will tag app \(\d{12}\): orgops:quarantine-reason=INC-7/);
    expect((await app()).tags).toMatchObject({ 'orgops:quarantine-reason': 'INC-7' });
    expect(again.stdout).toContain('Config: added a quarantine entry to app');
    expect((await orgops(args('plan'))).stdout).toContain('No changes.');
  });
});
