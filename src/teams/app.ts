/**
 * The teams-ai Application: the conversation routes (src/conversation/conversationRoutes.ts) turned into
 * teams-ai routes, in the table's order (the first matching route wins; the question route is last). Card
 * data is parsed here with its verb's schema (conversation/cardActions.ts) before a handler sees it.
 */
import { ActivityTypes, type ChannelAccount, type MessagingExtensionResult, type TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { parseCardData } from '../conversation/cardActions';
import type { ConversationDeps } from '../conversation/conversationDeps';
import { conversationRoutes } from '../conversation/conversationRoutes';
import type { CardActionRoute, CardRefreshRoute, EventRoute, MessageRoute, Route, SearchRoute } from '../conversation/routes';
import type { Turn } from '../conversation/turn';
import { registerConversationMemory } from './conversationMemory';
import { registerCardRefresh } from './invokes';
import { turnOf } from './turnContext';

export interface BotAppOptions {
  adapter: TeamsAdapter;
  botAppId?: string;
}

export function createBotApp(options: BotAppOptions, deps: ConversationDeps): Application {
  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    // No storage: no route reads or writes teams-ai turn state (everything lasting is in our database, and
    // every card carries what its next step needs), so each turn is complete on whichever instance gets it.
    // teams-ai then keeps turn state for the one turn only; nothing lives in one instance's memory.
    startTypingTimer: false,
    // The turn pipeline removes every mention of the bot, whatever its shape (conversation/inboundText.ts);
    // botbuilder's own removal handles only the first mention entity and throws on text that is not a string.
    removeRecipientMention: false,
  });
  registerConversationMemory(app, deps);
  const turn = (context: TurnContext) => turnOf(context, deps.logger);
  for (const route of conversationRoutes(deps)) registerRoute(app, route, turn);
  return app;
}

function registerRoute(app: Application, route: Route, turn: (context: TurnContext) => Turn): void {
  switch (route.on) {
    case 'message':
      return registerMessage(app, route, turn);
    case 'cardAction':
      return registerCardAction(app, route, turn);
    case 'cardRefresh':
      return registerRefresh(app, route, turn);
    case 'composeSearch':
      return registerSearch(app, route, turn);
    default:
      return registerEvent(app, route, turn);
  }
}

function registerMessage(app: Application, route: MessageRoute, turn: (context: TurnContext) => Turn): void {
  const test = route.text;
  if (test instanceof RegExp) {
    app.message(test, async (context) => route.handle(turn(context)));
  } else {
    app.message(
      async (context) => context.activity.type === ActivityTypes.Message && test(turn(context)),
      async (context) => route.handle(turn(context)),
    );
  }
}

/** Each verb's data is parsed with its own schema before the handler sees it. */
function registerCardAction(app: Application, route: CardActionRoute, turn: (context: TurnContext) => Turn): void {
  app.adaptiveCards.actionSubmit(route.verb, async (context, _state, data) => route.handle(turn(context), parseCardData(route.verb, data)));
}

function registerRefresh(app: Application, route: CardRefreshRoute, turn: (context: TurnContext) => Turn): void {
  registerCardRefresh(app, route.verb, async (context, data) => route.render(turn(context), parseCardData(route.verb, data)));
}

function registerSearch(app: Application, route: SearchRoute, turn: (context: TurnContext) => Turn): void {
  // Our result has the shape Teams expects; botbuilder's type is wider than what we send.
  app.messageExtensions.query(
    route.command,
    async (context, _state, query) => (await route.query(turn(context), query.parameters ?? {})) as MessagingExtensionResult,
  );
  app.messageExtensions.selectItem(async (context, _state, item) => (await route.select(turn(context), item)) as MessagingExtensionResult);
}

/** Teams' conversation updates, as the events the conversation routes name. */
function registerEvent(app: Application, route: EventRoute, turn: (context: TurnContext) => Turn): void {
  const run = async (context: TurnContext) => route.handle(turn(context));
  switch (route.on) {
    case 'botAdded':
      // The membersAdded update fires for anyone joining; only the bot's own arrival is an event here.
      app.conversationUpdate('membersAdded', async (context) =>
        includesBot(context, context.activity.membersAdded) ? run(context) : undefined,
      );
      return;
    case 'botRemovedFromTeam':
      app.conversationUpdate('membersRemoved', async (context) =>
        includesBot(context, context.activity.membersRemoved) ? run(context) : undefined,
      );
      app.activity(ActivityTypes.InstallationUpdate, async (context) =>
        String(context.activity.action ?? '').startsWith('remove') ? run(context) : undefined,
      );
      return;
    case 'channelDeleted':
    case 'teamDeleted':
      app.conversationUpdate(route.on, run);
      return;
  }
}

function includesBot(context: TurnContext, members: ChannelAccount[] | undefined): boolean {
  return (members ?? []).some((member) => member.id === context.activity.recipient.id);
}
