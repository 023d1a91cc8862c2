import { helpCard } from '../cards/welcomeCards';
import type { ConversationDeps } from './conversationDeps';
import { packSummary } from './packSummary';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

/** `help` typed (mentions are stripped before routing) or the welcome card's "Show commands" button. */
export function helpRoutes(deps: ConversationDeps): Route[] {
  const showHelp = (turn: Turn) => turn.sendCard(helpCard(packSummary(deps.knowledge)));
  return [message(/^\s*(help|\?|commands)\s*[.!?]*\s*$/i, showHelp), cardAction('help', showHelp)];
}
