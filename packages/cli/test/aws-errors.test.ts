import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir, workspaceRoot } from './harness.ts';

describe('AWS errors are user errors with a fix, not internal errors', () => {
  it('says how to sign in when there are no credentials', () => {
    const scratch = scratchDir();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: scratch.dir };
    Object.assign(env, {
      AWS_REGION: 'eu-west-1',
      AWS_PROFILE: 'orgops-test-missing',
      AWS_CONFIG_FILE: join(scratch.dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch.dir, 'none'),
      // Never let the credential chain reach for the instance metadata service from a test.
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/bin.ts', 'plan', '--backend', 'aws'],
      {
        cwd: workspaceRoot,
        encoding: 'utf8',
        env,
      },
    );
    scratch.cleanup();
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toContain('NodeVersionSupportWarning');
    expect(result.stderr).toMatch(/error \[aws:\w+\] organizations:DescribeOrganization/);
    expect(result.stderr).toContain(
      'fix: No AWS credentials were found. Sign in with `aws sso login --profile NAME`',
    );
  });

  it('says which region setting is missing', () => {
    const scratch = scratchDir();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/bin.ts', 'plan', '--backend', 'aws'],
      {
        cwd: workspaceRoot,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: scratch.dir,
          AWS_CONFIG_FILE: join(scratch.dir, 'none'),
          AWS_SHARED_CREDENTIALS_FILE: join(scratch.dir, 'none'),
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
    );
    scratch.cleanup();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[AWS_REGION_MISSING]');
  });
});
