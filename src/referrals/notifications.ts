/**
 * Telling people about their referrals in Teams: the outcome (to the referrer and the school's DSLs), a
 * chase prompt when no decision has been recorded within one working day, and a warning when a referral
 * could not be delivered. Each message to each person is its own outbox job, so one unreachable person
 * never holds up, or repeats, another's message.
 */
import { canViewReferral } from '../policies';
import type { Person } from '../directory/schema';
import type { JobHandler } from '../outbox/jobHandler';
import type { PersonNotifier } from '../outbox/recipients';
import { appendAudit } from '../storage/auditRows';
import type { NewJob, OutboxJob } from '../storage/outboxRows';
import { findReferral, type StoredReferral } from '../storage/referralRows';
import type { ReferralDeps } from './referralDeps';
import { openOutcomeNote, summarise, type ReferralSummary } from './referralSummary';

export const NOTIFY_TOPIC = 'notify-person';

export type NotificationMessage = 'outcome' | 'chase' | 'delivery-failed';

interface NotificationPayload {
  reference: string;
  /** Entra object id, lower-case. */
  recipient: string;
  message: NotificationMessage;
}

/** Turns a notification into a card; implemented by the cards module and passed in. */
export type NotificationCards = (message: NotificationMessage, summary: ReferralSummary, outcome: OutcomeForSchool | undefined) => object;

export interface OutcomeForSchool {
  label: string;
  forSchool: string;
  note?: string;
  recordedAt: number;
}

export function notificationJob(reference: string, recipient: string, message: NotificationMessage, now: number): NewJob {
  const payload: NotificationPayload = { reference, recipient: recipient.toLowerCase(), message };
  return { topic: NOTIFY_TOPIC, dedupeKey: `notify:${message}:${reference}:${payload.recipient}`, payload, runAt: now };
}

/** Who hears the outcome: the referrer and the school's DSLs and deputies, each once. */
export function outcomeRecipients(people: Person[], referral: StoredReferral): string[] {
  const dsls = people.filter((person) => person.school === referral.schoolId && (person.role === 'dsl' || person.role === 'deputy-dsl'));
  return [...new Set([referral.referrerId, ...dsls.map((person) => person.aadObjectId.toLowerCase())])];
}

export function notificationHandler(deps: ReferralDeps, notifier: PersonNotifier, cards: NotificationCards): JobHandler {
  return {
    async run(job: OutboxJob) {
      const payload = JSON.parse(job.payload) as NotificationPayload;
      const referral = await findReferral(deps.sql, payload.reference);
      const recipient = deps.directory.findPerson(payload.recipient);
      // Checked again at send time: someone who has left the school since must not be told.
      if (
        !referral ||
        !canViewReferral(recipient, { schoolId: referral.schoolId, referrerAadObjectId: referral.referrerId, kind: referral.kind })
      ) {
        deps.logger.info(
          { reference: payload.reference, message: payload.message },
          'notification dropped: the recipient may no longer see this referral',
        );
        return;
      }
      const card = cards(payload.message, summarise(deps, referral), outcomeFor(deps, referral));
      const result = await notifier.sendCard(payload.recipient, card);
      if (result === 'unreachable') {
        deps.logger.info(
          { reference: referral.reference, message: payload.message },
          'notification not sent: no conversation with the recipient yet',
        );
        return;
      }
      return (tx) =>
        appendAudit(tx, {
          at: deps.now(),
          actor: payload.recipient,
          action: 'notification.sent',
          reference: referral.reference,
          schoolId: referral.schoolId,
          allowed: true,
          detail: payload.message,
        });
    },
  };
}

function outcomeFor(deps: ReferralDeps, referral: StoredReferral): OutcomeForSchool | undefined {
  if (!referral.outcomeCode || referral.outcomeRecordedAt === null) return undefined;
  const outcome = deps.outcomes.get(referral.outcomeCode);
  return {
    label: outcome?.label ?? referral.outcomeCode,
    forSchool: outcome?.forSchool ?? '',
    note: openOutcomeNote(deps, referral),
    recordedAt: referral.outcomeRecordedAt,
  };
}
