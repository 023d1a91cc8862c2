/**
 * Everything referrals need at run time, built from the configuration: the encryption key, the outcome
 * list and working calendar, the integration adapters, the outbox worker (deliveries and notifications)
 * and the housekeeping timer. startBot.ts builds this once; tests build it against their own database.
 */
import type { Config } from '../config';
import type { Directory } from '../directory/directory';
import type { Logger } from '../logging/logger';
import { OutboxWorker } from '../outbox/outboxWorker';
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
  worker: OutboxWorker;
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
  /** Defaults to config/working-days.yaml. */
  calendar?: WorkingCalendar;
  /** How proactive cards reach people (the Teams edge provides it). */
  notifier: PersonNotifier;
  notificationCards: NotificationCards;
  now?: () => number;
}

export function createReferralRuntime(options: ReferralRuntimeOptions): ReferralRuntime {
  const { config, logger } = options;
  const settings = config.referrals;
  const adapters = createAdapters(settings.adapters, { mode: config.mode, delivery: config.delivery });
  let worker: OutboxWorker | undefined;
  const deps: ReferralDeps = {
    sql: options.sql,
    // Production always has a configured key (config.ts refuses to start without one); local mode keeps one in DATA_DIR.
    cipher: new FieldCipher(settings.encryptionKey ?? Buffer.from(configuredOrLocalSecret(undefined, config, 'referral-encryption.key', KEY_BYTES)!, 'base64'), settings.previousEncryptionKeys),
    directory: options.directory,
    outcomes: OutcomeCatalogue.load(),
    calendar: options.calendar ?? WorkingCalendar.load(),
    adapterFor: Object.fromEntries(REFERRAL_KINDS.map((kind) => [kind, adapters[kind].name])) as Record<ReferralKind, string>,
    logger,
    now: options.now ?? Date.now,
    jobsQueued: () => worker?.wake(),
  };
  worker = new OutboxWorker({
    sql: options.sql,
    handlers: { [DELIVER_TOPIC]: deliveryHandler(deps, adapters), [NOTIFY_TOPIC]: notificationHandler(deps, options.notifier, options.notificationCards) },
    delivery: config.delivery,
    logger: logger.child({ part: 'outbox' }),
    now: deps.now,
  });
  const housekeeping = new Housekeeping(deps, { retentionDays: settings.retentionDays, intervalMs: settings.housekeepingIntervalMs }, logger.child({ part: 'housekeeping' }));
  if (deps.calendar.isMissingYearOf(deps.now())) logger.warn('config/working-days.yaml has no bank holidays for this year; add them so decision due dates skip them');
  return {
    deps,
    worker,
    housekeeping,
    outcomeApiSecret: configuredOrLocalSecret(settings.outcomeApiSecret, config, 'outcome-api.secret'),
    start() {
      worker!.start();
      housekeeping.start();
      void warnAboutUnknownKeys(deps, logger);
    },
    async stop() {
      await Promise.all([worker!.stop(), housekeeping.stop()]);
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
      logger.error({ unknownKeyIds: unknown }, 'referrals in the database were sealed with encryption keys this instance does not have: give every instance the same REFERRAL_ENCRYPTION_KEY (and any REFERRAL_ENCRYPTION_PREVIOUS_KEYS)');
    }
  } catch {
    // The database may be down at start-up; readiness reports that.
  }
}
