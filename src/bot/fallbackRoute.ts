import { ActivityTypes } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { helpCard } from '../cards/welcomeCards';
import type { BotDependencies } from './app';
import { packSummary } from './packSummary';
import { sendCard } from './sendCard';

/** Anything no other route took: show the help card, which always carries 999 and the front door. */
export function registerFallbackRoute(app: Application, deps: BotDependencies): void {
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity("I didn't recognise that. Here is what I can do:");
    await sendCard(context, helpCard(packSummary(deps.knowledge)));
  });
}
