import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';

/** Sends one Adaptive Card as a message; every card the bot sends goes out through here. */
export async function sendCard(context: TurnContext, card: object): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
