/**
 * Everything referrals need at run time, built from the configuration: the encryption key, the outcome
 * list and working calendar, the integration adapters, the outbox workers (deliveries and notifications)
 * and the housekeeping timer. Deliveries to the council's systems run on every instance; notifications are
 * Teams messages, so with a `proactiveLease` they run only on the instance that holds it (the one that sends
 * every unasked message, so Teams' rate limits hold for the tenant: see docs/ARCHITECTURE.md). startBot.ts builds this once; tests build it against their own database.
 */
import type { Config } from '../config';
import type { Directory } from '../directory/directory';
import type { Logger } from '../logging/logger';
import { OutboxWorker, type OutboxWorkerOptions } from '../outbox/outboxWorker';
import type { WorkerLease } from '../outbox/workerLease';
import { FieldCipher, KEY_BYTES } from '../security/fieldCipher';
import { configuredOrLocalSecret } from '../security/localSecrets';
import { sealingKeyIds } from '../storage/referralRows';
import type { SqlDriver } from '../storage/sqlDriver';
import { createAdapters } from './adapters';
import { DELIVER_TOPIC, deliveryHandler } from './deliverReferral';
import { Housekeeping } from './housekeeping';
import type { PersonNotifier } from '../outbox/recipients';
import { NOTIFY_TOPIC, notificationHandler, type NotificationCards } from './notifications';
import { OutcomeCatalogue } from './outcomes';
import type { ReferralDeps } from './referralDeps';
import { REFERRAL_KINDS, type ReferralKind } from './referralKinds';
import { WorkingCalendar } from '../calendar/workingCalendar';

export interface ReferralRuntime {
  deps: ReferralDeps;
  /** Deliveries, and notifications too unless they have their own leased worker. */
  worker: OutboxWorker;
  /** Notifications, when a proactive lease was given. */
  notificationWorker?: OutboxWorker;
  housekeeping: Housekeeping;
  /** The shared secret the outcome API checks signatures with. */
  outcomeApiSecret: string | undefined;
  start(): void;
  stop(): Promise<void>;
}

export interface ReferralRuntimeOptions {
  config: Config;
  sql: SqlDriver;
  directory: Directory;
  logger: Logger;
  /** Defaults to the calendar in config.workingDaysPath. */
  calendar?: WorkingCalendar;
  /** How proactive cards reach people (the Teams edge provides it). */
  notifier: PersonNotifier;
  notificationCards: NotificationCards;
  /** Held by the one instance that sends unasked Teams messages; without it this instance sends its own. */
  proactiveLease?: WorkerLease;
  now?: () => number;
}

/** Notifications in flight at once on the instance that sends them. */
const NOTIFICATION_BATCH = 50;

export function createReferralRuntime(options: ReferralRuntimeOptions): ReferralRuntime {
  const { config, logger } = options;
  const settings = config.referrals;
  const adapters = createAdapters(settings.adapters, { mode: config.mode, delivery: config.delivery });
  let workers: OutboxWorker[] = [];
  const deps: ReferralDeps = {
    sql: options.sql,
    // Production always has a configured key (config.ts refuses to start without one); local mode keeps one in DATA_DIR.
    cipher: new FieldCipher(
      settings.encryptionKey ?? Buffer.from(configuredOrLocalSecret(undefined, config, 'referral-encryption.key', KEY_BYTES)!, 'base64'),
      settings.previousEncryptionKeys,
    ),
    directory: options.directory,
    outcomes: OutcomeCatalogue.load(config.outcomesPath),
    calendar: options.calendar ?? WorkingCalendar.load(config.workingDaysPath),
    adapterFor: Object.fromEntries(REFERRAL_KINDS.map((kind) => [kind, adapters[kind].name])) as Record<ReferralKind, string>,
    logger,
    now: options.now ?? Date.now,
    jobsQueued: () => workers.forEach((w) => w.wake()),
  };
  const deliver = { [DELIVER_TOPIC]: deliveryHandler(deps, adapters) };
  const notify = { [NOTIFY_TOPIC]: notificationHandler(deps, options.notifier, options.notificationCards) };
  const outboxWorker = (handlers: OutboxWorkerOptions['handlers'], lease?: WorkerLease) =>
    new OutboxWorker({
      sql: options.sql,
      handlers,
      delivery: config.delivery,
      logger: logger.child({ part: 'outbox' }),
      now: deps.now,
      // The one sender of every instance's notifications keeps many in flight, so Teams' limits set the pace.
      batchSize: lease ? NOTIFICATION_BATCH : undefined,
      mayWork: lease && (() => lease.hold()),
    });
  const lease = options.proactiveLease;
  workers = lease ? [outboxWorker(deliver), outboxWorker(notify, lease)] : [outboxWorker({ ...deliver, ...notify })];
  const [worker, notificationWorker] = workers;
  const housekeeping = new Housekeeping(
    deps,
    { retentionDays: settings.retentionDays, intervalMs: settings.housekeepingIntervalMs },
    logger.child({ part: 'housekeeping' }),
  );
  if (deps.calendar.isMissingYearOf(deps.now()))
    logger.warn('config/working-days.yaml has no bank holidays for this year; add them so decision due dates skip them');
  return {
    deps,
    worker,
    notificationWorker,
    housekeeping,
    outcomeApiSecret: configuredOrLocalSecret(settings.outcomeApiSecret, config, 'outcome-api.secret'),
    start() {
      workers.forEach((w) => w.start());
      housekeeping.start();
      void warnAboutUnknownKeys(deps, logger);
    },
    async stop() {
      await Promise.all([...workers.map((w) => w.stop()), housekeeping.stop()]);
    },
  };
}

/**
 * Every instance must hold the same encryption key. One that does not cannot open, deliver or show the
 * referrals the others stored, so say so loudly at start-up rather than fail one referral at a time.
 */
async function warnAboutUnknownKeys(deps: ReferralDeps, logger: Logger): Promise<void> {
  try {
    const unknown = (await sealingKeyIds(deps.sql)).filter((id) => !deps.cipher.keyIds().includes(id));
    if (unknown.length > 0) {
      logger.error(
        { unknownKeyIds: unknown },
        'referrals in the database were sealed with encryption keys this instance does not have: give every instance the same REFERRAL_ENCRYPTION_KEY (and any REFERRAL_ENCRYPTION_PREVIOUS_KEYS)',
      );
    }
  } catch {
    // The database may be down at start-up; readiness reports that.
  }
}
