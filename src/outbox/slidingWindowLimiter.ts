/**
 * Rate limits for messages the bot sends unasked: at most `limit` sends per `windowMs` for each key (a
 * Teams conversation: 7 a second; the whole tenant: 50 a second). A sliding window, not a token bucket, so
 * the limit holds over any one-second span, as Teams counts it.
 */
export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Waits until every limit has room, then counts one send against each. */
  async acquire(limits: readonly RateLimit[]): Promise<void> {
    for (;;) {
      const wait = Math.max(0, ...limits.map((limit) => this.waitFor(limit)));
      if (wait === 0) break;
      await this.sleep(wait);
    }
    const at = this.now();
    for (const limit of limits) this.sent.set(limit.key, [...this.recent(limit), at]);
  }

  /** How long until `limit` has room for one more send (0: now). */
  private waitFor(limit: RateLimit): number {
    const recent = this.recent(limit);
    if (recent.length < limit.limit) return 0;
    return recent[recent.length - limit.limit] + limit.windowMs - this.now() + 1;
  }

  /** The sends within the window for this key; older ones are forgotten (and idle keys dropped). */
  private recent(limit: RateLimit): number[] {
    const cutoff = this.now() - limit.windowMs;
    const kept = (this.sent.get(limit.key) ?? []).filter((at) => at > cutoff);
    if (kept.length > 0) this.sent.set(limit.key, kept);
    else this.sent.delete(limit.key);
    return kept;
  }
}
