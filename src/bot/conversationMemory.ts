/**
 * Remembers where each known person can be reached later: the reference to their personal chat with the
 * bot, which Teams sends with every activity there (including when the app is installed for them).
 * Proactive cards (an outcome, a chase prompt) go to that chat. Written only when it changes.
 */
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { saveConversationReference } from '../storage/conversationRows';
import type { BotDependencies } from './app';
import { currentUser } from './currentUser';
import { turnLogger } from './turnHandler';

export function personConversationKey(aadObjectId: string): string {
  return `person:${aadObjectId.toLowerCase()}`;
}

export function registerConversationMemory(app: Application, deps: BotDependencies): void {
  const lastSaved = new Map<string, string>();
  app.turn('beforeTurn', async (context) => {
    const person = currentUser(context, deps.directory);
    if (context.activity.conversation?.conversationType !== 'personal' || !person) return true;
    // The activity id changes with every message; without it the reference is stable.
    const { activityId: _ignored, ...reference } = TurnContext.getConversationReference(context.activity) as ConversationReference & { activityId?: string };
    const key = personConversationKey(person.aadObjectId);
    const json = JSON.stringify(reference);
    if (lastSaved.get(key) === json) return true;
    try {
      await saveConversationReference(deps.database.sql, key, reference, Date.now());
      lastSaved.set(key, json);
    } catch (error) {
      // Not being able to remember the chat must not stop the person's question being answered.
      turnLogger(context, deps.logger).warn({ err: { name: (error as Error).name } }, 'could not save the conversation reference');
    }
    return true;
  });
}
