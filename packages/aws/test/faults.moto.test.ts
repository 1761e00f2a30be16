/**
 * Retries under injected faults. Successful requests go to moto over HTTP; faults are canned AWS
 * error responses injected below the SDK's deserializer (@orgops/testkit/faults). Backoff sleeps are
 * recorded by an injected clock instead of being waited for.
 */

import { CreateGroupCommand } from '@aws-sdk/client-identitystore';
import { isServiceError } from '@orgops/live';
import { burst, type Fault, type FaultLog, injectFaults } from '@orgops/testkit/faults';
import { motoClients, motoOptions } from '@orgops/testkit/moto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AwsBackend,
  type AwsClients,
  type Clock,
  createAwsBackendFromClients,
  createAwsClients,
} from '../src/index.ts';
import { useMotoPerTest } from './moto-per-test.ts';

const THROTTLED: Fault = { status: 400, type: 'TooManyRequestsException', message: 'Rate exceeded' };

const open: AwsBackend[] = [];
afterEach(() => {
  for (const backend of open.splice(0)) backend.destroy();
});
const moto = useMotoPerTest();

interface Harness {
  readonly backend: AwsBackend;
  readonly clients: AwsClients;
  /** Backoff delays the caller slept, in order. */
  readonly sleeps: number[];
  readonly logs: string[];
}

/**
 * A backend over the production clients (maxAttempts 1 in the SDK), with recorded sleeps and a
 * fixed "random" so jittered delays are predictable.
 */
