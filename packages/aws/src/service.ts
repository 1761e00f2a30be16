/**
 * The AWS services this backend talks to. `sts` only answers "who am I"; `service-quotas` only
 * the organization's account quota.
 */
export type ServiceName = 'organizations' | 'sso-admin' | 'identitystore' | 'sts' | 'service-quotas';

/** Injected clock so rate limiting and backoff can be tested with fake time. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Where diagnostics go. Never receives credentials or request payloads. */
export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}
