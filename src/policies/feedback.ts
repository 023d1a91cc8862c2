/**
 * The anonymous "Did this help?" counts are for the people who maintain and commission the content: they
 * span every school, so no school role sees them. Voting is open to everyone (one vote per person per answer).
 */
import { has, type User } from './people';

export function canViewFeedbackReport(user: User | undefined): boolean {
  return has(user, ['admin', 'early-help', 'front-door']);
}
