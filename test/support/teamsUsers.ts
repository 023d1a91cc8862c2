import { cardSubmit, channelMessage, postActivity, teamsMessage } from './activities';
import type { startFakeConnector } from './fakeConnector';

type Connector = Awaited<ReturnType<typeof startFakeConnector>>;

/**
 * People talking to a running bot, each in their own personal chat (conversation `chat-<their id>`), so a
 * test can tell whose chat a reply or a proactive card went to.
 */
export function teamsUsers(botUrl: () => string, connector: () => Connector) {
  const chatOf = (user: string) => `chat-${user}`;
  const inChat = (user: string) => connector().sent.filter((s) => s.conversationId === chatOf(user));
  const asText = (activity: { text?: string; attachments?: Array<{ content: unknown }> }) =>
    activity.text ?? JSON.stringify(activity.attachments?.[0]?.content ?? '');
  return {
    chatOf,
    say: (user: string, text: string) =>
      postActivity(botUrl(), teamsMessage({ text, serviceUrl: connector().url, user, conversationId: chatOf(user) })),
    /** Presses a card button; `onCard` is the id of the card it is on, so the bot can replace that card. */
    press: (user: string, value: object, onCard = 'card-1') =>
      postActivity(botUrl(), cardSubmit({ serviceUrl: connector().url, value, user, conversationId: chatOf(user), replyToId: onCard })),
    sayInChannel: (user: string, text: string) => postActivity(botUrl(), channelMessage({ text, serviceUrl: connector().url, user })),
    /** Everything that reached this person's chat, as text (cards as JSON). */
    seen: (user: string) => inChat(user).map((s) => asText(s.activity)),
    lastSeen: (user: string) => {
      const last = inChat(user).at(-1);
      return last ? asText(last.activity) : '';
    },
  };
}
