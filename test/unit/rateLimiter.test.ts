import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/security/rateLimiter';

describe('per-user rate limit', () => {
  it('allows a burst, warns once, then stays quiet until the user slows down', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perSecond: 1 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('alex'))).toEqual(['allow', 'allow', 'allow']);
    expect(limiter.take('alex')).toBe('refuse-and-warn');
    expect(limiter.take('alex')).toBe('refuse-quietly');
    now += 1000;
    expect(limiter.take('alex')).toBe('allow');
  });

  it('limits each user separately', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 0 }, () => 0);
    expect(limiter.take('alex')).toBe('allow');
    expect(limiter.take('alex')).toBe('refuse-and-warn');
    expect(limiter.take('megan')).toBe('allow');
  });
});
