/**
 * Builds the running bot from a configuration: stores, knowledge index, adapter, app, server.
 * Kept apart from index.ts so tests can start a real bot on a free port and stop it again.
 */
import type { Server } from 'restify';
import { AnswerService } from './answers/answerService';
import { createAdapter } from './bot/adapter';
import { createBotApp } from './bot/app';
import { createTurnHandler } from './bot/turnHandler';
import type { Config } from './config';
import { openDirectory } from './directory/openDirectory';
import type { Directory } from './directory/directory';
import { KnowledgeBase } from './knowledge/knowledgeBase';
import { createLogger, type Logger } from './logging/logger';
import { createServer } from './server';
import type { Database } from './storage/database';
import { openDatabase } from './storage/openDatabase';

export interface RunningBot {
  config: Config;
  server: Server;
  url: string;
  database: Database;
  directory: Directory;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningBot> {
  const database = openDatabase(config);
  const knowledge = KnowledgeBase.loadFromFile(config.knowledgeIndexPath);
  const directory = await openDirectory(config.directoryPath, database, logger);
  const adapter = createAdapter(config, logger);
  const answers = new AnswerService(knowledge);
  const app = createBotApp({ adapter, botAppId: config.credentials?.appId, knowledge, answers, database, directory, logger });
  const server = createServer({
    adapter,
    handleTurn: createTurnHandler({ app, allowedTenantIds: config.allowedTenantIds, logger }),
    database,
    isKnowledgeLoaded: () => knowledge.pack.answers.length > 0,
    logger,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const url = `http://${config.host}:${address.port}`;
  logger.info({ mode: config.mode, url, engine: database.engine, answers: knowledge.pack.answers.length }, 'bot listening');
  return {
    config,
    server,
    url,
    database,
    directory,
    logger,
    async stop() {
      directory.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
