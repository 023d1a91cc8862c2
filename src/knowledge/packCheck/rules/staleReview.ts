/**
 * stale-review: guidance changes every year or two (KCSIE each September), so an answer not checked for
 * more than REVIEW_VALID_MONTHS gets a warning. A warning, not an error: an old answer may still be right.
 */
import type { PackRule } from '../finding';
import { REVIEW_VALID_MONTHS } from '../tables';

export const staleReview: PackRule = (pack, today) => {
  const oldestCurrent = monthsBefore(today, REVIEW_VALID_MONTHS);
  return pack.answers
    .filter((answer) => answer.reviewed < oldestCurrent)
    .map((answer) => ({
      severity: 'warning',
      file: answer.file,
      rule: 'stale-review',
      message: `reviewed ${answer.reviewed}, more than ${REVIEW_VALID_MONTHS} months ago: check it against its sources, then set "reviewed" to that day and "reviewer" to your role.`,
    }));
};

/** The ISO date `months` calendar months before `today` (UTC), for comparing with YYYY-MM-DD strings. */
export function monthsBefore(today: Date, months: number): string {
  const then = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return then.toISOString().slice(0, 10);
}
