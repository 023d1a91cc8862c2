/**
 * The `referrals` table. Personal fields are stored only as sealed (encrypted) text; everything in the clear
 * is what the bot needs to authorise, route and follow up a referral without opening it.
 */
import { firstRow, type SqlExecutor } from './sqlDriver';

/** referrals/referralKinds.ts's kinds, written out so storage depends on no domain folder. */
type ReferralKind = 'early-help' | 'front-door';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface StoredReferral {
  id: number;
  reference: string;
  kind: ReferralKind;
  schoolId: string;
  /** The referrer's Entra object id, lower-case. */
  referrerId: string;
  referrerName: string;
  /** Who submitted plus the form's nonce: the same form submitted twice is one referral. */
  submissionKey: string;
  /** A hash of what was submitted, to tell a double click from a changed form re-sent under the same key. */
  submissionHash: string;
  submittedAt: number;
  decisionDueAt: number;
  adapter: string;
  deliveryState: DeliveryState;
  deliveredAt: number | null;
  receiverReference: string | null;
  deliveryError: string | null;
  outcomeCode: string | null;
  outcomeRecordedAt: number | null;
  /** An Entra object id, or `system:outcome-api` when the council's system recorded it. */
  outcomeRecordedBy: string | null;
  outcomeNoteSealed: string | null;
  chasePromptedAt: number | null;
  /** The form (child, household, concern, …), sealed; null once deleted on the retention schedule. */
  personalSealed: string | null;
  personalDeletedAt: number | null;
}

export type NewReferral = Pick<
  StoredReferral,
  | 'reference'
  | 'kind'
  | 'schoolId'
  | 'referrerId'
  | 'referrerName'
  | 'submissionKey'
  | 'submissionHash'
  | 'submittedAt'
  | 'decisionDueAt'
  | 'adapter'
  | 'personalSealed'
>;

const SELECT = `SELECT id, reference, kind, school_id AS "schoolId", referrer_id AS "referrerId", referrer_name AS "referrerName",
  submission_key AS "submissionKey", submission_hash AS "submissionHash", submitted_at AS "submittedAt",
  decision_due_at AS "decisionDueAt", adapter, delivery_state AS "deliveryState", delivered_at AS "deliveredAt",
  receiver_reference AS "receiverReference", delivery_error AS "deliveryError", outcome_code AS "outcomeCode",
  outcome_recorded_at AS "outcomeRecordedAt", outcome_recorded_by AS "outcomeRecordedBy",
  outcome_note_sealed AS "outcomeNoteSealed", chase_prompted_at AS "chasePromptedAt",
  personal_sealed AS "personalSealed", personal_deleted_at AS "personalDeletedAt"
  FROM referrals`;

/** The next number for a reference (EH-2026-000123). Gaps are possible after a rollback; duplicates are not. */
export async function nextReferralNumber(tx: SqlExecutor): Promise<number> {
  const row = await firstRow<{ value: number }>(
    tx,
    `INSERT INTO reference_counters (name, value) VALUES ('referral', 1)
     ON CONFLICT (name) DO UPDATE SET value = reference_counters.value + 1 RETURNING value`,
  );
  return Number(row!.value);
}

/** Inserts the referral; returns undefined when a referral with the same submission key already exists. */
export async function insertReferral(tx: SqlExecutor, referral: NewReferral): Promise<StoredReferral | undefined> {
  const inserted = await firstRow<{ id: number }>(
    tx,
    `INSERT INTO referrals (reference, kind, school_id, referrer_id, referrer_name, submission_key, submission_hash,
       submitted_at, decision_due_at, adapter, delivery_state, personal_sealed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)
     ON CONFLICT (submission_key) DO NOTHING RETURNING id`,
    [
      referral.reference,
      referral.kind,
      referral.schoolId,
      referral.referrerId,
      referral.referrerName,
      referral.submissionKey,
      referral.submissionHash,
      referral.submittedAt,
      referral.decisionDueAt,
      referral.adapter,
      referral.personalSealed,
    ],
  );
  return inserted ? findReferralById(tx, inserted.id) : undefined;
}

export function findReferralById(sql: SqlExecutor, id: number): Promise<StoredReferral | undefined> {
  return firstRow<StoredReferral>(sql, `${SELECT} WHERE id = ?`, [id]);
}

export function findReferral(sql: SqlExecutor, reference: string): Promise<StoredReferral | undefined> {
  return firstRow<StoredReferral>(sql, `${SELECT} WHERE reference = ?`, [reference]);
}

export function findBySubmissionKey(sql: SqlExecutor, submissionKey: string): Promise<StoredReferral | undefined> {
  return firstRow<StoredReferral>(sql, `${SELECT} WHERE submission_key = ?`, [submissionKey]);
}

export function listForSchool(sql: SqlExecutor, schoolId: string, limit: number): Promise<StoredReferral[]> {
  return sql.all<StoredReferral>(`${SELECT} WHERE school_id = ? ORDER BY submitted_at DESC, id DESC LIMIT ?`, [schoolId, limit]);
}

