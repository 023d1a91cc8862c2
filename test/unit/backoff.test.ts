import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/outbox/backoff';
import { retryAfterMs } from '../../src/referrals/adapters/webhookAdapter';

const policy = { retryBaseMs: 1000, retryMaxMs: 60_000 };

describe('retry backoff', () => {
  it('doubles with each attempt, between half and all of the ceiling (jitter)', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(4, policy, undefined, () => 0)).toBe(4000);
    expect(retryDelayMs(4, policy, undefined, () => 1)).toBe(8000);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(30, policy, undefined, () => 1)).toBe(60_000);
  });

  it('spreads retries out: 1,000 delays for the same attempt are not all alike', () => {
    const delays = new Set(Array.from({ length: 1000 }, () => retryDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(500);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(2000);
  });

  it('never comes back sooner than the receiver’s Retry-After', () => {
    expect(retryDelayMs(1, policy, 30_000, () => 0)).toBe(30_000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 10:01:00 GMT', Date.UTC(2026, 10, 23, 10, 0, 0))).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
