import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../src/outbox/slidingWindowLimiter';
import { busiestWindow } from '../support/fakeConnector';

/** A limiter on a fake clock: sleeping moves the clock on instead of waiting (yielding, as a real sleep does). */
function fakeClock() {
  let now = 0;
  const sleep = (ms: number) => {
    now += ms;
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { now: () => now, sleep, advance: (ms: number) => (now += ms) };
}

const TENANT = { key: 'tenant', limit: 50, windowMs: 1000 };

describe('rate limits for proactive sends', () => {
  it('never lets more than the limit arrive in any one-second span, however long requests take to arrive', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    const arrivals: number[] = [];
    for (let i = 0; i < 260; i++) {
      const finished = await limiter.acquire([TENANT]);
      // Some requests are held back on the way (a busy event loop): they arrive up to 400 ms late.
      const delay = i % 50 < 10 ? 400 : 3;
      arrivals.push(clock.now() + delay);
      clock.advance(delay + 2);
      finished();
    }
    expect(busiestWindow(arrivals)).toBeLessThanOrEqual(50);
  });

  it('holds both limits at once: 7 a second for one conversation inside 50 a second for the tenant', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    const busy: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < 200; i++) {
      const conversation = i % 4 === 0 ? 'busy' : `quiet-${i}`;
      const finished = await limiter.acquire([TENANT, { key: conversation, limit: 7, windowMs: 1000 }]);
      all.push(clock.now());
      if (conversation === 'busy') busy.push(clock.now());
      clock.advance(5);
      finished();
    }
    expect(busiestWindow(all)).toBeLessThanOrEqual(50);
    expect(busiestWindow(busy)).toBeLessThanOrEqual(7);
  });

  it('lets requests through at once while there is room', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    for (let i = 0; i < 7; i++) await limiter.acquire([{ key: 'c', limit: 7, windowMs: 1000 }]);
    expect(clock.now()).toBe(0);
  });

  it('a request still in flight keeps its place until it finishes', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    const finished = await limiter.acquire([{ key: 'c', limit: 1, windowMs: 1000 }]);
    let second = false;
    const waiting = limiter.acquire([{ key: 'c', limit: 1, windowMs: 1000 }]).then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second).toBe(false); // however long the first is in flight
    finished();
    await waiting;
    expect(clock.now()).toBeGreaterThanOrEqual(1000); // a full window after the first finished
  });
});
