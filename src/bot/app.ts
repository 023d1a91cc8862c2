/**
 * The teams-ai Application and its routes. Each conversation feature registers its own routes from its own
 * file; the order below matters because the first matching route wins and the fallback catches the rest.
 */
import { MemoryStorage } from 'botbuilder';
import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../logging/logger';
import { registerFallbackRoute } from './fallbackRoute';
import { registerHelpRoutes } from './helpRoute';
import { registerWelcomeRoute } from './welcomeRoute';

export interface BotDependencies {
  adapter: TeamsAdapter;
  botAppId?: string;
  knowledge: KnowledgeBase;
  logger: Logger;
}

export function createBotApp(deps: BotDependencies): Application {
  const app = new Application({
    adapter: deps.adapter,
    botAppId: deps.botAppId,
    // Conversation state holds small flags only; referrals live in our own database, never here.
    storage: new MemoryStorage(),
    startTypingTimer: false,
  });
  registerWelcomeRoute(app, deps);
  registerHelpRoutes(app, deps);
  registerFallbackRoute(app, deps); // must stay last
  return app;
}
