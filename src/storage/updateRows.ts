/**
 * The `updates` and `update_deliveries` tables: each early-help update, and one row per channel it goes to,
 * so the author's report can say what was sent, what is pending, and what failed and why.
 */
import { firstRow, type SqlExecutor } from './sqlDriver';

export interface StoredUpdate {
  id: number;
  /** Where it came from, unique: `teams:<author>:<form nonce>` or `api:<event id>`. */
  sourceKey: string;
  title: string;
  message: string;
  category: string;
  link: string | null;
  /** YYYY-MM-DD: not posted after this day. */
  expiresOn: string;
  /** JSON: {"type":"all"} | {"type":"phase","phase":"primary"} | {"type":"schools","schools":[…]}. */
  audience: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  reportSentAt: number | null;
}

export type NewUpdate = Omit<StoredUpdate, 'id' | 'reportSentAt'>;
export type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

export interface DeliveryCounts {
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
}

const SELECT = `SELECT id, source_key AS "sourceKey", title, message, category, link, expires_on AS "expiresOn", audience,
  author_id AS "authorId", author_name AS "authorName", created_at AS "createdAt", report_sent_at AS "reportSentAt" FROM updates`;

/** Inserts the update; undefined when one with the same source key exists (a double click, an API retry). */
export async function insertUpdate(tx: SqlExecutor, update: NewUpdate): Promise<StoredUpdate | undefined> {
  const row = await firstRow<{ id: number }>(
    tx,
    `INSERT INTO updates (source_key, title, message, category, link, expires_on, audience, author_id, author_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING RETURNING id`,
    [
      update.sourceKey,
      update.title,
      update.message,
      update.category,
      update.link,
      update.expiresOn,
      update.audience,
      update.authorId,
      update.authorName,
      update.createdAt,
    ],
  );
  return row ? findUpdate(tx, Number(row.id)) : undefined;
}

export function findUpdate(sql: SqlExecutor, id: number): Promise<StoredUpdate | undefined> {
  return firstRow<StoredUpdate>(sql, `${SELECT} WHERE id = ?`, [id]);
}

export function findUpdateBySource(sql: SqlExecutor, sourceKey: string): Promise<StoredUpdate | undefined> {
  return firstRow<StoredUpdate>(sql, `${SELECT} WHERE source_key = ?`, [sourceKey]);
}

export async function insertDelivery(tx: SqlExecutor, updateId: number, conversationId: string, schoolId: string): Promise<void> {
  await tx.run(`INSERT INTO update_deliveries (update_id, conversation_id, school_id, state) VALUES (?, ?, ?, 'pending')`, [
    updateId,
    conversationId,
    schoolId,
  ]);
}

/**
 * Locks the update's row until the transaction ends. Transactions finishing this update's deliveries then
 * run one at a time, so exactly one of them sees that nothing is left pending (without it, two finishing
 * together on PostgreSQL would each still see the other's delivery pending, and nobody would report).
 */
export async function lockUpdate(tx: SqlExecutor, updateId: number): Promise<void> {
  await tx.run('UPDATE updates SET report_sent_at = report_sent_at WHERE id = ?', [updateId]);
}

/** Records how one channel's delivery ended; only a pending delivery changes. */
export async function finishDelivery(
  tx: SqlExecutor,
  updateId: number,
  conversationId: string,
  outcome: DeliveryOutcome,
  reason: string | null,
  at: number,
): Promise<void> {
  await tx.run(
    `UPDATE update_deliveries SET state = ?, reason = ?, finished_at = ? WHERE update_id = ? AND conversation_id = ? AND state = 'pending'`,
    [outcome, reason, at, updateId, conversationId],
  );
}

export async function deliveryCounts(sql: SqlExecutor, updateId: number): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { pending: 0, sent: 0, failed: 0, skipped: 0 };
  const rows = await sql.all<{ state: keyof DeliveryCounts; n: number }>(
    'SELECT state, COUNT(*) AS n FROM update_deliveries WHERE update_id = ? GROUP BY state',
    [updateId],
  );
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

/** Deliveries that did not happen, with why (for the author's report). */
export function unsentDeliveries(
  sql: SqlExecutor,
  updateId: number,
  limit: number,
): Promise<Array<{ conversationId: string; schoolId: string; state: DeliveryOutcome; reason: string | null }>> {
  return sql.all(
    `SELECT conversation_id AS "conversationId", school_id AS "schoolId", state, reason FROM update_deliveries
     WHERE update_id = ? AND state IN ('failed', 'skipped') ORDER BY school_id, conversation_id LIMIT ?`,
    [updateId, limit],
  );
}

/** True for the one caller that gets to send the final report (once nothing is pending). */
export async function claimFinalReport(tx: SqlExecutor, updateId: number, at: number): Promise<boolean> {
  return (
    (await tx.run(
      `UPDATE updates SET report_sent_at = ? WHERE id = ? AND report_sent_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM update_deliveries WHERE update_id = ? AND state = 'pending')`,
      [at, updateId, updateId],
    )) === 1
  );
}
