import type { Application } from '@microsoft/teams-ai';
import { welcomeCard } from '../cards/welcomeCards';
import type { BotDependencies } from './app';
import { offerChannelLink } from './channelRoutes';
import { packSummary } from './packSummary';
import { sendCard } from './sendCard';

/**
 * Welcome card when the bot is added to a personal chat, a team or a group chat; in a team, followed by the
 * card that links the channel to a school for early-help updates. The conversationUpdate selector fires for
 * any member joining, so we answer only when the member added is the bot itself.
 */
export function registerWelcomeRoute(app: Application, deps: BotDependencies): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (!botWasAdded) return;
    deps.logger.info({ conversationType: context.activity.conversation.conversationType }, 'bot installed; welcome sent');
    await sendCard(context, welcomeCard(packSummary(deps.knowledge)));
    if (context.activity.conversation.conversationType === 'channel') await offerChannelLink(context, deps);
  });
}
