/**
 * Who records the council's decision on a referral, and on which referrals a decision may be recorded at all.
 */
import type { User } from './people';
import type { ReferralScope } from './referrals';

/** Decisions are the council's: the front door for MASH referrals, early help for early-help requests. */
export function canRecordOutcome(user: User | undefined, referral: ReferralScope): boolean {
  if (!user) return false;
  return user.role === 'front-door' || (user.role === 'early-help' && referral.kind === 'early-help');
}

/** Retrying a dead-lettered delivery is for the same council staff who would decide the referral. */
export const canRetryDelivery = canRecordOutcome;

/** Where a referral's delivery stands; the adapter that delivered it (`inbox` is the council's Teams queue). */
export interface ReferralDelivery {
  deliveryState: 'pending' | 'delivered' | 'failed';
  adapter: string;
}

/** Why no outcome may be recorded on a referral now: never delivered, or decided in the council's own system. */
export type OutcomeRefusal = 'not-delivered' | 'decided-elsewhere';

/**
 * A decision is recorded only on a referral the council has received. Staff in Teams decide the ones
 * delivered to the Teams inbox (the card offers "Record outcome" on exactly those); a referral delivered to
 * the council's case system is decided there and reported through the signed outcome API.
 */
export function outcomeRefusal(referral: ReferralDelivery, by: 'staff' | 'case-system'): OutcomeRefusal | undefined {
  if (referral.deliveryState !== 'delivered') return 'not-delivered';
  if (by === 'staff' && referral.adapter !== 'inbox') return 'decided-elsewhere';
  return undefined;
}
