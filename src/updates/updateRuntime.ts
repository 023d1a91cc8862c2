/**
 * The update sender, built from the configuration: an outbox worker for channel posts and authors' reports,
 * run by one instance at a time (a lease in the database), so the per-tenant rate limit holds however many
 * instances there are. startBot.ts gives it the same lease as referral notifications: one instance sends
 * every unasked message (see docs/ARCHITECTURE.md). The rate limits themselves are applied where messages
 * leave for Teams (teams/proactiveSender.ts).
 */
import type { Config } from '../config';
import type { Directory } from '../directory/directory';
import type { Logger } from '../logging/logger';
import { OutboxWorker } from '../outbox/outboxWorker';
import { WorkerLease } from '../outbox/workerLease';
import type { ChannelPoster, PersonNotifier } from '../outbox/recipients';
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { configuredOrLocalSecret } from '../security/localSecrets';
import type { SqlDriver } from '../storage/sqlDriver';
import type { StoredUpdate } from '../storage/updateRows';
import { DELIVER_UPDATE_TOPIC, deliverUpdateHandler, UPDATE_REPORT_TOPIC } from './deliverUpdate';
import type { UpdateDeps } from './updateDeps';
import { updateReportHandler, type UpdateReport } from './updateReport';

export interface UpdateRuntime {
  deps: UpdateDeps;
  worker: OutboxWorker;
  apiSecret: string | undefined;
  start(): void;
  stop(): Promise<void>;
}

export interface UpdateRuntimeOptions {
  config: Config;
  sql: SqlDriver;
  directory: Directory;
  calendar: WorkingCalendar;
  logger: Logger;
  post: ChannelPoster;
  notifier: PersonNotifier;
  cards: { post: (update: StoredUpdate) => object; report: (report: UpdateReport) => object };
  /** The lease for sending unasked Teams messages, shared with referral notifications; made here if absent. */
  proactiveLease?: WorkerLease;
  now?: () => number;
}

/** Several jobs in flight at once, so the rate limits, not the round trips, set the pace. */
const SENDER_BATCH = 50;

export function createUpdateRuntime(options: UpdateRuntimeOptions): UpdateRuntime {
  const { config } = options;
  const deps: UpdateDeps = {
    sql: options.sql,
    directory: options.directory,
    calendar: options.calendar,
    logger: options.logger,
    now: options.now ?? Date.now,
    // Called only after a use case commits jobs, by which time the worker below exists.
    jobsQueued: () => worker.wake(),
  };
  const lease = options.proactiveLease ?? proactiveSenderLease(options.sql, config, deps.now);
  const worker = new OutboxWorker({
    sql: options.sql,
    handlers: {
      [DELIVER_UPDATE_TOPIC]: deliverUpdateHandler(deps, options.post, options.cards.post),
      [UPDATE_REPORT_TOPIC]: updateReportHandler(deps, options.notifier, options.cards.report),
    },
    delivery: config.delivery,
    logger: options.logger.child({ part: 'update-sender' }),
    now: deps.now,
    batchSize: SENDER_BATCH,
    mayWork: () => lease.hold(),
  });
  return {
    deps,
    worker,
    apiSecret: configuredOrLocalSecret(config.updatesApiSecret, config, 'updates-api.secret'),
    start: () => worker.start(),
    async stop() {
      await worker.stop();
      // A shared lease is released by its owner, once every worker using it has stopped.
      if (!options.proactiveLease) await lease.release().catch(() => undefined);
    },
  };
}

/**
 * The lease of the one instance that sends unasked Teams messages. It outlives a few polls, so a busy
 * holder keeps it; a crashed holder's lease runs out and another instance takes over.
 */
export function proactiveSenderLease(sql: SqlDriver, config: Pick<Config, 'delivery'>, now: () => number = Date.now): WorkerLease {
  return new WorkerLease(sql, 'proactive-sender', Math.max(15_000, config.delivery.pollMs * 5), now);
}
