/**
 * Turning whatever the SDK throws into the ports' ServiceError, and deciding which failures are
 * worth another attempt. Pure functions over the error object so both can be unit-tested.
 */

import { ServiceError } from '@orgops/live';
import type { ServiceName } from './service.ts';

/** The fields we read from an SDK v3 error; everything is optional because anything can be thrown. */
interface SdkErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly Reason?: unknown;
  readonly RetryAfterSeconds?: unknown;
  readonly code?: unknown;
}

function asSdkError(err: unknown): SdkErrorLike {
  return typeof err === 'object' && err !== null ? (err as SdkErrorLike) : {};
}

/**
 * A modelled AWS error: the SDK deserialized an AWS error response into an exception class, which
 * always carries `$fault` ('client' | 'server').
 */
export function isAwsServiceException(err: unknown): boolean {
  const e = asSdkError(err);
  return (e.$fault === 'client' || e.$fault === 'server') && typeof e.name === 'string';
}

const THROTTLING = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
]);
const SERVER = new Set([
  'ServiceException',
  'InternalServerException',
  'InternalFailure',
  'ServiceUnavailable',
]);
/** Transient socket failures (the same list the SDK's own retry strategy treats as transient). */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

export type RetryKind = 'throttling' | 'server' | 'conflict' | 'network';

/**
 * Why an error is worth retrying, or `undefined` when it is final. Conflicts are retried because
 * AWS says so for these services ("a retry with appropriate backoff is the recommended
 * response") while the SDK's standard strategy does not retry them.
 */
export function retryKind(service: ServiceName, err: unknown): RetryKind | undefined {
  const e = asSdkError(err);
  const name = typeof e.name === 'string' ? e.name : '';
  if (isAwsServiceException(err)) {
    if (THROTTLING.has(name)) return 'throttling';
    if (SERVER.has(name) || e.$fault === 'server') return 'server';
    if (service === 'organizations' && name === 'ConcurrentModificationException') return 'conflict';
    // Policy changes propagate for a few seconds after Attach/Detach/UpdatePolicy.
    if (service === 'organizations' && name === 'PolicyChangesInProgressException') return 'conflict';
    if (service === 'sso-admin' && name === 'ConflictException') {
      // A duplicate permission set name is a ConflictException too, and no retry fixes it.
      return /already exists/i.test(String(e.message)) ? undefined : 'conflict';
    }
    if (
      service === 'identitystore' &&
      name === 'ConflictException' &&
      e.Reason === 'CONCURRENT_MODIFICATION'
    ) {
      return 'conflict';
    }
    return undefined;
  }
  // Not an AWS error document. Gateways answer 502/503/504 with HTML when overloaded: retry those.
  // A 500 with a non-AWS body is what emulators send for operations they do not implement, which
  // no retry fixes, so it fails at once.
  const status = e.$metadata?.httpStatusCode;
  if (status === 502 || status === 503 || status === 504) return 'server';
  if (status !== undefined) return undefined;
  if (name === 'TimeoutError' || (typeof e.code === 'string' && NETWORK_CODES.has(e.code))) return 'network';
  return undefined;
}

/** Seconds the service asked us to wait (identitystore ThrottlingException.RetryAfterSeconds). */
export function retryAfterMs(err: unknown): number | undefined {
  const seconds = asSdkError(err).RetryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * An error response the SDK could not name: no error code in the body or headers, so it reports
 * `Unknown` / `UnknownError`. AWS always sends a code, so the answer came from something else
 * (a web server or proxy at a wrong endpoint URL).
 */
export function isUncodedAnswer(err: unknown): boolean {
  const e = asSdkError(err);
  return (
    isAwsServiceException(err) &&
    (e.name === 'Unknown' || e.name === 'UnknownError' || e.message === 'UnknownError')
  );
}

/** A request that never got an answer: refused, unresolvable host, reset, timed out. */
export function isNetworkFailure(err: unknown): boolean {
  const e = asSdkError(err);
  if (e.$metadata?.httpStatusCode !== undefined || isAwsServiceException(err)) return false;
  return (
    e.name === 'TimeoutError' ||
    (typeof e.code === 'string' &&
      (NETWORK_CODES.has(e.code) || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'))
  );
}

/** Keep the SDK error for debugging, non-enumerable so logs and test reports stay readable. */
function withCause(error: ServiceError, cause: unknown): ServiceError {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, configurable: true });
  return error;
}

function firstLine(text: unknown): string {
  return String(text ?? '').split('\n')[0] ?? '';
}

/**
 * Map an SDK failure to a ServiceError naming the service and operation. `attempts` > 1 is
 * mentioned so a user can tell a persistent failure from a one-off.
 */
export function toServiceError(
  service: Exclude<ServiceName, 'sts'>,
  operation: string,
  err: unknown,
  attempts = 1,
): ServiceError {
  if (err instanceof ServiceError) return err;
  const e = asSdkError(err);
  const after = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
  if (isUncodedAnswer(err)) {
    const status = e.$metadata?.httpStatusCode;
    const mapped = new ServiceError(
      service,
      operation,
      'InvalidResponse',
      `HTTP ${status ?? '(no status)'} without an AWS error code: whatever answered is not the ${service} API. ` +
        `Check the endpoint (AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE>) and the region${after}`,
    );
    return withCause(mapped, err);
  }
  if (isAwsServiceException(err)) {
    const reason = typeof e.Reason === 'string' && e.Reason !== '' ? e.Reason : undefined;
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(e.name);
    const mapped = new ServiceError(service, operation, String(e.name), `${message}${after}`, reason);
    return withCause(mapped, err);
  }
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) {
    const mapped = new ServiceError(
      service,
      operation,
      'InvalidResponse',
      `HTTP ${status} with a body that is not an AWS error response (${firstLine(e.message)}). ` +
        `The endpoint may not implement ${service}:${operation}; emulators such as moto answer this way for unimplemented operations${after}`,
    );
    return withCause(mapped, err);
  }
  const code = typeof e.code === 'string' ? ` ${e.code}` : '';
  const mapped = new ServiceError(
    service,
    operation,
    'RequestFailed',
    `the request did not get an AWS answer:${code} ${firstLine(e.message)}${after}`,
  );
  return withCause(mapped, err);
}
