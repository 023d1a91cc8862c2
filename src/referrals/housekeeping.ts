/**
 * Work that runs on a timer, on every instance (each step is safe to run twice at once):
 *  - chase prompts: when no decision is recorded within one working day, the referrer gets a card with
 *    chase and escalation guidance (once per referral);
 *  - retention: personal fields are deleted a configured number of days after the outcome is recorded;
 *  - replay window: outcome API event ids older than a day are forgotten (their signatures expired long ago).
 */
import type { Logger } from '../logging/logger';
import { appendAudit } from '../storage/auditRows';
import { pruneInboundEvents } from '../storage/inboundEventRows';
import { enqueueJob } from '../storage/outboxRows';
import { listDueForChase, markChasePrompted, purgePersonalData } from '../storage/referralRows';
import { notificationJob } from './notifications';
import type { ReferralDeps } from './referralDeps';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHASE_BATCH = 100;

/** Queues a chase prompt for each referral now overdue; returns how many were queued. */
export async function queueChasePrompts(deps: ReferralDeps, now = deps.now()): Promise<number> {
  let queued = 0;
  for (const referral of await listDueForChase(deps.sql, now, CHASE_BATCH)) {
    const prompted = await deps.sql.transaction(async (tx) => {
      if (!(await markChasePrompted(tx, referral.id, now))) return false; // another instance did it
      await enqueueJob(tx, notificationJob(referral.reference, referral.referrerId, 'chase', now), now);
      return true;
    });
    if (prompted) queued += 1;
  }
  if (queued > 0) deps.jobsQueued();
  return queued;
}

/** Deletes personal fields past the retention period; returns the references affected. */
export async function deleteExpiredPersonalData(deps: ReferralDeps, retentionDays: number, now = deps.now()): Promise<string[]> {
  const purged = await deps.sql.transaction(async (tx) => {
    const rows = await purgePersonalData(tx, now - retentionDays * DAY_MS, now);
    for (const row of rows) {
      await appendAudit(tx, {
        at: now,
        actor: 'system:retention',
        action: 'personal-data.deleted',
        reference: row.reference,
        schoolId: row.schoolId,
        allowed: true,
        detail: `${retentionDays} days after the outcome`,
      });
    }
    return rows;
  });
  return purged.map((row) => row.reference);
}

export class Housekeeping {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly deps: ReferralDeps,
    private readonly settings: { retentionDays: number; intervalMs: number },
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.settings.intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round of every task; a failure is logged and tried again next round. */
  runOnce(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<void> {
    try {
      const chased = await queueChasePrompts(this.deps);
      const purged = await deleteExpiredPersonalData(this.deps, this.settings.retentionDays);
      await pruneInboundEvents(this.deps.sql, this.deps.now() - DAY_MS);
      if (chased > 0 || purged.length > 0)
        this.logger.info({ chasePrompts: chased, personalDataDeleted: purged.length }, 'housekeeping done');
    } catch (error) {
      this.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'housekeeping failed; will try again');
    }
  }
}
