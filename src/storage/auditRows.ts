/**
 * The `audit_log` table: who did what to which referral (or school channel, or the directory), and when. Never what a referral says: no child's
 * details, no concern, no outcome note. Refused attempts are recorded too (allowed = 0).
 */
import { firstRow, type SqlExecutor } from './sqlDriver';

export type AuditAction =
  | 'referral.submitted'
  | 'referral.viewed'
  | 'referral.listed'
  | 'referral.delivered'
  | 'referral.delivery-failed'
  | 'referral.delivery-retried'
  | 'outcome.recorded'
  | 'notification.sent'
  | 'personal-data.deleted'
  /** A school channel linked, unlinked or its subscriptions saved (detail: which, and the conversation id). */
  | 'channel.changed'
  /** Directory changes by an admin (detail: the person's Entra object id and role, or the school id); refusals too. */
  | 'directory.person-added'
  | 'directory.person-removed'
  | 'directory.school-added'
  | 'directory.school-removed'
  /** The directory filled from YAML: once when its tables were empty, or replaced by `npm run directory:import`. */
  | 'directory.seeded'
  | 'directory.imported';

export interface AuditEntry {
  at: number;
  /** An Entra object id, or `system:<part>` for the bot's own work (delivery, retention). */
  actor: string;
  action: AuditAction;
  reference?: string;
  schoolId?: string;
  allowed: boolean;
  /** Non-personal detail: an outcome code, an adapter name, how many referrals a list showed. */
  detail?: string;
  /** Which knowledge pack the bot was running (its version label); filled in by appendAudit. */
  packVersion?: string;
}

let runningPackVersion: string | undefined;

/**
 * Called when the bot loads its knowledge pack (KnowledgeBase.loadFromFile), so every audit row says which
 * guidance was live when it was written without each caller having to pass it. Rows from before
 * migration 3 have none.
 */
export function setAuditPackVersion(label: string | undefined): void {
  runningPackVersion = label;
}

/**
 * A permitted look at referrals records a read, not something anyone was told is stored, so its row need not
 * wait for the disk (it is written on every `status` and `inbox`). A refused look is the trace of someone
 * probing references: it waits, like every change and every other row.
 */
function isPermittedRead(entry: AuditEntry): boolean {
  return entry.allowed && (entry.action === 'referral.listed' || entry.action === 'referral.viewed');
}

export async function appendAudit(sql: SqlExecutor, entry: AuditEntry): Promise<void> {
  await sql.run(
    'INSERT INTO audit_log (at, actor, action, reference, school_id, allowed, detail, pack_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      entry.at,
      entry.actor,
      entry.action,
      entry.reference ?? null,
      entry.schoolId ?? null,
      entry.allowed ? 1 : 0,
      entry.detail ?? null,
      entry.packVersion ?? runningPackVersion ?? null,
    ],
    { waitForDisk: !isPermittedRead(entry) },
  );
}

/** A referral's trail, oldest first. */
export async function auditTrail(sql: SqlExecutor, reference: string): Promise<AuditEntry[]> {
  const rows = await sql.all<
    AuditEntry & {
      allowed: number | boolean;
      reference: string | null;
      schoolId: string | null;
      detail: string | null;
      packVersion: string | null;
    }
  >(
    `SELECT at, actor, action, reference, school_id AS "schoolId", allowed, detail, pack_version AS "packVersion" FROM audit_log WHERE reference = ? ORDER BY at, id`,
    [reference],
  );
  return rows.map((row) => ({
    at: Number(row.at),
    actor: row.actor,
    action: row.action,
    reference: row.reference ?? undefined,
    schoolId: row.schoolId ?? undefined,
    allowed: Number(row.allowed) === 1,
    detail: row.detail ?? undefined,
    packVersion: row.packVersion ?? undefined,
  }));
}

/** When the newest entry with one of these actions was written (ms), or undefined if there is none. */
export async function latestAuditAt(sql: SqlExecutor, actions: AuditAction[]): Promise<number | undefined> {
  const row = await firstRow<{ at: number | string | null }>(
    sql,
    `SELECT MAX(at) AS at FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')})`,
    actions,
  );
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
}
