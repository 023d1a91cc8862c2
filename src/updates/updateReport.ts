/**
 * What became of an update: how many channels it was for, sent, pending, failed (with why) and skipped.
 * Shown to its author when they ask (the report card's Refresh) and sent to them once all are done.
 * `updateReport` itself checks no one: the bot's own final report uses it; people go through readUpdateReport.
 */
import type { Person } from '../directory/schema';
import { canReadUpdateReport } from '../policies/updates';
import { findChannel } from '../storage/channelRows';
import { deliveryCounts, findUpdate, unsentDeliveries, type DeliveryCounts, type StoredUpdate } from '../storage/updateRows';
import type { JobHandler } from '../outbox/jobHandler';
import type { PersonNotifier } from '../outbox/recipients';
import type { ReportPayload } from './deliverUpdate';
import type { UpdateDeps } from './updateDeps';

/** Reports list at most this many problems, so the card stays small. */
const PROBLEMS_SHOWN = 20;

export interface UpdateReport {
  update: StoredUpdate;
  counts: DeliveryCounts;
  total: number;
  problems: Array<{ school: string; channel: string; outcome: 'failed' | 'skipped'; reason: string }>;
}

export async function updateReport(deps: UpdateDeps, updateId: number): Promise<UpdateReport | undefined> {
  const update = await findUpdate(deps.sql, updateId);
  if (!update) return undefined;
  const counts = await deliveryCounts(deps.sql, updateId);
  const problems = await Promise.all(
    (await unsentDeliveries(deps.sql, updateId, PROBLEMS_SHOWN)).map(async (delivery) => {
      const channel = await findChannel(deps.sql, delivery.conversationId);
      return {
        school: deps.directory.school(delivery.schoolId)?.name ?? delivery.schoolId,
        channel: channelName(channel),
        outcome: delivery.state as 'failed' | 'skipped',
        reason: delivery.reason ?? 'unknown',
      };
    }),
  );
  return { update, counts, total: counts.pending + counts.sent + counts.failed + counts.skipped, problems };
}

/**
 * An update's report for a person who asks (the report card's Refresh): undefined both when there is no such
 * update and when they may not read it (policies/updates.ts), so neither answer tells which updates exist.
 */
export async function readUpdateReport(deps: UpdateDeps, user: Person | undefined, updateId: number): Promise<UpdateReport | undefined> {
  const report = await updateReport(deps, updateId);
  return report && canReadUpdateReport(user, report.update) ? report : undefined;
}

/** Sends the final report to the author's personal chat. */
export function updateReportHandler(deps: UpdateDeps, notifier: PersonNotifier, render: (report: UpdateReport) => object): JobHandler {
  return {
    async run(job) {
      const { updateId, recipient } = JSON.parse(job.payload) as ReportPayload;
      const report = await updateReport(deps, updateId);
      if (!report) return;
      if ((await notifier.sendCard(recipient, render(report))) === 'unreachable')
        deps.logger.info({ update: updateId }, 'update report not sent: no chat with its author');
    },
  };
}

function channelName(
  channel: { channelName: string | null; teamName: string | null; teamId: string | null; conversationId: string } | undefined,
): string {
  if (!channel) return 'a channel';
  const name = channel.channelName ?? (channel.conversationId === channel.teamId ? 'General' : 'a channel');
  return channel.teamName ? `${channel.teamName} › ${name}` : name;
}
