/**
 * How long to wait before the next attempt: exponential (base, 2×base, 4×base, …, capped), with "equal
 * jitter" so that after an outage a crowd of retries spreads out instead of arriving together. A receiver's
 * Retry-After is honoured: we never come back sooner than it asked.
 */
export interface BackoffPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
}

export function retryDelayMs(attempt: number, policy: BackoffPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  const delay = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(delay, retryAfterMs ?? 0));
}
