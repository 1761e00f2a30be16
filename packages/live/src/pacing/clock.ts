/**
 * Time as the rate limiters, the applier's polls and the benchmark see it. Production uses the
 * system clock; tests and `pnpm bench` inject a {@link VirtualClock} so AWS's rates can be
 * enforced on modeled time without waiting for it.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))),
};
