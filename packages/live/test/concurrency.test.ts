import { describe, expect, it } from 'vitest';
import { KeyedQueue, Limiter, mapLimit } from '../src/concurrency.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('Limiter', () => {
  it('never runs more than its size at once and runs everything', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await tick();
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('rejects a size below 1', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});

describe('KeyedQueue', () => {
  it('runs tasks of one key in order, one at a time, and different keys in parallel', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (key: string, n: number) =>
      queue.run(key, async () => {
        log.push(`start ${key}${n}`);
        await tick();
        log.push(`end ${key}${n}`);
      });
    await Promise.all([task('a', 1), task('a', 2), task('b', 1)]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps going after a failed task', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('k', async () => Promise.reject(new Error('boom')));
    const next = queue.run('k', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});

describe('mapLimit', () => {
  it('keeps the order of results', async () => {
    expect(await mapLimit([3, 1, 2], 2, async (n) => n * 2)).toEqual([6, 2, 4]);
  });
});
