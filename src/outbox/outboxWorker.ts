/**
 * Works the outbox: claims due jobs, runs each with its topic's handler, and records the result.
 *  - success: the handler's commit step and "done" commit together, only after the receiver acknowledged;
 *  - a retryable failure: tried again after a backoff with jitter (honouring Retry-After);
 *  - a permanent failure, or the last attempt: dead-letter, kept for staff to see and retry.
 * A crash at any point leaves the job claimed until its lease runs out; then any instance claims it again.
 * Several instances can run workers on one PostgreSQL: claims never overlap (see storage/outboxRows.ts).
 * A worker serves the topics its handlers name; one that only one instance may run at a time checks
 * `mayWork` (a lease) before each claim. It keeps up to `batchSize` jobs in flight and claims more as each
 * one finishes, so a slow receiver holds up only its own job, never the others.
 * When the database fails, the worker backs off (doubling from one poll up to POLL_BACKOFF_MAX_MS, with
 * jitter) and says so once per failed poll, not ten times a second; it says again when the database is back.
 */
import type { DeliverySettings } from '../config';
import type { Logger } from '../logging/logger';
import { claimJobs, completeJob, deadLetterJob, rescheduleJob, type OutboxJob } from '../storage/outboxRows';
import type { SqlDriver } from '../storage/sqlDriver';
import { retryDelayMs } from './backoff';

/** The longest wait between polls while the database fails: short enough to resume soon after it is back. */
export const POLL_BACKOFF_MAX_MS = 10_000;
import { DeliveryFailure, type JobHandler } from './jobHandler';

export interface OutboxWorkerOptions {
  sql: SqlDriver;
  handlers: Record<string, JobHandler>;
  delivery: DeliverySettings;
  logger: Logger;
  now?: () => number;
  /** Jobs in flight at once. */
  batchSize?: number;
  random?: () => number;
  /** Checked before each claim; false means "not now" (another instance holds the lease). */
  mayWork?: () => Promise<boolean>;
}

export class OutboxWorker {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly now: () => number;
  /** Polls failed in a row (the database is down, full or refusing). */
  private failedPolls = 0;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.work();
  }

  /** Stops claiming; resolves when the jobs in hand are finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** New jobs were committed: look now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Claims and runs one batch to the end; returns how many jobs it ran (for tests and benchmarks). */
  async runOnce(): Promise<number> {
    const jobs = await this.claim(this.options.batchSize ?? 10);
    await Promise.all(jobs.map((job) => this.runSafely(job)));
    return jobs.length;
  }

  private async claim(limit: number): Promise<OutboxJob[]> {
    if (this.options.mayWork && !(await this.options.mayWork())) return [];
    const topics = Object.keys(this.options.handlers);
    return claimJobs(this.options.sql, { topics, now: this.now(), limit, leaseMs: this.options.delivery.leaseMs });
  }

  private async work(): Promise<void> {
    const capacity = this.options.batchSize ?? 10;
    while (this.running) {
      let claimed = 0;
      let waitMs = this.options.delivery.pollMs;
      try {
        if (this.inFlight.size < capacity) {
          const jobs = await this.claim(capacity - this.inFlight.size);
          for (const job of jobs) this.track(this.runSafely(job));
          claimed = jobs.length;
        }
        this.pollSucceeded();
      } catch (error) {
        this.failedPolls += 1;
        waitMs = this.backoffMs();
        this.options.logger.error(
          { err: { name: (error as Error).name, message: (error as Error).message }, failedPolls: this.failedPolls, retryInMs: waitMs },
          'outbox poll failed; will try again',
        );
      }
      // Look again at once after claiming; otherwise wait for a poll, new jobs (wake) or a free slot.
      if (claimed === 0 && this.running) await this.sleep(waitMs);
    }
    await Promise.all(this.inFlight);
  }

  private pollSucceeded(): void {
    if (this.failedPolls > 0) this.options.logger.info({ failedPolls: this.failedPolls }, 'outbox poll works again');
    this.failedPolls = 0;
  }

  /** After failed polls: exponential backoff with jitter, so instances do not hammer the database in step. */
  private backoffMs(): number {
    const { pollMs } = this.options.delivery;
    return retryDelayMs(
      this.failedPolls,
      { retryBaseMs: pollMs * 2, retryMaxMs: Math.max(pollMs, POLL_BACKOFF_MAX_MS) },
      undefined,
      this.options.random,
    );
  }

  private track(running: Promise<void>): void {
    this.inFlight.add(running);
    void running.finally(() => {
      this.inFlight.delete(running);
      this.wakeUp?.();
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  /** Never rejects: if even the result cannot be recorded (the database is down), the job's lease runs out and it is tried again. */
  private runSafely(job: OutboxJob): Promise<void> {
    return this.runJob(job).catch((error: Error) => {
      this.options.logger.error(
        { job: job.id, err: { name: error?.name, message: error?.message } },
        'could not record a job’s result; it will be tried again when its lease runs out',
      );
    });
  }

  private async runJob(job: OutboxJob): Promise<void> {
    const handler = this.options.handlers[job.topic];
    const log = this.options.logger.child({ job: job.id, topic: job.topic, attempt: job.attempts });
    try {
      if (!handler) throw new DeliveryFailure(`no handler for topic ${job.topic}`, false);
      const commit = await handler.run(job);
      const completed = await this.options.sql.transaction(async (tx) => {
        if (!(await completeJob(tx, job, this.now()))) return false;
        await commit?.(tx);
        return true;
      });
      if (!completed) log.warn('job finished after its lease ran out; another worker holds it now');
    } catch (error) {
      await this.recordFailure(job, handler, error, log);
    }
  }

  private async recordFailure(job: OutboxJob, handler: JobHandler | undefined, error: unknown, log: Logger): Promise<void> {
    const failure =
      error instanceof DeliveryFailure ? error : new DeliveryFailure(`unexpected error (${(error as Error)?.name ?? 'unknown'})`, true);
    if (!(error instanceof DeliveryFailure))
      log.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'job failed unexpectedly');
    const { delivery } = this.options;
    const giveUp = !failure.retryable || job.attempts >= delivery.maxAttempts;
    const now = this.now();
    if (giveUp) {
      const reason = failure.retryable ? `${failure.reason} (gave up after ${job.attempts} attempts)` : failure.reason;
      await this.options.sql.transaction(async (tx) => {
        if (await deadLetterJob(tx, job, reason, now)) await handler?.onDeadLetter?.(job, reason, tx);
      });
      log.error({ reason }, 'job moved to dead-letter');
      return;
    }
    const delay = retryDelayMs(job.attempts, delivery, failure.retryAfterMs, this.options.random);
    await this.options.sql.transaction((tx) => rescheduleJob(tx, job, now + delay, failure.reason));
    log.warn({ reason: failure.reason, retryInMs: delay }, 'job attempt failed; will retry');
  }
}
