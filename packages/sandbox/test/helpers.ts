import { isServiceError } from '@orgops/live';
import { expect } from 'vitest';
import { createSandbox, type SandboxBackend } from '../src/index.ts';

export const ROOT = 'r-sbx0';
export const MGMT = '100000000000';
export const INSTANCE = 'arn:aws:sso:::instance/ssoins-sandbox000000001';
export const STORE = 'd-0000000000';
export const SCP = 'SERVICE_CONTROL_POLICY';
export const RCP = 'RESOURCE_CONTROL_POLICY';

export const doc = (action = 's3:*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] });

/** An RCP statement names its principal (always "*"). */
export const rcpDoc = (action = 's3:*') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Principal: '*', Action: action, Resource: '*' }],
  });

/** The smallest valid tag policy. */
export const TAG_POLICY_DOC = '{"tags":{}}';

/** Asserts that `promise` rejects with AWS's exception name (and Reason when given). */
export async function expectAwsError(
  promise: Promise<unknown>,
  code: string,
  reason?: string,
): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeDefined();
  if (!isServiceError(err)) throw err;
  expect(err.code).toBe(code);
  if (reason !== undefined) expect(err.reason).toBe(reason);
}

/** Creates an account and polls until it completes; returns its id. */
export async function createAccount(
  sb: SandboxBackend,
  name: string,
  email = `${name}@example.com`,
): Promise<string> {
  const started = await sb.organizations.createAccount({ name, email, tags: {} });
  let status = started;
  while (status.state === 'IN_PROGRESS')
    status = await sb.organizations.describeCreateAccountStatus(started.requestId);
  if (status.state !== 'SUCCEEDED' || !status.accountId)
    throw new Error(`create failed: ${status.failureReason}`);
  return status.accountId;
}

/** Marks account `id` SUSPENDED behind the ports' back, as AWS does to an account it suspends. */
export function suspendAccount(sb: SandboxBackend, id: string): void {
  const state = sb.exportState();
  state.accounts.find((a) => a.id === id)!.state = 'SUSPENDED';
  sb.importState(state);
}

export function sandbox(options: Parameters<typeof createSandbox>[1] = {}): SandboxBackend {
  return createSandbox(undefined, options);
}
