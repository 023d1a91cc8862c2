/**
 * Per-user rate limit on messages and invokes together (card buttons included): a token bucket per user. Protects the bot (and the council's tenant quota)
 * from a stuck client or a script, while a person typing never notices it.
 */
import type { RateDecision, RateLimitOptions } from '../storage/userRateRows';

export type { RateDecision, RateLimitOptions };

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** True once the user has been told they are being limited, so they are told only once per episode. */
  warned: boolean;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    /** From configuration: RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND (10 and 0.5 by default). */
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  take(userKey: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(userKey) ?? { tokens: this.options.burst, updatedAt: now, warned: false };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.options.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(userKey, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return 'allow';
    }
    if (bucket.warned) return 'refuse-quietly';
    bucket.warned = true;
    return 'refuse-and-warn';
  }
}
