/**
 * The outbox job that delivers a referral through the integration adapter configured for its kind.
 * Success (the receiver acknowledged) marks the referral delivered in the same transaction that completes
 * the job. Giving up marks it not delivered, shows it to council staff as a failed delivery, and tells the
 * referrer to phone, because a school must never believe a referral arrived when it did not.
 */
import type { JobHandler } from '../outbox/jobHandler';
import { appendAudit } from '../storage/auditRows';
import { enqueueJob, type NewJob, type OutboxJob } from '../storage/outboxRows';
import { findReferralById, markDelivered, markDeliveryFailed, type StoredReferral } from '../storage/referralRows';
import { DeliveryFailure, type ReferralAdapter, type ReferralForDelivery } from './adapters/referralAdapter';
import { notificationJob } from './notifications';
import type { ReferralDeps } from './referralDeps';
import type { ReferralForm } from './referralForm';
import type { ReferralKind } from './referralKinds';
import { openForm } from './referralSummary';

export const DELIVER_TOPIC = 'deliver-referral';

interface DeliveryPayload {
  referralId: number;
}

export function deliveryJob(referral: StoredReferral, now: number): NewJob {
  const payload: DeliveryPayload = { referralId: referral.id };
  return { topic: DELIVER_TOPIC, dedupeKey: deliveryJobKey(referral.reference), payload, runAt: now };
}

export function deliveryJobKey(reference: string): string {
  return `deliver:${reference}`;
}

export function deliveryHandler(deps: ReferralDeps, adapters: Record<ReferralKind, ReferralAdapter>): JobHandler {
  return {
    async run(job: OutboxJob) {
      const referral = await findReferralById(deps.sql, (JSON.parse(job.payload) as DeliveryPayload).referralId);
      if (!referral || referral.deliveryState === 'delivered') return;
      const form = openWithThisInstancesKey(deps, referral);
      if (!form) throw new DeliveryFailure('its personal details have been deleted', false);
      const adapter = adapters[referral.kind];
      const receipt = await adapter.deliver(forDelivery(deps, referral, form), referral.reference);
      return async (tx) => {
        await markDelivered(tx, referral.id, adapter.name, receipt.receiverReference, deps.now());
        await appendAudit(tx, {
          at: deps.now(),
          actor: 'system:delivery',
          action: 'referral.delivered',
          reference: referral.reference,
          schoolId: referral.schoolId,
          allowed: true,
          detail: adapter.name,
        });
      };
    },

    async onDeadLetter(job, reason, tx) {
      const referral = await findReferralById(tx, (JSON.parse(job.payload) as DeliveryPayload).referralId);
      if (!referral) return;
      const now = deps.now();
      await markDeliveryFailed(tx, referral.id, reason);
      await appendAudit(tx, {
        at: now,
        actor: 'system:delivery',
        action: 'referral.delivery-failed',
        reference: referral.reference,
        schoolId: referral.schoolId,
        allowed: true,
        detail: reason,
      });
      await enqueueJob(tx, notificationJob(referral.reference, referral.referrerId, 'delivery-failed', now), now);
      deps.logger.error({ reference: referral.reference, reason }, 'referral could not be delivered; council staff see it in their inbox');
    },
  };
}

/** Another instance with the right key may still open it, so this failure is retried. */
function openWithThisInstancesKey(deps: ReferralDeps, referral: StoredReferral): ReferralForm | undefined {
  try {
    return openForm(deps, referral);
  } catch {
    throw new DeliveryFailure(
      'this bot instance cannot open the referral: check every instance has the same REFERRAL_ENCRYPTION_KEY',
      true,
    );
  }
}

function forDelivery(deps: ReferralDeps, referral: StoredReferral, form: ReferralForm): ReferralForDelivery {
  const school = deps.directory.school(referral.schoolId);
  const referrer = deps.directory.findPerson(referral.referrerId);
  return {
    reference: referral.reference,
    kind: referral.kind,
    submittedAt: new Date(referral.submittedAt).toISOString(),
    decisionDueAt: new Date(referral.decisionDueAt).toISOString(),
    school: { id: referral.schoolId, name: school?.name ?? referral.schoolId, urn: school?.urn ?? '' },
    referrer: {
      name: referral.referrerName,
      aadObjectId: referral.referrerId,
      role: referrer?.role ?? 'unknown',
      phone: form.referrerPhone,
      email: form.referrerEmail,
    },
    form,
  };
}
