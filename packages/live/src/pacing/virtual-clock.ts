import type { Clock } from './clock.ts';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly wake: () => void;
}

/**
 * Modeled time for a discrete-event run: `sleep` parks the caller on a timer, and `run` advances
 * the clock to the next timer only once every runnable promise has settled (the event loop's
 * check phase comes after all microtasks). Work that never sleeps takes no modeled time, so what
 * the clock measures is exactly the waits the rate limiters, latencies and polls impose.
 *
 * The code under `run` must not wait on real I/O or real timers: nothing would wake it, and `run`
 * fails with a clear error instead of hanging.
 *
 * @example
 * const clock = new VirtualClock();
 * const seconds = await clock.run(async () => { await clock.sleep(1500); return clock.now() / 1000; });
 */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly heap: Timer[] = [];

  /** @param startMs where modeled time starts (a date, when events are recorded on it). */
  constructor(startMs = 0) {
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((wake) => this.push({ at: this.time + ms, seq: this.seq++, wake }));
  }

  /** Runs `task` to completion on modeled time; resolves with its result. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    let settled = false;
    const result = task().finally(() => {
      settled = true;
    });
    // Observed below; keep an early rejection from being reported as unhandled meanwhile.
    result.catch(() => {});
    while (!settled) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settled) break;
      const next = this.pop();
      if (!next)
        throw new Error(
          'VirtualClock: the task is waiting on something other than this clock (real I/O or a real timer); nothing can wake it.',
        );
      this.time = next.at;
      next.wake();
      // Wake every timer due at the same instant before letting the microtasks run.
      while (this.heap.length > 0 && this.heap[0]!.at === this.time) this.pop()!.wake();
    }
    return result;
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
