import { ConstraintViolationException, TooManyRequestsException } from '@aws-sdk/client-organizations';
import { ServiceError } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import {
  isAwsServiceException,
  isNetworkFailure,
  isUncodedAnswer,
  retryKind,
  toServiceError,
} from './errors.ts';

const meta = { $metadata: { httpStatusCode: 400 } };
const awsError = (name: string, fault: 'client' | 'server' = 'client', extra: object = {}) =>
  Object.assign(new Error(`${name} message`), { name, $fault: fault, ...meta, ...extra });

describe('retryKind', () => {
  it('retries throttling, server faults and per-service conflicts', () => {
    expect(retryKind('organizations', awsError('TooManyRequestsException'))).toBe('throttling');
    expect(retryKind('identitystore', awsError('ThrottlingException'))).toBe('throttling');
    expect(retryKind('organizations', awsError('ServiceException', 'server'))).toBe('server');
    expect(retryKind('sso-admin', awsError('InternalServerException', 'server'))).toBe('server');
    expect(retryKind('organizations', awsError('ConcurrentModificationException'))).toBe('conflict');
    expect(retryKind('sso-admin', awsError('ConflictException'))).toBe('conflict');
    expect(
      retryKind(
        'identitystore',
        awsError('ConflictException', 'client', { Reason: 'CONCURRENT_MODIFICATION' }),
      ),
    ).toBe('conflict');
  });

  it('does not retry final errors', () => {
    expect(retryKind('organizations', awsError('ConstraintViolationException'))).toBeUndefined();
    expect(retryKind('organizations', awsError('AccessDeniedException'))).toBeUndefined();
    // Organizations' ConflictException (CloseAccount) is about the account's state, not a race.
    expect(retryKind('organizations', awsError('ConflictException'))).toBeUndefined();
    expect(
      retryKind(
        'identitystore',
        awsError('ConflictException', 'client', { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' }),
      ),
    ).toBeUndefined();
    const duplicate = Object.assign(awsError('ConflictException'), {
      message: 'PermissionSet with name X already exists',
    });
    expect(retryKind('sso-admin', duplicate)).toBeUndefined();
  });

  it('classifies non-AWS failures by HTTP status or socket error', () => {
    const html = (status: number) =>
      Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: status } });
    expect(retryKind('organizations', html(503))).toBe('server');
    expect(retryKind('organizations', html(502))).toBe('server');
    expect(retryKind('organizations', html(500))).toBeUndefined();
    expect(
      retryKind('organizations', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
    ).toBe('network');
    expect(retryKind('organizations', new TypeError('bug'))).toBeUndefined();
    expect(retryKind('organizations', 'a string')).toBeUndefined();
  });

  it('recognizes real SDK exception classes', () => {
    const err = new TooManyRequestsException({ message: 'slow down', $metadata: {} });
    expect(isAwsServiceException(err)).toBe(true);
    expect(retryKind('organizations', err)).toBe('throttling');
  });
});

describe('toServiceError', () => {
  it('keeps code, message and Reason of an AWS error', () => {
    const err = new ConstraintViolationException({
      message: 'too many',
      Reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      $metadata: {},
    });
    const mapped = toServiceError('organizations', 'AttachPolicy', err);
    expect(mapped).toBeInstanceOf(ServiceError);
    expect(mapped).toMatchObject({
      service: 'organizations',
      operation: 'AttachPolicy',
      code: 'ConstraintViolationException',
      reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
    expect(mapped.message).toBe(
      'organizations:AttachPolicy: ConstraintViolationException (MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED): too many',
    );
    expect(mapped.cause).toBe(err);
    expect(Object.keys(mapped)).not.toContain('cause');
  });

  it('says how many attempts were made when it gave up', () => {
    const mapped = toServiceError('sso-admin', 'ListInstances', awsError('ThrottlingException'), 8);
    expect(mapped.message).toBe(
      'sso-admin:ListInstances: ThrottlingException: ThrottlingException message (gave up after 8 attempts)',
    );
  });

  it('explains a non-AWS HTTP answer and a request that never got one', () => {
    const html = Object.assign(
      new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON\n more'),
      {
        $metadata: { httpStatusCode: 500 },
      },
    );
    const mapped = toServiceError('sso-admin', 'GetPermissionsBoundaryForPermissionSet', html);
    expect(mapped.code).toBe('InvalidResponse');
    expect(mapped.message).toContain('HTTP 500 with a body that is not an AWS error response');
    expect(mapped.message).toContain('may not implement sso-admin:GetPermissionsBoundaryForPermissionSet');
    expect(mapped.message).not.toContain('more');

    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const net = toServiceError('organizations', 'ListRoots', refused, 3);
    expect(net.code).toBe('RequestFailed');
    expect(net.message).toBe(
      'organizations:ListRoots: RequestFailed: the request did not get an AWS answer: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1 (gave up after 3 attempts)',
    );
  });

  it('passes a ServiceError through unchanged', () => {
    const err = new ServiceError('organizations', 'X', 'Y', 'z');
    expect(toServiceError('organizations', 'Other', err)).toBe(err);
  });
});

describe('answers that are not AWS', () => {
  it('names an error response without an AWS error code as InvalidResponse, pointing at the endpoint', () => {
    // What the SDK makes of `404` with an empty body: a client fault it cannot name.
    const uncoded = Object.assign(new Error('UnknownError'), {
      name: 'Unknown',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
    });
    expect(isUncodedAnswer(uncoded)).toBe(true);
    const mapped = toServiceError('organizations', 'DescribeOrganization', uncoded);
    expect(mapped.code).toBe('InvalidResponse');
    expect(mapped.message).not.toContain('Unknown');
    expect(mapped.message).toContain('HTTP 404 without an AWS error code');
    expect(mapped.message).toContain('AWS_ENDPOINT_URL');
    expect(isUncodedAnswer(awsError('AccessDeniedException'))).toBe(false);
  });

  it('tells a request that got no answer from one that got a bad answer', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const unknownHost = Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' });
    expect(isNetworkFailure(refused)).toBe(true);
    expect(isNetworkFailure(unknownHost)).toBe(true);
    expect(isNetworkFailure(awsError('ThrottlingException'))).toBe(false);
    expect(toServiceError('organizations', 'ListRoots', refused).code).toBe('RequestFailed');
  });
});
