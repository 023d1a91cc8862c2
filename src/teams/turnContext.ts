/**
 * botbuilder's TurnContext seen as our `Turn` (src/conversation/turn.ts): who, where, what was typed, and
 * the three ways to answer. Every card the bot sends in a conversation leaves through here.
 */
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { ConversationKind, Turn, TurnPlace } from '../conversation/turn';
import type { Logger } from '../logging/logger';
import { tenantOf } from './tenantGuard';

const TURN_LOGGER = Symbol('turnLogger');
const KINDS: readonly string[] = ['personal', 'channel', 'groupChat'] satisfies ConversationKind[];

export function turnOf(context: TurnContext, fallbackLogger: Logger): Turn {
  const { activity } = context;
  return {
    user: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name, tenantId: tenantOf(activity) },
    place: placeOf(activity),
    // Cleaned of the bot's mentions by the turn pipeline before any route runs.
    text: typeof activity.text === 'string' ? activity.text : '',
    activityId: activity.id ?? '',
    attachments: activity.attachments ?? [],
    sendCard: (card) => sendCard(context, card),
    replaceCard: (card) => replaceCard(context, card),
    sendText: async (text) => void (await context.sendActivity(text)),
    log: turnLogger(context, fallbackLogger),
  };
}

/** Where the activity happened. A channel post's conversation id names its thread; new posts go to the channel. */
export function placeOf(activity: Partial<Activity>): TurnPlace {
  const type = activity.conversation?.conversationType;
  const data = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string } };
  const conversationId = activity.conversation?.id ?? '';
  return {
    kind: type !== undefined && KINDS.includes(type) ? (type as ConversationKind) : undefined,
    conversationId,
    teamId: data.team?.id,
    channelId: type === 'channel' ? (data.channel?.id ?? conversationId.split(';')[0]) : undefined,
  };
}

/** Gives the turn its own logger (with a request id); every route's `turn.log` is this one. */
export function setTurnLogger(context: TurnContext, log: Logger): void {
  context.turnState.set(TURN_LOGGER, log);
}

export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return context.turnState.get(TURN_LOGGER) ?? fallback;
}

/** Sends one Adaptive Card as a message. */
async function sendCard(context: TurnContext, card: object): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Answers a card button by replacing the card it was pressed on (a form becomes its receipt, or comes
 * back with its errors), so a sent form cannot be pressed again and typed details do not linger on screen.
 * Falls back to a new message when the card cannot be updated.
 */
async function replaceCard(context: TurnContext, card: object): Promise<void> {
  const cardId = context.activity.replyToId;
  if (cardId) {
    try {
      await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: cardId });
      return;
    } catch {
      // Not every client lets a bot update its message; a new card says the same.
    }
  }
  await sendCard(context, card);
}
