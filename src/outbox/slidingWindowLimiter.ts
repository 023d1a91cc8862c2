/**
 * Rate limits for messages the bot sends unasked: at most `limit` requests per `windowMs` for each key (a
 * Teams conversation: 7 a second; the whole tenant: 50 a second), over any span of that length.
 *
 * The limit must hold where Teams counts: when a request arrives. That moment is not known, only that it
 * falls between the send starting and its answer coming back (a busy event loop can hold a request back
 * for hundreds of milliseconds after it was let go). So a request occupies its place from when it starts
 * until a full window after it finished. A new one starts only when fewer than `limit` places are occupied,
 * which keeps any two requests `limit` apart at least a window apart in arrival, whatever the delays.
 */
export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

interface Place {
  /** When the request finished (its answer arrived); undefined while it is in flight. */
  finishedAt?: number;
}

/** How often to look again when every place is taken by a request still in flight. */
const IN_FLIGHT_POLL_MS = 10;

export class SlidingWindowLimiter {
  private readonly places = new Map<string, Place[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Waits until every limit has room, then takes a place in each. Call the returned function when the
   * request has finished (answered or failed); its places are freed a window later.
   */
  async acquire(limits: readonly RateLimit[]): Promise<() => void> {
    for (;;) {
      const wait = Math.max(0, ...limits.map((limit) => this.waitFor(limit)));
      if (wait === 0) break;
      await this.sleep(wait);
    }
    const taken = limits.map((limit) => {
      const place: Place = {};
      this.places.set(limit.key, [...this.occupied(limit), place]);
      return place;
    });
    return () => {
      const at = this.now();
      for (const place of taken) place.finishedAt ??= at;
    };
  }

  /** How long until `limit` has a free place (0: now). */
  private waitFor(limit: RateLimit): number {
    const occupied = this.occupied(limit);
    if (occupied.length < limit.limit) return 0;
    const finished = occupied.filter((place) => place.finishedAt !== undefined).map((place) => place.finishedAt!);
    if (finished.length === 0) return IN_FLIGHT_POLL_MS;
    return Math.min(...finished) + limit.windowMs - this.now() + 1;
  }

  /** The places still occupied for this key: in flight, or finished less than a window ago (idle keys are dropped). */
  private occupied(limit: RateLimit): Place[] {
    const cutoff = this.now() - limit.windowMs;
    const kept = (this.places.get(limit.key) ?? []).filter((place) => place.finishedAt === undefined || place.finishedAt > cutoff);
    if (kept.length > 0) this.places.set(limit.key, kept);
    else this.places.delete(limit.key);
    return kept;
  }
}
