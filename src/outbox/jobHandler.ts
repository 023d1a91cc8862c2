/**
 * What a kind of outbox job does. `run` does the outside work (a webhook POST, a Teams message) and may
 * return a commit step: database changes to commit in the same transaction that marks the job done.
 * It throws DeliveryFailure (or anything) when the attempt failed.
 */
import type { OutboxJob } from '../storage/outboxRows';
import type { SqlExecutor } from '../storage/sqlDriver';

export type CommitStep = (tx: SqlExecutor) => Promise<void>;

export interface JobHandler {
  run(job: OutboxJob): Promise<CommitStep | void>;
  /** Changes to commit when the job is given up on (dead-letter), e.g. marking a referral undelivered. */
  onDeadLetter?(job: OutboxJob, reason: string, tx: SqlExecutor): Promise<void>;
}

/**
 * Why an attempt failed, in words safe to store and show to staff (never the referral's content).
 * `retryable` failures are tried again with backoff; others go straight to dead-letter for staff to see.
 */
export class DeliveryFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    /** The receiver asked us to wait this long (Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'DeliveryFailure';
  }
}

/** The recipient cannot be reached any more (the bot was removed from the chat or channel): never retried. */
export class RecipientGone extends DeliveryFailure {
  constructor(reason: string) {
    super(reason, false);
    this.name = 'RecipientGone';
  }
}
