/**
 * The AWS services this backend talks to (`sts` only answers "who am I"; `service-quotas` only
 * the organization's account quota), and the injected clock rate limiting and backoff wait on:
 * both shared with `@orgops/live`, whose rate table the reader and `pnpm bench` use too.
 */
export { type Clock, type ServiceName, systemClock } from '@orgops/live';

/** Where diagnostics go. Never receives credentials or request payloads. */
export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}