async function harness(options: { maxAttempts?: number; random?: () => number } = {}): Promise<Harness> {
  const { clients, location, regions } = await createAwsClients(motoOptions(moto));
  const sleeps: number[] = [];
  const logs: string[] = [];
  const clock: Clock = {
    now: () => Date.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  const backend = createAwsBackendFromClients(clients, {
    location,
    regions,
    pageSize: 2,
    // Effectively no client-side pacing here, so every recorded sleep is a backoff.
    rateScale: 1e6,
    retry: { maxAttempts: options.maxAttempts ?? 5, baseDelayMs: 100, maxDelayMs: 1_000 },
    clock,
    random: options.random ?? (() => 0.999),
    logger: { debug: (m) => logs.push(m) },
  });
  open.push(backend);
  return { backend, clients, sleeps, logs };
}

function requestsOf(log: FaultLog, operation: string) {
  return log.requests.filter((r) => r.operation === operation);
}

describe('retries with full-jitter exponential backoff', () => {
  it('retries a burst of TooManyRequestsException and succeeds, with growing delays', async () => {
    const h = await harness();
    const log = injectFaults(h.clients.organizations, burst(3, THROTTLED));
    const roots = await h.backend.organizations.listRoots();
    expect(roots).toHaveLength(1);
    expect(requestsOf(log, 'ListRoots').map((r) => r.faulted)).toEqual([true, true, true, false]);
    // random() = 0.999 puts each delay at the top of its window: 100, 200, 400 ms ceilings.
    expect(h.sleeps).toEqual([99, 199, 399]);
    expect(h.backend.stats().calls).toEqual({ 'organizations:ListRoots': 1 });
    expect(h.backend.stats().retries).toEqual({ 'organizations:ListRoots': 3 });
    expect(h.logs[0]).toBe(
      'organizations:ListRoots: TooManyRequestsException (throttling), attempt 1/5, retrying in 99 ms',
    );
  });

  it('the SDK itself does not retry: one request per attempt reaches the wire', async () => {
    const h = await harness({ maxAttempts: 1 });
    const log = injectFaults(h.clients.organizations, burst(1, THROTTLED));
    const err = await h.backend.organizations.listRoots().catch((e: unknown) => e);
    expect(isServiceError(err, 'TooManyRequestsException')).toBe(true);
    expect(requestsOf(log, 'ListRoots')).toHaveLength(1);
    expect(await h.clients.organizations.config.maxAttempts()).toBe(1);
    expect(await h.clients.ssoAdmin.config.maxAttempts()).toBe(1);
    expect(await h.clients.identityStore.config.maxAttempts()).toBe(1);
  });

  it('caps every delay at maxDelayMs and draws it uniformly (full jitter)', async () => {
    const draws = [0.5, 0, 0.25, 0.999, 0.999];
    const h = await harness({ maxAttempts: 6, random: () => draws.shift() ?? 0 });
    injectFaults(h.clients.organizations, burst(5, { status: 400, type: 'ThrottlingException' }));
    await h.backend.organizations.listAccounts();
    // Ceilings 100, 200, 400, 800, then 1600 capped to 1000.
    expect(h.sleeps).toEqual([50, 0, 100, 799, 999]);
  });

  it('gives up after the bound with a ServiceError naming the operation and the attempts', async () => {
    const h = await harness({ maxAttempts: 4 });
    const log = injectFaults(h.clients.organizations, () => THROTTLED);
    const err = await h.backend.organizations.describePolicy('p-FullAWSAccess').catch((e: unknown) => e);
    expect(isServiceError(err, 'TooManyRequestsException')).toBe(true);
    expect(err).toMatchObject({ service: 'organizations', operation: 'DescribePolicy' });
    expect((err as Error).message).toBe(
      'organizations:DescribePolicy: TooManyRequestsException: Rate exceeded (gave up after 4 attempts)',
    );
    expect(requestsOf(log, 'DescribePolicy')).toHaveLength(4);
    expect(h.sleeps).toHaveLength(3);
    expect(h.backend.stats()).toMatchObject({
      calls: { 'organizations:DescribePolicy': 1 },
      retries: { 'organizations:DescribePolicy': 3 },
      total: 1,
      totalRetries: 3,
    });
  });

  it('retries 5xx AWS errors (ServiceException, InternalServerException) and gateway 503s', async () => {
    const h = await harness();
    injectFaults(h.clients.organizations, burst(2, { status: 500, type: 'ServiceException' }));
    injectFaults(h.clients.ssoAdmin, burst(2, { status: 500, type: 'InternalServerException' }));
    injectFaults(h.clients.identityStore, burst(1, { status: 503, message: 'Service Unavailable' }));
    expect(await h.backend.organizations.describeOrganization()).toMatchObject({ featureSet: 'ALL' });
    const [instance] = await h.backend.ssoAdmin.listInstances();
    expect(await h.backend.identityStore.listGroups(instance!.identityStoreId)).toEqual([]);
    expect(h.backend.stats().retries).toEqual({
      'identitystore:ListGroups': 1,
      'organizations:DescribeOrganization': 2,
      'sso-admin:ListInstances': 2,
    });
  });

  it('does not retry a non-AWS HTTP 500 (an unimplemented operation) and says so', async () => {
    const h = await harness();
    const log = injectFaults(h.clients.organizations, () => ({
      status: 500,
      message: 'Internal Server Error',
    }));
    const err = await h.backend.organizations.listRoots().catch((e: unknown) => e);
    expect(isServiceError(err, 'InvalidResponse')).toBe(true);
    expect((err as Error).message).toContain('organizations:ListRoots: InvalidResponse: HTTP 500');
    expect(requestsOf(log, 'ListRoots')).toHaveLength(1);
  });

  it('retries ConcurrentModificationException on Organizations writes', async () => {
    const h = await harness();
    const [root] = await h.backend.organizations.listRoots();
    const ou = await h.backend.organizations.createOrganizationalUnit(root!.id, 'workloads', {});
    const policy = await h.backend.organizations.createPolicy({
      type: 'SERVICE_CONTROL_POLICY',
      name: 'p',
      description: '',
      content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}',
      tags: {},
    });
    injectFaults(h.clients.organizations, (op, i) =>
      op === 'AttachPolicy' && i < 2 ? { status: 400, type: 'ConcurrentModificationException' } : undefined,
    );
    await h.backend.organizations.attachPolicy(policy.id, ou.id);
    expect(await h.backend.organizations.listTargetsForPolicy(policy.id)).toEqual([
      { targetId: ou.id, type: 'ORGANIZATIONAL_UNIT' },
    ]);
    expect(h.backend.stats().retries).toEqual({ 'organizations:AttachPolicy': 2 });
  });

  it('retries sso-admin ConflictException, but not a duplicate-name conflict', async () => {
    const h = await harness();
    const [instance] = await h.backend.ssoAdmin.listInstances();
    const log = injectFaults(h.clients.ssoAdmin, (op, i) => {
      if (op === 'CreateAccountAssignment' && i < 2) return { status: 400, type: 'ConflictException' };
      if (op === 'CreatePermissionSet' && i === 1) {
        return {
          status: 400,
          type: 'ConflictException',
          message: 'PermissionSet with name Admin already exists',
        };
      }
      return undefined;
    });
    const { arn } = await h.backend.ssoAdmin.createPermissionSet(instance!.instanceArn, {
      name: 'Admin',
      sessionDuration: 'PT1H',
      tags: {},
    });
    const status = await h.backend.ssoAdmin.createAccountAssignment(instance!.instanceArn, {
      accountId: '111111111111',
      permissionSetArn: arn,
      principalType: 'GROUP',
      principalId: '9067b4b8-70c1-7070-cd35-000000000001',
    });
    expect(status.status).toBe('SUCCEEDED');
    expect(requestsOf(log, 'CreateAccountAssignment')).toHaveLength(3);

    const dup = await h.backend.ssoAdmin
      .createPermissionSet(instance!.instanceArn, { name: 'Admin', sessionDuration: 'PT1H', tags: {} })
      .catch((e: unknown) => e);
    expect(isServiceError(dup, 'ConflictException')).toBe(true);
    expect(requestsOf(log, 'CreatePermissionSet')).toHaveLength(2);
  });

  it('retries identitystore CONCURRENT_MODIFICATION conflicts only, and honours RetryAfterSeconds', async () => {
    const h = await harness();
    const [instance] = await h.backend.ssoAdmin.listInstances();
    const storeId = instance!.identityStoreId;
    const seed = motoClients(moto).identityStore;
    const group = await seed.send(
      new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: 'Admins' }),
    );
    seed.destroy();
    injectFaults(h.clients.identityStore, (op, i) => {
      if (op === 'GetGroupId' && i === 0) {
        return { status: 400, type: 'ConflictException', fields: { Reason: 'CONCURRENT_MODIFICATION' } };
      }
      if (op === 'GetGroupId' && i === 1) {
        return { status: 400, type: 'ThrottlingException', fields: { RetryAfterSeconds: 3 } };
      }
      if (op === 'GetUserId') {
        return {
          status: 400,
          type: 'ConflictException',
          fields: { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' },
        };
      }
      return undefined;
    });
    expect(await h.backend.identityStore.getGroupId(storeId, 'Admins')).toBe(group.GroupId);
    // The second delay is the service's 3 s, above the 200 ms backoff ceiling.
    expect(h.sleeps).toEqual([99, 3000]);
    const err = await h.backend.identityStore.getUserId(storeId, 'alice').catch((e: unknown) => e);
    expect(isServiceError(err, 'ConflictException')).toBe(true);
    expect(err).toMatchObject({ reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });
    expect(h.backend.stats().retries).toEqual({ 'identitystore:GetGroupId': 2 });
  });

  it('maps the Reason of a final error and does not retry it', async () => {
    const h = await harness();
    const log = injectFaults(h.clients.organizations, () => ({
      status: 400,
      type: 'ConstraintViolationException',
      message: 'You cannot remove the last policy attached to this target.',
      fields: { Reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED' },
    }));
    const err = await h.backend.organizations
      .detachPolicy('p-FullAWSAccess', 'r-abcd')
      .catch((e: unknown) => e);
    expect(isServiceError(err, 'ConstraintViolationException')).toBe(true);
    expect(err).toMatchObject({
      operation: 'DetachPolicy',
      reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
    expect((err as Error).message).toBe(
      'organizations:DetachPolicy: ConstraintViolationException (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED): You cannot remove the last policy attached to this target.',
    );
    expect(log.requests).toHaveLength(1);
  });
});
