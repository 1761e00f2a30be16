import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProfileExists } from './profile-check.ts';

const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgops-profiles-'));
  writeFileSync(
    join(dir, 'config'),
    '[profile org-admin]\nregion = eu-west-1\n[sso-session corp]\nsso_region = eu-west-1\n[default]\nregion = us-east-1\n',
  );
  writeFileSync(
    join(dir, 'credentials'),
    '[legacy-keys]\naws_access_key_id = x\naws_secret_access_key = y\n',
  );
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
});

afterEach(() => {
  for (const [key, value] of [
    ['AWS_CONFIG_FILE', saved.config],
    ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('checkProfileExists', () => {
  it('accepts a profile from either shared file', async () => {
    await checkProfileExists('org-admin');
    await checkProfileExists('legacy-keys');
    await checkProfileExists('default');
  });

  it('refuses a missing profile, saying so and listing the profiles there (not the sso-sessions)', async () => {
    await expect(checkProfileExists('org-admn')).rejects.toMatchObject({
      code: 'aws-profile-not-found',
      source: 'user',
      message: expect.stringContaining(
        `AWS profile 'org-admn' (--profile) is not defined in ${join(dir, 'config')} or ${join(dir, 'credentials')}. Profiles defined there: default, legacy-keys, org-admin.`,
      ),
    });
  });
});
