/**
 * The `report` command's use case: the anonymous "Did this help?" counts, for the council staff allowed to
 * see them (policies/feedback.ts); undefined for anyone else. Voting itself is open to everyone.
 */
import type { Person } from '../directory/schema';
import { canViewFeedbackReport } from '../policies';
import { voteCounts, type VoteCount } from '../storage/feedbackRows';
import type { SqlExecutor } from '../storage/sqlDriver';

export async function feedbackReport(deps: { sql: SqlExecutor }, user: Person | undefined): Promise<VoteCount[] | undefined> {
  if (!canViewFeedbackReport(user)) return undefined;
  return voteCounts(deps.sql);
}
