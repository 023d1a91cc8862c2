/**
 * Recording the council's decision on a referral, by front-door or early-help staff in Teams or by the
 * council's case system through the outcome API. The outcome, its notification jobs (the referrer and the
 * school's DSLs) and the audit entry commit together. An outcome is recorded once: a second attempt is told
 * what is already recorded. The note for the school is sealed like the referral itself. Only a delivered
 * referral can be decided, and staff in Teams decide only those delivered to the Teams inbox.
 */
import { canRecordOutcome, outcomeRefusal, type OutcomeRefusal } from '../policies';
import type { Person } from '../directory/schema';
import { appendAudit } from '../storage/auditRows';
import { withoutInvisibleCharacters } from '../validation/formFields';
import { acceptInboundEvent } from '../storage/inboundEventRows';
import { enqueueJob } from '../storage/outboxRows';
import { findReferral, recordOutcomeRow, type StoredReferral } from '../storage/referralRows';
import { notificationJob, outcomeRecipients } from './notifications';
import { scopeOf } from './readReferrals';
import type { ReferralDeps } from './referralDeps';

export interface OutcomeInput {
  code: string;
  /** A short note for the school: why, and what happens next. */
  note: string;
}

export type OutcomeErrors = { outcome?: string; note?: string };

export type RecordOutcomeResult =
  | { status: 'recorded'; referral: StoredReferral }
  | { status: 'already-recorded'; referral: StoredReferral }
  | { status: 'invalid'; errors: OutcomeErrors }
  | { status: 'not-found' }
  /** Never delivered (pending or dead-lettered), or decided in the council's own system: see outcomeRefusal. */
  | { status: OutcomeRefusal; referral: StoredReferral }
  /** The outcome API saw this event id before; nothing changed. */
  | { status: 'duplicate-event' };

export const NOTE_LENGTH = { min: 10, max: 1000 };
export const OUTCOME_API_ACTOR = 'system:outcome-api';

/**
 * From Teams. A referral this person may not decide and one that does not exist take the same path (one
 * lookup, one refused audit row) and get the same answer, so neither tells whether the reference exists.
 */
export async function recordOutcomeByStaff(
  deps: ReferralDeps,
  user: Person | undefined,
  reference: string,
  input: OutcomeInput,
): Promise<RecordOutcomeResult> {
  const referral = await findReferral(deps.sql, reference);
  const actor = user?.aadObjectId.toLowerCase() ?? 'unknown';
  if (!referral || !canRecordOutcome(user, scopeOf(referral))) {
    await auditRefusal(deps, actor, reference, referral?.schoolId);
    return { status: 'not-found' };
  }
  return record(deps, referral, actor, input, { by: 'staff' });
}

/** From the council's case system: already authenticated by its signature; each event id counts once. */
export async function recordOutcomeFromSystem(
  deps: ReferralDeps,
  reference: string,
  input: OutcomeInput & { eventId: string },
): Promise<RecordOutcomeResult> {
  const referral = await findReferral(deps.sql, reference);
  if (!referral) return { status: 'not-found' };
  return record(deps, referral, OUTCOME_API_ACTOR, input, { by: 'case-system', eventId: input.eventId });
}

/** Thrown inside the transaction to undo it (the event id is not used up) when an outcome already exists. */
class AlreadyRecorded extends Error {}

async function record(
  deps: ReferralDeps,
  referral: StoredReferral,
  actor: string,
  input: OutcomeInput,
  via: { by: 'staff' | 'case-system'; eventId?: string },
): Promise<RecordOutcomeResult> {
  // The card offers no outcome on these, but card data and API calls can be crafted: the rule is kept here.
  // Delivery never goes back from delivered, so a referral that passes this check stays open to a decision.
  const refusal = outcomeRefusal(referral, via.by);
  if (refusal) {
    await auditRefusal(deps, actor, referral.reference, referral.schoolId, refusal);
    return { status: refusal, referral };
  }
  const { eventId } = via;
  const errors = check(deps, referral, input);
  if (errors) return { status: 'invalid', errors };
  const now = deps.now();
  try {
    const outcome = await deps.sql.transaction(async (tx) => {
      if (eventId !== undefined && !(await acceptInboundEvent(tx, eventId, now))) return 'duplicate-event' as const;
      const note = deps.cipher.seal(cleanNote(input.note), `${referral.submissionKey}:outcome`);
      if (!(await recordOutcomeRow(tx, { id: referral.id, code: input.code, noteSealed: note, recordedBy: actor, at: now })))
        throw new AlreadyRecorded();
      for (const recipient of outcomeRecipients(deps.directory.snapshot().people, referral)) {
        await enqueueJob(tx, notificationJob(referral.reference, recipient, 'outcome', now), now);
      }
      await appendAudit(tx, {
        at: now,
        actor,
        action: 'outcome.recorded',
        reference: referral.reference,
        schoolId: referral.schoolId,
        allowed: true,
        detail: input.code,
      });
      return 'recorded' as const;
    });
    if (outcome === 'duplicate-event') return { status: 'duplicate-event' };
  } catch (error) {
    if (!(error instanceof AlreadyRecorded)) throw error;
    return { status: 'already-recorded', referral: (await findReferral(deps.sql, referral.reference))! };
  }
  deps.jobsQueued();
  deps.logger.info(
    { reference: referral.reference, outcome: input.code, by: actor.startsWith('system:') ? actor : 'staff' },
    'outcome recorded',
  );
  return { status: 'recorded', referral: (await findReferral(deps.sql, referral.reference))! };
}

function check(deps: ReferralDeps, referral: StoredReferral, input: OutcomeInput): OutcomeErrors | undefined {
  const errors: OutcomeErrors = {};
  if (!deps.outcomes.for(referral.kind, input.code)) {
    errors.outcome = `Choose one of: ${deps.outcomes
      .choicesFor(referral.kind)
      .map((o) => o.code)
      .join(', ')}`;
  }
  const note = cleanNote(input.note);
  if (note.length < NOTE_LENGTH.min || note.length > NOTE_LENGTH.max) {
    errors.note = `Write a short note for the school (${NOTE_LENGTH.min} to ${NOTE_LENGTH.max} characters): why, and what happens next`;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A refused attempt, in the audit log: who, which reference (as typed, if unknown), and why if not a permission. */
function auditRefusal(
  deps: ReferralDeps,
  actor: string,
  reference: string,
  schoolId: string | undefined,
  detail?: OutcomeRefusal,
): Promise<void> {
  return appendAudit(deps.sql, { at: deps.now(), actor, action: 'outcome.recorded', reference, schoolId, allowed: false, detail });
}

/** The note as stored and shown: bidi controls and other invisible characters removed, like every typed field. */
function cleanNote(note: string | undefined): string {
  return withoutInvisibleCharacters(note ?? '').trim();
}
