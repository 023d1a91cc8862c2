import type { Application } from '@microsoft/teams-ai';
import { helpCard } from '../cards/welcomeCards';
import type { BotDependencies } from './app';
import { packSummary } from './packSummary';
import { sendCard } from './sendCard';

/** `help` typed (mentions are stripped before routing) or the welcome card's "Show commands" button. */
export function registerHelpRoutes(app: Application, deps: BotDependencies): void {
  const showHelp = async (context: Parameters<Parameters<Application['message']>[1]>[0]) =>
    sendCard(context, helpCard(packSummary(deps.knowledge)));
  app.message(/^\s*(help|\?|commands)\s*[.!?]*\s*$/i, async (context) => showHelp(context));
  app.adaptiveCards.actionSubmit('help', async (context) => showHelp(context));
}
