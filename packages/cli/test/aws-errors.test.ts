import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, scratchDir, spawnOrgops, workspaceRoot } from './harness.ts';

/** A clean AWS environment for a real process: no profile files, no instance metadata. */
function awsEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PROFILE: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_REGION: 'eu-west-1',
    ...extra,
  };
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** The CLI as a real process with exactly `env` (nothing inherited from the test runner). */
function exactEnvOrgops(args: string[], env: NodeJS.ProcessEnv) {
  return finished(
    spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
      cwd: workspaceRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

// Each case is its own process with its own HOME and environment, so they run at once: the closed
// port case spends most of its time in the retry policy's backoff, waiting, not computing.
describe.concurrent('AWS errors are user errors with a fix, not internal errors', () => {
  it('says how to sign in when there are no credentials', async () => {
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
    const result = await exactEnvOrgops(['plan', '--backend', 'aws'], env);
    scratch.cleanup();
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toContain('NodeVersionSupportWarning');
    expect(result.stderr).toMatch(/error \[aws:\w+\] organizations:DescribeOrganization/);
    expect(result.stderr).toContain(
      'fix: No AWS credentials were found. Sign in with `aws sso login --profile NAME`',
    );
  });

  it('says which region setting is missing', async () => {
    const scratch = scratchDir();
    const result = await exactEnvOrgops(['plan', '--backend', 'aws'], {
      PATH: process.env.PATH,
      HOME: scratch.dir,
      AWS_CONFIG_FILE: join(scratch.dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch.dir, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    scratch.cleanup();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[aws-region-missing]');
  });

  it('says a --profile is not defined, instead of "no credentials", and lists the profiles there', async () => {
    const scratch = scratchDir();
    mkdirSync(join(scratch.dir, '.aws'));
    writeFileSync(join(scratch.dir, '.aws', 'config'), '[profile org-management]\nregion = eu-west-1\n');
    const run = await finished(
      spawnOrgops(['plan', '--backend', 'aws', '--profile', 'org-managment'], awsEnv(scratch.dir)),
    );
    scratch.cleanup();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "[aws-profile-not-found] AWS profile 'org-managment' (--profile) is not defined",
    );
    expect(run.stderr).toContain('Profiles defined there: org-management.');
    expect(run.stderr).not.toMatch(/No AWS credentials were found|internal error/);
  }, 60_000);

  it('says the endpoint is not AWS when AWS_ENDPOINT_URL answers without an AWS error code', async () => {
    const scratch = scratchDir();
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(404);
        res.end();
      });
    });
    const port = await listening(server);
    const endpoint = `http://127.0.0.1:${port}`;
    const run = await finished(
      spawnOrgops(
        ['plan', '--backend', 'aws'],
        awsEnv(scratch.dir, {
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_ENDPOINT_URL: endpoint,
        }),
      ),
    );
    server.close();
    scratch.cleanup();
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/Unknown|internal error/);
    expect(run.stderr).toContain('HTTP 404 without an AWS error code');
    expect(run.stderr).toContain(`AWS_ENDPOINT_URL is ${endpoint}, and what answers there is not an AWS API`);
  }, 60_000);

  it('says nothing answers at AWS_ENDPOINT_URL when the port is closed', async () => {
    const scratch = scratchDir();
    const probe = createServer();
    const port = await listening(probe);
    await new Promise((resolve) => probe.close(resolve));
    const endpoint = `http://127.0.0.1:${port}`;
    const run = await finished(
      spawnOrgops(
        ['plan', '--backend', 'aws'],
        awsEnv(scratch.dir, {
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_ENDPOINT_URL: endpoint,
        }),
      ),
    );
    scratch.cleanup();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain(`Nothing answered at`);
    expect(run.stderr).toContain(endpoint);
    expect(run.stderr).not.toMatch(/Check the credentials|internal error/);
  }, 120_000);
});
