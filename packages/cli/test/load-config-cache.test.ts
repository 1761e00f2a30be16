import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/load-config.ts';
import { scratchDir, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

const organization = `import { defineOrganization, FullAWSAccess, organizationRoot } from '@orgops/model';
import { accounts, root } from './accounts.ts';
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [],
  accounts,
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
});
`;
const accounts = (name: string) => `import { account, FullAWSAccess, organizationRoot } from '@orgops/model';
export const root = organizationRoot({ policies: [FullAWSAccess] });
export const accounts = [account({ name: '${name}', email: 'aws+app@example.com', parent: root })];
`;

async function load(dir: string) {
  const result = await loadConfig(dir, scratch.dir);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('loading the same config twice in one process', () => {
  it('reuses the imported module while no file it was built from changed, and re-imports after an edit', async () => {
    const dir = join(scratch.dir, 'org');
    writeTree(dir, { 'index.ts': organization, 'accounts.ts': accounts('app') });
    const first = await load(dir);
    const again = await load(dir);
    expect(again.config).toBe(first.config);
    expect(again.desired).toEqual(first.desired);

    // An imported file, not the entry, changes: the next load sees it.
    writeTree(dir, { 'accounts.ts': accounts('renamed') });
    const edited = await load(dir);
    expect(edited.config).not.toBe(first.config);
    expect(edited.config.accounts.map((a) => a.name)).toEqual(['renamed']);

    // The entry changes back to what it was before: still a fresh import, never a stale one.
    writeTree(dir, { 'accounts.ts': accounts('app') });
    const restored = await load(dir);
    expect(restored.config).not.toBe(edited.config);
    expect(restored.config.accounts.map((a) => a.name)).toEqual(['app']);
  }, 60_000);

  it('never keeps a config that failed to load', async () => {
    const dir = join(scratch.dir, 'broken');
    writeTree(dir, { 'index.ts': organization, 'accounts.ts': 'export const root = ;\n' });
    expect((await loadConfig(dir, scratch.dir)).ok).toBe(false);
    writeTree(dir, { 'accounts.ts': accounts('fixed') });
    expect((await load(dir)).config.accounts.map((a) => a.name)).toEqual(['fixed']);
  }, 60_000);
});