export function listForReferrer(sql: SqlExecutor, referrerId: string, limit: number): Promise<StoredReferral[]> {
  return sql.all<StoredReferral>(`${SELECT} WHERE referrer_id = ? ORDER BY submitted_at DESC, id DESC LIMIT ?`, [referrerId, limit]);
}

/** Referrals in the council's Teams queue: delivered to the inbox and not yet decided, oldest first. */
export function listAwaitingDecision(sql: SqlExecutor, kind: ReferralKind, adapter: string, limit: number): Promise<StoredReferral[]> {
  return sql.all<StoredReferral>(
    `${SELECT} WHERE kind = ? AND adapter = ? AND delivery_state = 'delivered' AND outcome_code IS NULL ORDER BY submitted_at, id LIMIT ?`,
    [kind, adapter, limit],
  );
}

export function listDeliveryFailed(sql: SqlExecutor, kind: ReferralKind, limit: number): Promise<StoredReferral[]> {
  return sql.all<StoredReferral>(`${SELECT} WHERE kind = ? AND delivery_state = 'failed' ORDER BY submitted_at, id LIMIT ?`, [kind, limit]);
}

/** Records the acknowledgement, and which adapter delivered it (the configured one may have changed since submission). */
export async function markDelivered(
  tx: SqlExecutor,
  id: number,
  adapter: string,
  receiverReference: string | undefined,
  at: number,
): Promise<void> {
  await tx.run(
    `UPDATE referrals SET delivery_state = 'delivered', adapter = ?, delivered_at = ?, receiver_reference = ?, delivery_error = NULL WHERE id = ?`,
    [adapter, at, receiverReference ?? null, id],
  );
}

export async function markDeliveryFailed(tx: SqlExecutor, id: number, reason: string): Promise<void> {
  await tx.run(`UPDATE referrals SET delivery_state = 'failed', delivery_error = ? WHERE id = ?`, [reason, id]);
}

/** A failed delivery goes back to pending when staff retry it; returns false if it had not failed. */
export async function markDeliveryRetried(tx: SqlExecutor, id: number): Promise<boolean> {
  return (
    (await tx.run(`UPDATE referrals SET delivery_state = 'pending', delivery_error = NULL WHERE id = ? AND delivery_state = 'failed'`, [
      id,
    ])) === 1
  );
}

/** Records the outcome once: returns false when one is already recorded. */
export async function recordOutcomeRow(
  tx: SqlExecutor,
  outcome: { id: number; code: string; noteSealed: string; recordedBy: string; at: number },
): Promise<boolean> {
  const changed = await tx.run(
    `UPDATE referrals SET outcome_code = ?, outcome_note_sealed = ?, outcome_recorded_by = ?, outcome_recorded_at = ?
     WHERE id = ? AND outcome_code IS NULL`,
    [outcome.code, outcome.noteSealed, outcome.recordedBy, outcome.at, outcome.id],
  );
  return changed === 1;
}

/** Undecided referrals whose decision was due by `now` and whose referrer has not been prompted yet. */
export function listDueForChase(sql: SqlExecutor, now: number, limit: number): Promise<StoredReferral[]> {
  return sql.all<StoredReferral>(
    `${SELECT} WHERE outcome_code IS NULL AND chase_prompted_at IS NULL AND decision_due_at <= ? ORDER BY decision_due_at LIMIT ?`,
    [now, limit],
  );
}

/** Marks the chase prompt as sent; false if another instance got there first. */
export async function markChasePrompted(tx: SqlExecutor, id: number, at: number): Promise<boolean> {
  return (await tx.run(`UPDATE referrals SET chase_prompted_at = ? WHERE id = ? AND chase_prompted_at IS NULL`, [at, id])) === 1;
}

/**
 * Deletes the personal fields (and the outcome note, which may name people) of referrals whose outcome was
 * recorded before `recordedBefore`. The reference, kind, school, dates and outcome code stay.
 */
export function purgePersonalData(
  tx: SqlExecutor,
  recordedBefore: number,
  now: number,
): Promise<Array<{ reference: string; schoolId: string }>> {
  return tx.all(
    `UPDATE referrals SET personal_sealed = NULL, outcome_note_sealed = NULL, personal_deleted_at = ?
     WHERE outcome_recorded_at IS NOT NULL AND outcome_recorded_at < ? AND personal_deleted_at IS NULL
     RETURNING reference, school_id AS "schoolId"`,
    [now, recordedBefore],
  );
}

/** The key ids that referrals' personal fields are sealed with (the sealed form starts `v1.<key id>.`). */
export async function sealingKeyIds(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.all<{ keyId: string }>(
    `SELECT DISTINCT substr(personal_sealed, 4, 8) AS "keyId" FROM referrals WHERE personal_sealed IS NOT NULL`,
  );
  return rows.map((row) => row.keyId);
}
