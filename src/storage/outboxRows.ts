/**
 * The `outbox` table: work that must happen after a change is committed (deliver a referral, tell a DSL the
 * outcome), written in the same transaction as the change so that neither can exist without the other.
 *
 * A worker claims due jobs for a lease. If it crashes, the lease runs out and another worker claims the job
 * again, which is why every job's effect must be idempotent (the webhook carries an idempotency key).
 * Each claim gets a token; a worker whose lease ran out cannot complete a job someone else now holds.
 * On PostgreSQL, FOR UPDATE SKIP LOCKED lets several instances claim from the same table without waiting
 * on, or taking, each other's jobs.
 */
import { randomUUID } from 'node:crypto';
import type { SqlDriver, SqlExecutor } from './sqlDriver';

export type JobState = 'pending' | 'in-flight' | 'done' | 'dead';

export interface OutboxJob {
  id: number;
  topic: string;
  /** Unique per piece of work: the same job is never queued twice. */
  dedupeKey: string;
  /** JSON with ids only; never personal data, which stays sealed in its own table. */
  payload: string;
  state: JobState;
  /** Attempts started so far, including the current one. */
  attempts: number;
  runAt: number;
  claimToken: string | null;
  lastError: string | null;
}

export interface NewJob {
  topic: string;
  dedupeKey: string;
  payload: object;
  runAt: number;
}

const COLUMNS = `id, topic, dedupe_key AS "dedupeKey", payload, state, attempts, run_at AS "runAt", claim_token AS "claimToken", last_error AS "lastError"`;

/** Queues a job; false (and nothing changes) if a job with the same key was queued before. */
export async function enqueueJob(tx: SqlExecutor, job: NewJob, now: number): Promise<boolean> {
  const changed = await tx.run(
    `INSERT INTO outbox (topic, dedupe_key, payload, state, attempts, run_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [job.topic, job.dedupeKey, JSON.stringify(job.payload), job.runAt, now],
  );
  return changed === 1;
}

/** Claims up to `limit` due jobs of these topics (and such jobs whose lease ran out) for `leaseMs`. */
export async function claimJobs(
  driver: SqlDriver,
  options: { topics: readonly string[]; now: number; limit: number; leaseMs: number },
): Promise<OutboxJob[]> {
  const token = randomUUID();
  const skipLocked = driver.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const topics = options.topics.map(() => '?').join(', ');
  return driver.transaction((tx) =>
    tx.all<OutboxJob>(
      `UPDATE outbox SET state = 'in-flight', attempts = attempts + 1, lease_until = ?, claim_token = ?
       WHERE id IN (
         SELECT id FROM outbox
         WHERE topic IN (${topics}) AND ((state = 'pending' AND run_at <= ?) OR (state = 'in-flight' AND lease_until <= ?))
         ORDER BY run_at, id LIMIT ? ${skipLocked})
       RETURNING ${COLUMNS}`,
      [options.now + options.leaseMs, token, ...options.topics, options.now, options.now, options.limit],
    ),
  );
}

/** Marks a claimed job done; false if the claim was lost (the lease ran out and another worker took it). */
export async function completeJob(tx: SqlExecutor, job: OutboxJob, now: number): Promise<boolean> {
  return (
    (await tx.run(
      `UPDATE outbox SET state = 'done', finished_at = ?, lease_until = NULL, last_error = NULL WHERE id = ? AND claim_token = ?`,
      [now, job.id, job.claimToken],
    )) === 1
  );
}

/** Puts a claimed job back to wait until `runAt`, noting why the attempt failed. */
export async function rescheduleJob(tx: SqlExecutor, job: OutboxJob, runAt: number, reason: string): Promise<boolean> {
  return (
    (await tx.run(`UPDATE outbox SET state = 'pending', run_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND claim_token = ?`, [
      runAt,
      reason,
      job.id,
      job.claimToken,
    ])) === 1
  );
}

/** Gives up on a claimed job: it stays in the table as dead-letter for staff to see and retry. */
export async function deadLetterJob(tx: SqlExecutor, job: OutboxJob, reason: string, now: number): Promise<boolean> {
  return (
    (await tx.run(
      `UPDATE outbox SET state = 'dead', finished_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND claim_token = ?`,
      [now, reason, job.id, job.claimToken],
    )) === 1
  );
}

/** Gives a dead-letter job a fresh set of attempts, due now; false if it was not dead. */
export async function reviveJob(tx: SqlExecutor, dedupeKey: string, now: number): Promise<boolean> {
  return (
    (await tx.run(
      `UPDATE outbox SET state = 'pending', attempts = 0, run_at = ?, finished_at = NULL WHERE dedupe_key = ? AND state = 'dead'`,
      [now, dedupeKey],
    )) === 1
  );
}

export function findJob(sql: SqlExecutor, dedupeKey: string): Promise<OutboxJob | undefined> {
  return sql.all<OutboxJob>(`SELECT ${COLUMNS} FROM outbox WHERE dedupe_key = ?`, [dedupeKey]).then((rows) => rows[0]);
}

export async function countJobsByState(sql: SqlExecutor): Promise<Record<JobState, number>> {
  const counts: Record<JobState, number> = { pending: 0, 'in-flight': 0, done: 0, dead: 0 };
  for (const row of await sql.all<{ state: JobState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state'))
    counts[row.state] = Number(row.n);
  return counts;
}
