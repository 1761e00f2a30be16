import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOrgopsError } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { checkSandboxState, openSandbox, SANDBOX_FILE_MAX_ACCOUNTS, seedState } from '../src/index.ts';
import type { SandboxState } from '../src/state.ts';

async function fileWith(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orgops-sbx-file-'));
  const file = join(dir, 'sandbox.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The error openSandbox refuses the file with (a user error, never an internal TypeError). */
async function refusal(file: string): Promise<{ code: string; message: string }> {
  const err = await openSandbox(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOrgopsError(err)) throw new Error(`expected an OrgopsError, got ${String(err)}`);
  expect(err.source).toBe('user');
  return { code: err.code, message: err.message };
}

const seeded = (): SandboxState => seedState();

describe('a sandbox file is checked on load', () => {
  it('refuses {"stateVersion":1} naming the missing parts and how to start over', async () => {
    const file = await fileWith({ stateVersion: 1 });
    const { code, message } = await refusal(file);
    expect(code).toBe('sandbox-invalid');
    expect(message).toContain(file);
    expect(message).toMatch(/^ {2}organization: /m);
    expect(message).toMatch(/^ {2}accounts: /m);
    expect(message).toMatch(/^ {2}policies: /m);
    expect(message).toContain(`rm ${file}`);
  });

  it('refuses policies: null, naming the path and the value', async () => {
    const file = await fileWith({ ...seeded(), policies: null });
    const { code, message } = await refusal(file);
    expect(code).toBe('sandbox-invalid');
    expect(message).toMatch(/^ {2}policies: .*array.*\(value: null\)$/m);
  });

  it('refuses duplicate account ids and emails, pointing at both entries', async () => {
    const state = seeded();
    const twin = { ...state.accounts[0]!, name: 'twin' };
    state.accounts.push(twin);
    const { code, message } = await refusal(await fileWith(state));
    expect(code).toBe('sandbox-invalid');
    expect(message).toContain(
      'accounts[1]: duplicate account id (also at accounts[0])  (value: "100000000000")',
    );
    expect(message).toContain('accounts[1]: duplicate account email (also at accounts[0])');
  });

  it('refuses an OU cycle, showing the loop', async () => {
    const state = seeded();
    state.ous.push(
      { id: 'ou-sbx0-a', name: 'A', parentId: 'ou-sbx0-b', tags: {} },
      { id: 'ou-sbx0-b', name: 'B', parentId: 'ou-sbx0-a', tags: {} },
    );
    const { code, message } = await refusal(await fileWith(state));
    expect(code).toBe('sandbox-invalid');
    expect(message).toContain('never reach the root: ou-sbx0-a -> ou-sbx0-b -> ou-sbx0-a');
  });

  it('refuses attachments, parents and assignments that point at nothing', () => {
    const state = seeded();
    state.policies[0]!.targets.push('ou-sbx0-gone');
    state.accounts.push({
      id: '200000000001',
      name: 'lost',
      email: 'lost@example.com',
      state: 'ACTIVE',
      parentId: 'ou-sbx0-missing',
      tags: {},
      joinedMethod: 'CREATED',
    });
    state.identityCenter!.assignments.push({
      accountId: '200000000001',
      permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-sandbox000000001/ps-gone',
      principalType: 'GROUP',
      principalId: 'nobody',
    });
    state.policies.push({ ...state.policies[0]!, name: 'FullAWSAccess', targets: [] });
    const result = checkSandboxState(state);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'policies[0].targets[2]: no root, OU or account has this id',
        'accounts[1].parentId: no root or OU has this id',
        'identityCenter.assignments[0].permissionSetArn: no permission set has this ARN',
        'identityCenter.assignments[0].principalId: no group in the identity store has this id',
        'policies[2]: duplicate policy id (also at policies[0])',
        'policies[2]: duplicate policy name within its type (also at policies[0])',
      ]),
    );
  });

  it('refuses unknown keys, so a misspelt quota is not silently ignored', () => {
    const state = { ...seeded(), quotas: { maxAcounts: 100 } };
    const result = checkSandboxState(state);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['quotas', 'quotas.maxAccounts']),
    );
  });

  it('keeps the existing codes for text that is not JSON and for another state version', async () => {
    expect((await refusal(await fileWith('not json'))).code).toBe('sandbox-corrupt');
    const other = await refusal(await fileWith({ stateVersion: 2 }));
    expect(other.code).toBe('sandbox-version');
    expect(other.message).toContain('stateVersion 2');
  });

  it('accepts what it writes, with room for the example organization to grow', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'orgops-sbx-file-')), 'sandbox.json');
    await (await openSandbox(file)).close();
    const written = JSON.parse(await readFile(file, 'utf8')) as SandboxState;
    expect(checkSandboxState(written).ok).toBe(true);
    expect(written.quotas.maxAccounts).toBe(SANDBOX_FILE_MAX_ACCOUNTS);
    expect(SANDBOX_FILE_MAX_ACCOUNTS).toBeGreaterThan(10);
  });
});
