/**
 * Council staff retrying a referral whose delivery was given up on (dead-letter), typically after the
 * receiving system is fixed. The job gets a fresh set of attempts; the idempotency key is unchanged, so a
 * receiver that did get it after all will not store it twice.
 */
import { canRetryDelivery } from '../policies';
import type { Person } from '../directory/schema';
import { appendAudit } from '../storage/auditRows';
import { reviveJob } from '../storage/outboxRows';
import { findReferral, markDeliveryRetried } from '../storage/referralRows';
import { deliveryJobKey } from './deliverReferral';
import { scopeOf } from './readReferrals';
import type { ReferralDeps } from './referralDeps';

export type RetryResult = 'retrying' | 'not-failed' | 'not-found';

export async function retryDelivery(deps: ReferralDeps, user: Person | undefined, reference: string): Promise<RetryResult> {
  const referral = await findReferral(deps.sql, reference);
  const now = deps.now();
  if (!referral || !canRetryDelivery(user, scopeOf(referral))) {
    // An unknown reference and one this person may not touch take the same path, so neither timing nor the
    // audit trail tells a prober which references exist; both refusals are recorded.
    const actor = user?.aadObjectId.toLowerCase() ?? 'unknown';
    await appendAudit(deps.sql, {
      at: now,
      actor,
      action: 'referral.delivery-retried',
      reference,
      schoolId: referral?.schoolId,
      allowed: false,
    });
    return 'not-found';
  }
  const retried = await deps.sql.transaction(async (tx) => {
    if (!(await markDeliveryRetried(tx, referral.id))) return false;
    await reviveJob(tx, deliveryJobKey(reference), now);
    await appendAudit(tx, {
      at: now,
      actor: user!.aadObjectId.toLowerCase(),
      action: 'referral.delivery-retried',
      reference,
      schoolId: referral.schoolId,
      allowed: true,
    });
    return true;
  });
  if (!retried) return 'not-failed';
  deps.jobsQueued();
  return 'retrying';
}
