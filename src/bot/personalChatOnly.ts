import type { TurnContext } from 'botbuilder';

/**
 * Referrals name children, so they are only ever made, listed or opened in a person's own chat with the
 * bot, never in a channel or group chat where others would see them.
 */
export function personalChatOnly<Args extends unknown[]>(handler: (context: TurnContext, ...args: Args) => Promise<void>) {
  return async (context: TurnContext, ...args: Args): Promise<void> => {
    if (context.activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(
        'For privacy, referrals are only handled in your personal chat with me, never in a channel or group chat. Open a chat with the Safeguarding assistant and type **refer**, **status** or **inbox** there.',
      );
      return;
    }
    await handler(context, ...args);
  };
}
