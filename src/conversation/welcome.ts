import { welcomeCard } from '../cards/welcomeCards';
import { offerChannelLink } from './channel';
import type { ConversationDeps } from './conversationDeps';
import { packSummary } from './packSummary';
import { event, type Route } from './routes';

/**
 * Welcome card when the bot is added to a personal chat, a team or a group chat; in a team, followed by the
 * card that links the channel to a school for early-help updates. The edge raises `botAdded` only when the
 * member added is the bot itself, not for every person joining.
 */
export function welcomeRoute(deps: ConversationDeps): Route {
  return event('botAdded', async (turn) => {
    deps.logger.info({ conversationType: turn.place.kind }, 'bot installed; welcome sent');
    await turn.sendCard(welcomeCard(packSummary(deps.knowledge)));
    if (turn.place.kind === 'channel') await offerChannelLink(turn, deps);
  });
}
