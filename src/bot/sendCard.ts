import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';

/** Sends one Adaptive Card as a message; every card the bot sends goes out through here. */
export async function sendCard(context: TurnContext, card: object): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Answers a card button by replacing the card it was pressed on (a form becomes its receipt, or comes
 * back with its errors), so a sent form cannot be pressed again and typed details do not linger on screen.
 * Falls back to a new message when the card cannot be updated.
 */
export async function replaceCard(context: TurnContext, card: object): Promise<void> {
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
