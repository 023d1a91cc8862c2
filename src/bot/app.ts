/**
 * The teams-ai Application and its routes. Each conversation feature registers its own routes from its own
 * file; the order below matters because the first matching route wins and the fallback catches the rest.
 */
import { MemoryStorage } from 'botbuilder';
import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { AnswerService } from '../answers/answerService';
import type { ReferralCardContext } from '../cards/referralCards';
import type { Directory } from '../directory/directory';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../logging/logger';
import type { ReferralDeps } from '../referrals/referralDeps';
import type { Database } from '../storage/database';
import type { UpdateDeps } from '../updates/updateDeps';
import { registerAskRoutes } from './askRoute';
import { registerChannelRoutes } from './channelRoutes';
import { registerConversationMemory } from './conversationMemory';
import { registerDirectoryRoutes } from './directoryRoutes';
import { registerFeedbackRoutes } from './feedbackRoutes';
import { registerHelpRoutes } from './helpRoute';
import { registerInboxRoutes } from './inboxRoutes';
import { registerReferralRoutes } from './referralRoutes';
import { registerSchoolRoute } from './schoolRoute';
import { registerStatusRoutes } from './statusRoutes';
import { registerUpdateRoutes } from './updateRoutes';
import { registerWelcomeRoute } from './welcomeRoute';
import { registerWhoamiRoute } from './whoamiRoute';

export interface BotDependencies {
  adapter: TeamsAdapter;
  botAppId?: string;
  knowledge: KnowledgeBase;
  answers: AnswerService;
  database: Database;
  directory: Directory;
  logger: Logger;
  /** The referral use cases (submit, read, record outcomes) and what they run on. */
  referrals: ReferralDeps;
  /** What cards show from the pack (contacts, disclaimer) and the council’s time zone. */
  cardContext: ReferralCardContext;
  /** The early-help update use cases (channels, posting, reports) and what they run on. */
  updates: UpdateDeps;
}

export function createBotApp(deps: BotDependencies): Application {
  const app = new Application({
    adapter: deps.adapter,
    botAppId: deps.botAppId,
    // Conversation state holds small flags only; referrals live in our own database, never here.
    storage: new MemoryStorage(),
    startTypingTimer: false,
  });
  registerConversationMemory(app, deps);
  registerWelcomeRoute(app, deps);
  registerHelpRoutes(app, deps);
  registerWhoamiRoute(app, deps);
  registerSchoolRoute(app, deps);
  registerDirectoryRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerStatusRoutes(app, deps);
  registerInboxRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerUpdateRoutes(app, deps);
  registerAskRoutes(app, deps); // must stay last: it answers any other message
  return app;
}
