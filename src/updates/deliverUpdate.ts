/**
 * The outbox job that posts an update into one school channel, once. It is not posted after its expiry
 * date, nor to a channel the bot has left or that was unlinked meanwhile. A channel that has gone (Teams
 * answers 403 or 404) is marked removed, so later updates skip it. When the last channel is done, the author
 * gets the final delivery report in Teams.
 */
import type { CommitStep, JobHandler } from '../outbox/jobHandler';
import { RecipientGone } from '../outbox/jobHandler';
import type { ChannelPoster } from '../outbox/recipients';
import { findChannel, markChannelRemoved, type StoredChannel } from '../storage/channelRows';
import { enqueueJob, type NewJob, type OutboxJob } from '../storage/outboxRows';
import type { SqlExecutor } from '../storage/sqlDriver';
import { claimFinalReport, findUpdate, finishDelivery, lockUpdate, type DeliveryOutcome, type StoredUpdate } from '../storage/updateRows';
import type { UpdateDeps } from './updateDeps';

export const DELIVER_UPDATE_TOPIC = 'deliver-update';
export const UPDATE_REPORT_TOPIC = 'update-report';

interface DeliveryPayload {
  updateId: number;
  conversationId: string;
}

export interface ReportPayload {
  updateId: number;
  recipient: string;
}

export function deliverUpdateJob(update: StoredUpdate, channel: StoredChannel, now: number): NewJob {
  const payload: DeliveryPayload = { updateId: update.id, conversationId: channel.conversationId };
  return { topic: DELIVER_UPDATE_TOPIC, dedupeKey: `update:${update.id}:${channel.conversationId}`, payload, runAt: now };
}

/** Once nothing is pending, queues the author's final report, once (updates from the API have no Teams author). */
export async function queueFinalReportIfDone(tx: SqlExecutor, update: StoredUpdate, now: number): Promise<void> {
  if (!(await claimFinalReport(tx, update.id, now)) || update.authorId.startsWith('system:')) return;
  const payload: ReportPayload = { updateId: update.id, recipient: update.authorId };
  await enqueueJob(tx, { topic: UPDATE_REPORT_TOPIC, dedupeKey: `update-report:${update.id}`, payload, runAt: now }, now);
}

export function deliverUpdateHandler(deps: UpdateDeps, post: ChannelPoster, render: (update: StoredUpdate) => object): JobHandler {
  const finish =
    (update: StoredUpdate, conversationId: string, outcome: DeliveryOutcome, reason: string | null): CommitStep =>
    async (tx) => {
      await lockUpdate(tx, update.id);
      await finishDelivery(tx, update.id, conversationId, outcome, reason, deps.now());
      await queueFinalReportIfDone(tx, update, deps.now());
    };

  return {
    async run(job: OutboxJob) {
      const { updateId, conversationId } = JSON.parse(job.payload) as DeliveryPayload;
      const update = await findUpdate(deps.sql, updateId);
      if (!update) return;
      const channel = await findChannel(deps.sql, conversationId);
      const skip = reasonToSkip(deps, update, channel);
      if (skip) return finish(update, conversationId, 'skipped', skip);
      try {
        await post(JSON.parse(channel!.reference) as object, render(update));
      } catch (error) {
        if (!(error instanceof RecipientGone)) throw error; // retried with backoff by the worker
        return async (tx) => {
          await markChannelRemoved(tx, conversationId, deps.now());
          await finish(update, conversationId, 'failed', error.reason)(tx);
        };
      }
      return finish(update, conversationId, 'sent', null);
    },

    async onDeadLetter(job, reason, tx) {
      const { updateId, conversationId } = JSON.parse(job.payload) as DeliveryPayload;
      const update = await findUpdate(tx, updateId);
      if (update) await finish(update, conversationId, 'failed', reason)(tx);
    },
  };
}

function reasonToSkip(deps: UpdateDeps, update: StoredUpdate, channel: StoredChannel | undefined): string | undefined {
  if (deps.calendar.dateOf(deps.now()) > update.expiresOn) return 'it had expired before it could be posted';
  if (!channel || channel.removedAt !== null) return 'the bot is no longer in this channel';
  if (!channel.schoolId) return 'the channel was unlinked from its school';
  return undefined;
}
