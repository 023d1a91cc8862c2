import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../src/outbox/slidingWindowLimiter';

/** A limiter on a fake clock: sleeping moves the clock on instead of waiting. */
function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => (now += ms) };
}

/** The most events in any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('sliding-window rate limits for proactive sends', () => {
  it('never lets more than the limit through in any one-second span', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    const times: number[] = [];
    for (let i = 0; i < 260; i++) {
      await limiter.acquire([{ key: 'tenant', limit: 50, windowMs: 1000 }]);
      times.push(clock.now());
      clock.advance(3); // each send takes a moment
    }
    expect(busiestWindow(times, 1000)).toBe(50);
    expect(clock.now()).toBeLessThan(6000); // and it does not slow down more than it must
  });

  it('holds both limits at once: 7 a second for one conversation inside 50 a second for the tenant', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    const byConversation = new Map<string, number[]>();
    const all: number[] = [];
    for (let i = 0; i < 200; i++) {
      const conversation = i % 4 === 0 ? 'busy' : `quiet-${i}`;
      await limiter.acquire([
        { key: 'tenant', limit: 50, windowMs: 1000 },
        { key: conversation, limit: 7, windowMs: 1000 },
      ]);
      all.push(clock.now());
      byConversation.set(conversation, [...(byConversation.get(conversation) ?? []), clock.now()]);
    }
    expect(busiestWindow(all, 1000)).toBeLessThanOrEqual(50);
    expect(busiestWindow(byConversation.get('busy')!, 1000)).toBeLessThanOrEqual(7);
  });

  it('lets sends through at once while there is room', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(clock.now, clock.sleep);
    for (let i = 0; i < 7; i++) await limiter.acquire([{ key: 'c', limit: 7, windowMs: 1000 }]);
    expect(clock.now()).toBe(0);
  });
});
