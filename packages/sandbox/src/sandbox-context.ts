import { type Clock, ServiceError, systemClock } from '@orgops/live';
import type { SandboxState } from './state.ts';

export type ServiceName = 'organizations' | 'sso-admin' | 'identitystore' | 'cloudtrail' | 'service-quotas';

/** Options shared by `createSandbox` and `openSandbox`. */
export interface SandboxOptions {
  /**
   * Called before every operation with `service:Operation` and the 1-based number of that
   * operation's call; return an error to make the call fail (crash-midway tests).
   */
  readonly failOn?: (op: string, callNo: number) => ServiceError | undefined;
  /** Polls an asynchronous request stays IN_PROGRESS before it completes (default 2). */
  readonly asyncPolls?: number;
  /** Calls after CloseAccount before the account turns SUSPENDED (default 3). */
  readonly closeTicks?: number;
  /** Shown as the backend location (default `sandbox:memory` or the file path). */
  readonly location?: string;
  /** The time CloudTrail events are recorded at (default the system clock). */
  readonly clock?: Clock;
  /** The caller's ARN `callerIdentity()` reports (default: user `sandbox` in the management account). */
  readonly caller?: string;
}

/** Page sizes AWS allows at most, used to count list calls as AWS would bill them. */
export const PAGE_SIZE: Readonly<Record<ServiceName, number>> = {
  organizations: 20,
  'sso-admin': 100,
  identitystore: 100,
  cloudtrail: 50,
  'service-quotas': 100,
};

/** The mutable state plus call accounting; every port operation goes through `enter`. */
export class SandboxContext {
  readonly calls: Record<string, number> = {};
  private readonly callNumbers: Record<string, number> = {};

  constructor(
    public state: SandboxState,
    readonly options: SandboxOptions,
  ) {}

  get asyncPolls(): number {
    return this.options.asyncPolls ?? 2;
  }

  get closeTicks(): number {
    return this.options.closeTicks ?? 3;
  }

  /** Milliseconds on the clock CloudTrail events are recorded with. */
  now(): number {
    return (this.options.clock ?? systemClock).now();
  }

  /** Counts one call, advances time, and throws an injected failure if the hook asks for one. */
  enter(service: ServiceName, operation: string): void {
    const key = `${service}:${operation}`;
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    const callNo = (this.callNumbers[key] ?? 0) + 1;
    this.callNumbers[key] = callNo;
    this.state.tick += 1;
    this.advanceClosures();
    const injected = this.options.failOn?.(key, callNo);
    if (injected) throw injected;
  }

  /** A list operation: one call per page of AWS's maximum page size (an empty list is one page). */
  list<T>(service: ServiceName, operation: string, produce: () => T[]): T[] {
    this.enter(service, operation);
    const items = produce();
    const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE[service]));
    const key = `${service}:${operation}`;
    this.calls[key] = (this.calls[key] ?? 0) + pages - 1;
    return items;
  }

  private advanceClosures(): void {
    for (const account of this.state.accounts) {
      if (account.state === 'PENDING_CLOSURE' && (account.suspendAtTick ?? 0) <= this.state.tick) {
        account.state = 'SUSPENDED';
        delete account.suspendAtTick;
      }
    }
  }
}

/** Builds the error AWS would return. */
export function awsError(
  service: ServiceName,
  operation: string,
  code: string,
  message: string,
  reason?: string,
): ServiceError {
  return new ServiceError(service, operation, code, message, reason);
}
