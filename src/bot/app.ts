/**
 * The teams-ai Application and its routes. Each conversation feature registers its own routes from its own
 * file; the order below matters because the first matching route wins and the fallback catches the rest.
 */
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
import { registerCardRefreshRoutes } from './cardRefreshRoutes';
import { registerChannelRoutes } from './channelRoutes';
import { registerConversationMemory } from './conversationMemory';
import { registerDirectoryRoutes } from './directoryRoutes';
import { registerFeedbackRoutes } from './feedbackRoutes';
import { registerHelpRoutes } from './helpRoute';
import { registerInboxRoutes } from './inboxRoutes';
import { registerMessageExtension } from './messageExtension';
import { registerReferralRoutes } from './referralRoutes';
import { registerSchoolRoute } from './schoolRoute';
import { registerStatusRoutes } from './statusRoutes';
import { registerThresholdRoutes } from './thresholdRoutes';
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
    // No storage: no route reads or writes teams-ai turn state (everything lasting is in our database, and
    // every card carries what its next step needs), so each turn is complete on whichever instance gets it.
    // teams-ai then keeps turn state for the one turn only; nothing lives in one instance's memory.
    startTypingTimer: false,
    // The turn handler removes every mention of the bot, whatever its shape (inboundText.ts); botbuilder's
    // own removal handles only the first mention entity and throws on text that is not a string.
    removeRecipientMention: false,
  });
  registerConversationMemory(app, deps);
  registerCardRefreshRoutes(app, deps);
  registerMessageExtension(app, deps);
  registerWelcomeRoute(app, deps);
  registerHelpRoutes(app, deps);
  registerWhoamiRoute(app, deps);
  registerSchoolRoute(app, deps);
  registerDirectoryRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerStatusRoutes(app, deps);
  registerThresholdRoutes(app, deps);
  registerInboxRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerUpdateRoutes(app, deps);
  registerAskRoutes(app, deps); // must stay last: it answers any other message
  return app;
}
