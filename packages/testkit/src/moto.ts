/**
 * Test harness: one moto_server per test file, bound to 127.0.0.1 on a free port. moto is a
 * hard requirement of this suite: without it the tests fail, they are never skipped.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  CreateOrganizationCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';

export const MOTO_NOT_FOUND = "moto_server not found: pip install 'moto[server]'";
export const TEST_REGION = 'us-east-1';
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface Moto {
  readonly endpoint: string;
  /** Clear all state (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export function startMoto(): Promise<Moto> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      reject(new Error(`${MOTO_NOT_FOUND} (${String(err)})`));
      return;
    }
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`moto_server did not report its port within 30 s. Output so far:\n${output}`));
    }, 30_000);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new Error(err.code === 'ENOENT' ? MOTO_NOT_FOUND : `moto_server failed to start: ${err.message}`),
      );
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto_server exited with code ${code} before reporting its port. Output:\n${output}`));
    });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = / \* Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const endpoint = match[1];
      resolve({
        endpoint,
        async reset() {
          const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
          if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
        },
        // moto shuts down gracefully on SIGTERM and waits for open keep-alive connections, so it
        // is killed outright after two seconds. On a loaded machine the exit of a killed process
        // has been seen to arrive very late; after three more seconds we stop waiting (SIGKILL
        // cannot be ignored, the process is gone or going).
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 2_000);
            const giveUp = setTimeout(() => {
              child.stdout?.destroy();
              child.stderr?.destroy();
              child.unref();
              done();
            }, 5_000);
            child.once('exit', () => {
              clearTimeout(force);
              clearTimeout(giveUp);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
  });
}

/**
 * Options for `createAwsBackend` of `@orgops/aws` against moto: small pages so every list
 * paginates, fast rates, few retries. Generic so the kit does not depend on the backend it tests
 * (`@orgops/aws` uses this kit in its own tests): `extra` is any further option of that type.
 */
export function motoOptions<T extends object = Record<string, never>>(
  moto: Moto,
  extra?: T,
): MotoBackendOptions & T {
  return {
    endpoint: moto.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    pageSize: 2,
    rateScale: 1000,
    maxAttempts: 2,
    ...(extra as T),
  };
}

export interface MotoBackendOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: typeof TEST_CREDENTIALS;
  readonly pageSize: number;
  readonly rateScale: number;
  readonly maxAttempts: number;
}

/** The SDK clients the AWS backend is built from (structurally `AwsClients` of `@orgops/aws`). */
export interface MotoClients {
  readonly organizations: OrganizationsClient;
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly sts: STSClient;
}

/** Raw SDK clients against moto, for seeding state without touching a backend's call counts. */
export function motoClients(moto: Moto): MotoClients {
  const config = {
    endpoint: moto.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  };
  return {
    organizations: new OrganizationsClient(config),
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
    sts: new STSClient(config),
  };
}

/** Creates the organization (all features) that moto starts without; returns its id. */
export async function createMotoOrganization(moto: Moto): Promise<string> {
  const clients = motoClients(moto);
  try {
    const out = await clients.organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    return out.Organization?.Id ?? '';
  } finally {
    // Open keep-alive sockets would hold moto's graceful shutdown (see `stop`).
    for (const client of Object.values(clients)) client.destroy();
  }
}

/** The tag list shape the Organizations API takes, from a record. */
export function tagList(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * The start of a seeded organization, through a raw client: the organization (all features), SCPs
 * enabled on the root, and the trusted services; returns the root's id.
 */
export async function seedOrganizationRoot(
  organizations: OrganizationsClient,
  trustedServices: readonly string[],
): Promise<string> {
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await organizations.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
  if (!rootId) throw new Error('moto created an organization without a root');
  await organizations.send(
    new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }),
  );
  for (const ServicePrincipal of trustedServices)
    await organizations.send(new EnableAWSServiceAccessCommand({ ServicePrincipal }));
  return rootId;
}
