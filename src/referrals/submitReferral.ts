/**
 * Submitting a referral: check the form, store it (personal fields sealed) together with its delivery job
 * and an audit entry in one transaction, and only then tell the referrer it is received.
 *
 * Idempotent: the key is the referrer plus the form's nonce (falling back to the Teams activity id), so a
 * double click or a Teams retry of the same submission finds the referral already stored and returns it.
 * The same form sent again with different content is not stored a second time either: the referrer is told
 * it was already sent, and to start a new form for another child.
 */
import { canSubmitReferral } from '../policies';
import type { Person } from '../directory/schema';
import { appendAudit } from '../storage/auditRows';
import { enqueueJob } from '../storage/outboxRows';
import { findBySubmissionKey, insertReferral, nextReferralNumber, type StoredReferral } from '../storage/referralRows';
import { deliveryJob } from './deliverReferral';
import type { ReferralDeps } from './referralDeps';
import { checkForm, type FieldErrors, type FormValues } from './referralForm';
import type { ReferralKind } from './referralKinds';
import { formatReference } from './referenceNumber';

export interface SubmitRequest {
  kind: ReferralKind;
  values: FormValues;
  /** A random value the bot put in the form card when it sent it. */
  nonce: string | undefined;
  /** The Teams activity id of the submission. */
  activityId: string;
}

export type SubmitResult =
  | { status: 'stored'; referral: StoredReferral }
  /** A double click or a retry: this submission was stored before. */
  | { status: 'already-stored'; referral: StoredReferral }
  /** The same form was already sent, with different content; nothing new is stored. */
  | { status: 'form-already-used'; referral: StoredReferral }
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'not-allowed' };

export async function submitReferral(deps: ReferralDeps, user: Person | undefined, request: SubmitRequest): Promise<SubmitResult> {
  if (!user?.school || !canSubmitReferral(user, user.school)) return { status: 'not-allowed' };
  const submissionKey = keyFor(user, request);
  const submissionHash = deps.cipher.fingerprint(canonical(request));
  const earlier = await findBySubmissionKey(deps.sql, submissionKey);
  if (earlier) return sameOrChanged(earlier, submissionHash);

  const now = deps.now();
  const check = checkForm(request.kind, request.values, deps.calendar.dateOf(now));
  if (!check.ok) return { status: 'invalid', errors: check.errors };

  const stored = await deps.sql.transaction(async (tx) => {
    const reference = formatReference(request.kind, deps.calendar.dateOf(now).slice(0, 4), await nextReferralNumber(tx));
    const referral = await insertReferral(tx, {
      reference,
      kind: request.kind,
      schoolId: user.school!,
      referrerId: user.aadObjectId.toLowerCase(),
      referrerName: user.name,
      submissionKey,
      submissionHash,
      submittedAt: now,
      decisionDueAt: deps.calendar.nextWorkingDayAfter(now),
      adapter: deps.adapterFor[request.kind],
      personalSealed: deps.cipher.seal(JSON.stringify(check.form), submissionKey),
    });
    if (!referral) return undefined; // the same submission, arriving at the same moment, got in first
    await enqueueJob(tx, deliveryJob(referral, now), now);
    await appendAudit(tx, {
      at: now,
      actor: referral.referrerId,
      action: 'referral.submitted',
      reference,
      schoolId: referral.schoolId,
      allowed: true,
      detail: referral.adapter,
    });
    return referral;
  });
  if (!stored) return sameOrChanged((await findBySubmissionKey(deps.sql, submissionKey))!, submissionHash);
  deps.jobsQueued();
  deps.logger.info({ reference: stored.reference, kind: stored.kind, adapter: stored.adapter }, 'referral stored');
  return { status: 'stored', referral: stored };
}

function keyFor(user: Person, request: SubmitRequest): string {
  const nonce =
    typeof request.nonce === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(request.nonce) ? request.nonce : `activity-${request.activityId}`;
  return `${user.aadObjectId.toLowerCase()}:${request.kind}:${nonce}`;
}

function sameOrChanged(earlier: StoredReferral, submissionHash: string): SubmitResult {
  return earlier.submissionHash === submissionHash
    ? { status: 'already-stored', referral: earlier }
    : { status: 'form-already-used', referral: earlier };
}

/** The submission as one string, independent of the order the card sent its fields in. */
function canonical(request: SubmitRequest): string {
  const fields = Object.entries(request.values)
    .map(([field, value]) => [field, (value ?? '').trim()])
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([request.kind, fields]);
}
