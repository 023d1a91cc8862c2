/**
 * Sends a card to one person's personal chat with the bot, unasked (a proactive message), using the
 * conversation reference remembered from their last activity there.
 */
import type { ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { PersonNotifier } from '../referrals/notifications';
import { findConversationReference } from '../storage/conversationRows';
import type { SqlExecutor } from '../storage/sqlDriver';
import { personConversationKey } from './conversationMemory';
import { sendCard } from './sendCard';

export function teamsNotifier(adapter: TeamsAdapter, botAppId: string | undefined, sql: SqlExecutor): PersonNotifier {
  return {
    async sendCard(aadObjectId, card) {
      const reference = await findConversationReference<Partial<ConversationReference>>(sql, personConversationKey(aadObjectId));
      if (!reference) return 'unreachable';
      try {
        // In local mode the app id is empty and the Playground's connector needs no token.
        await adapter.continueConversationAsync(botAppId ?? '', reference, (context) => sendCard(context, card));
        return 'sent';
      } catch (error) {
        // 403/404: the person removed the app or the chat is gone; retrying will not help.
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 403 || status === 404) return 'unreachable';
        throw error;
      }
    },
  };
}
