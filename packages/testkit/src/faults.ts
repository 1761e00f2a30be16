/**
 * Test-only SDK middleware that answers some requests with a canned AWS error response instead
 * of sending them. It sits in the deserialize step below the SDK's deserializer, so the real
 * protocol code turns the response into the real exception class, exactly as for AWS.
 */

import type { MetadataBearer, MiddlewareStack } from '@smithy/types';

export interface Fault {
  /** 200 with `body` answers successfully (to stand in for an operation moto lacks). */
  readonly status: number;
  readonly body?: Readonly<Record<string, unknown>>;
  /** AWS error code (`__type`), e.g. TooManyRequestsException; omit for a non-AWS (HTML) body. */
  readonly type?: string;
  readonly message?: string;
  /** Extra members of the error document, e.g. `{ Reason: 'CONCURRENT_MODIFICATION' }`. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

export interface FaultLog {
  /** `Operation` of every request that reached the middleware, faulted or not, with its time. */
  readonly requests: { readonly operation: string; readonly at: number; readonly faulted: boolean }[];
}

type AnyStack = MiddlewareStack<object, MetadataBearer>;

/**
 * Install the middleware. `decide(operation, index)` returns the fault for the index-th request
 * of that operation (0-based), or undefined to send it for real.
 */
export function injectFaults(
  client: { middlewareStack: unknown },
  decide: (operation: string, index: number, input: Readonly<Record<string, unknown>>) => Fault | undefined,
): FaultLog {
  const log: FaultLog = { requests: [] };
  const seen = new Map<string, number>();
  (client.middlewareStack as AnyStack).add(
    (next, context) => async (args) => {
      const operation = String((context as { commandName?: string }).commandName ?? '').replace(
        /Command$/,
        '',
      );
      const index = seen.get(operation) ?? 0;
      seen.set(operation, index + 1);
      const fault = decide(
        operation,
        index,
        ((args as { input?: object }).input ?? {}) as Record<string, unknown>,
      );
      log.requests.push({ operation, at: Date.now(), faulted: fault !== undefined });
      if (!fault) return next(args);
      const body =
        fault.body !== undefined
          ? JSON.stringify(fault.body)
          : fault.type === undefined
            ? `<!doctype html><title>${fault.status}</title><p>${fault.message ?? 'error'}</p>`
            : JSON.stringify({ __type: fault.type, message: fault.message ?? fault.type, ...fault.fields });
      return {
        response: {
          statusCode: fault.status,
          reason: 'fault injected',
          headers: {
            'content-type':
              fault.type === undefined && fault.body === undefined
                ? 'text/html'
                : 'application/x-amz-json-1.1',
            'x-amzn-requestid': `fault-${operation}-${index}`,
          },
          body: new TextEncoder().encode(body),
        },
        output: {},
      } as never;
    },
    { step: 'deserialize', priority: 'low', name: 'orgopsFaultInjection' },
  );
  return log;
}

/** The same fault for the first `count` requests of each operation (a burst), then success. */
export function burst(count: number, fault: Fault): (operation: string, index: number) => Fault | undefined {
  return (_operation, index) => (index < count ? fault : undefined);
}
