/**
 * Sends a card to one person's personal chat with the bot, unasked (a proactive message), using the
 * conversation reference remembered from their last activity there.
 */
import { RecipientGone } from '../outbox/jobHandler';
import type { PersonNotifier } from '../outbox/recipients';
import { findConversationReference } from '../storage/conversationRows';
import type { SqlExecutor } from '../storage/sqlDriver';
import { personConversationKey } from './conversationMemory';
import type { ProactiveReference, TeamsProactiveSender } from './proactiveSender';

export function teamsNotifier(sender: TeamsProactiveSender, sql: SqlExecutor): PersonNotifier {
  return {
    async sendCard(aadObjectId, card) {
      const reference = await findConversationReference<ProactiveReference>(sql, personConversationKey(aadObjectId));
      if (!reference) return 'unreachable';
      try {
        await sender.sendCard(reference, card);
        return 'sent';
      } catch (error) {
        // The person removed the app, or the chat is gone: retrying will not help.
        if (error instanceof RecipientGone) return 'unreachable';
        throw error;
      }
    },
  };
}
