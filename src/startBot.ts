/**
 * Builds the running bot from a configuration: stores, knowledge index, adapter, referrals, app, server.
 * Kept apart from index.ts so tests can start a real bot on a free port and stop it again.
 */
import { AnswerService } from './answers/answerService';
import type { ReferralCardContext } from './cards/referralCards';
import { notificationCards } from './cards/referralNoticeCards';
import { updatePostCard, updateReportCard } from './cards/updateCards';
import type { Config } from './config';
import { directoryLoaded, openDirectory } from './directory/openDirectory';
import type { Directory } from './directory/directory';
import { KnowledgeBase } from './knowledge/knowledgeBase';
import { createLogger, type Logger } from './logging/logger';
import { SlidingWindowLimiter } from './outbox/slidingWindowLimiter';
import { createReferralRuntime, type ReferralRuntime } from './referrals/referralRuntime';
import { WorkingCalendar } from './calendar/workingCalendar';
import type { Database } from './storage/database';
import { openDatabase } from './storage/openDatabase';
import { SharedUserRateLimiter, type UserRateLimiter } from './storage/userRateRows';
import { createUpdateRuntime, proactiveSenderLease, type UpdateRuntime } from './updates/updateRuntime';
import { handleOutcomeEvent } from './http/outcomeApi';
import { createServer, type HttpServer } from './http/server';
import { handleUpdateRequest } from './http/updatesApi';
import { RateLimiter } from './security/rateLimiter';
import { activityProcessor, createAdapter } from './teams/adapter';
import { createBotApp } from './teams/app';
import { TeamsProactiveSender } from './teams/proactiveSender';
import { teamsNotifier } from './teams/teamsNotifier';
import { createTurnPipeline } from './teams/turnPipeline';

export interface RunningBot {
  config: Config;
  server: HttpServer;
  url: string;
  database: Database;
  directory: Directory;
  referrals: ReferralRuntime;
  updates: UpdateRuntime;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningBot> {
  const database = openDatabase(config);
  const knowledge = KnowledgeBase.loadFromFile(config.knowledgeIndexPath);
  const directory = await openDirectory(config, database, logger);
  const adapter = createAdapter(config, logger);
  const botAppId = config.credentials?.appId;
  const calendar = WorkingCalendar.load(config.workingDaysPath);
  const cardContext = referralCardContext(knowledge, calendar.timeZone);
  // One sender for every unasked message, so Teams' per-conversation and per-tenant limits hold across them.
  const proactive = new TeamsProactiveSender(adapter, botAppId, new SlidingWindowLimiter(), config.proactiveLimits);
  const notifier = teamsNotifier(proactive, database.sql);
  // ...and one instance at a time sends them (the holder of this lease), so those limits hold for the tenant
  // however many instances run: the limiter above then sees every unasked message the tenant gets.
  const proactiveLease = proactiveSenderLease(database.sql, config);
  const referrals = createReferralRuntime({
    config,
    sql: database.sql,
    directory,
    calendar,
    logger,
    notifier,
    notificationCards: notificationCards(cardContext),
    proactiveLease,
  });
  const updates = createUpdateRuntime({
    config,
    sql: database.sql,
    directory,
    calendar,
    logger,
    post: (reference, card) => proactive.sendCard(reference, card),
    notifier,
    cards: { post: (update) => updatePostCard(update, calendar.timeZone), report: updateReportCard },
    proactiveLease,
  });
  const answers = new AnswerService(knowledge);
  const app = createBotApp(
    { adapter, botAppId },
    { knowledge, answers, database, directory, logger, referrals: referrals.deps, cardContext, updates: updates.deps },
  );
  const handleTurn = createTurnPipeline({
    app,
    allowedTenantIds: config.allowedTenantIds,
    logger,
    rateLimiter: userRateLimiter(config, database),
  });
  const server = createServer({
    processActivity: activityProcessor(adapter, handleTurn),
    recordOutcomeEvent: (request) => handleOutcomeEvent(referrals.deps, referrals.outcomeApiSecret, request),
    postUpdate: (request) => handleUpdateRequest(updates.deps, updates.apiSecret, request),
    database,
    isKnowledgeLoaded: () => knowledge.pack.answers.length > 0,
    isDirectoryLoaded: () => directoryLoaded(directory),
    logger,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  referrals.start();
  updates.start();
  const address = server.address();
  const url = `http://${config.host}:${address.port}`;
  logger.info(
    { mode: config.mode, url, engine: database.engine, answers: knowledge.pack.answers.length, adapters: referrals.deps.adapterFor },
    'bot listening',
  );
  return {
    config,
    server,
    url,
    database,
    directory,
    referrals,
    updates,
    logger,
    async stop() {
      directory.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([referrals.stop(), updates.stop()]);
      await proactiveLease.release().catch(() => undefined); // another instance takes over at once
      await database.close();
    },
  };
}

/** Instances on one PostgreSQL share each user's bucket; a single SQLite instance keeps it in memory. */
function userRateLimiter(config: Config, database: Database): UserRateLimiter {
  const inMemory = new RateLimiter(config.rateLimit);
  return database.engine === 'postgres' ? new SharedUserRateLimiter(database.sql, config.rateLimit, inMemory) : inMemory;
}

function referralCardContext(knowledge: KnowledgeBase, timeZone: string): ReferralCardContext {
  const { info } = knowledge.pack;
  return {
    timeZone,
    frontDoor: knowledge.contact(info.frontDoorContact)!,
    emergencyContacts: knowledge.emergencyContacts(),
    disclaimer: info.disclaimer,
  };
}
