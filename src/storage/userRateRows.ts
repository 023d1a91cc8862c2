/**
 * The per-user message rate limit, shared by every instance on one PostgreSQL. Teams' load balancer sends
 * a user's messages to any instance, so a bucket in each instance's memory would let a script send N times
 * the limit with N instances. Here the bucket is one row, and taking a token is one atomic upsert: the same
 * token bucket as security/rateLimiter.ts (burst, then `perSecond`), timed by the database's clock so instances
 * whose clocks differ still agree. The row is keyed by a hash of the tenant and user, not their ids.
 *
 * If the database cannot answer, the instance falls back to its own in-memory bucket: a person is never
 * refused because the database is down, and a script is still limited per instance.
 */
import { createHash } from 'node:crypto';
import type { SqlExecutor } from './sqlDriver';

/** Tokens in the bucket before this message: last count plus what was regained since, up to the burst. */
const REFILLED = 'LEAST($2::DOUBLE PRECISION, b.tokens + GREATEST(0, EXCLUDED.updated_at - b.updated_at) / 1000.0 * $3::DOUBLE PRECISION)';

/**
 * One statement, so two instances taking a token at once cannot both spend the last one. `refusals` counts
 * refusals since the last allowed message: 0 allowed, 1 refused (tell them), more refused quietly.
 * PostgreSQL only, so it numbers its own parameters (each is used more than once).
 */
const TAKE_TOKEN = `
  INSERT INTO user_rate_buckets AS b (user_key, tokens, updated_at, refusals)
  VALUES ($1, $2::DOUBLE PRECISION - 1, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT, 0)
  ON CONFLICT (user_key) DO UPDATE SET
    tokens = ${REFILLED} - CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END,
    refusals = CASE WHEN ${REFILLED} >= 1 THEN 0 ELSE b.refusals + 1 END,
    updated_at = EXCLUDED.updated_at
  RETURNING refusals`;

/** What a limiter says to one message; the in-memory limiter (security/rateLimiter.ts) says the same. */
export type RateDecision = 'allow' | 'refuse-and-warn' | 'refuse-quietly';

export interface RateLimitOptions {
  /** Messages a user may send in a burst. */
  burst: number;
  /** Tokens regained per second after a burst. */
  perSecond: number;
}

export interface UserRateLimiter {
  take(userKey: string): RateDecision | Promise<RateDecision>;
}

export class SharedUserRateLimiter implements UserRateLimiter {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly options: RateLimitOptions,
    /** Used while the database cannot answer. */
    private readonly fallback: { take(userKey: string): RateDecision },
  ) {}

  async take(userKey: string): Promise<RateDecision> {
    try {
      const [row] = await this.sql.all<{ refusals: number }>(TAKE_TOKEN, [hashed(userKey), this.options.burst, this.options.perSecond]);
      return decisionFor(Number(row.refusals));
    } catch {
      return this.fallback.take(userKey);
    }
  }
}

function decisionFor(refusals: number): RateDecision {
  if (refusals === 0) return 'allow';
  return refusals === 1 ? 'refuse-and-warn' : 'refuse-quietly';
}

function hashed(userKey: string): string {
  return createHash('sha256').update(userKey).digest('base64url');
}
