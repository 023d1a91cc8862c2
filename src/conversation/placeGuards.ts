import type { Turn } from './turn';

const REFERRALS_ARE_PRIVATE =
  'For privacy, referrals are only handled in your personal chat with me, never in a channel or group chat. Open a chat with the Safeguarding assistant and type **refer**, **status** or **inbox** there.';

/**
 * Referrals name children, so they are only ever made, listed or opened in a person's own chat with the
 * bot, never in a channel or group chat where others would see them. Other personal work (posting an
 * update) says why in its own words.
 */
export function personalChatOnly<Args extends unknown[]>(
  handler: (turn: Turn, ...args: Args) => Promise<void>,
  elsewhere = REFERRALS_ARE_PRIVATE,
) {
  return async (turn: Turn, ...args: Args): Promise<void> => {
    if (turn.place.kind !== 'personal') return turn.sendText(elsewhere);
    await handler(turn, ...args);
  };
}

/** Channel settings (linking a school, subscriptions) belong to the channel they are about. */
export function channelOnly<Args extends unknown[]>(handler: (turn: Turn, ...args: Args) => Promise<void>) {
  return async (turn: Turn, ...args: Args): Promise<void> => {
    if (turn.place.kind !== 'channel') {
      return turn.sendText(
        'Do this in your school’s Teams channel: add me to the team, then post **@Safeguarding assistant link** in the channel.',
      );
    }
    await handler(turn, ...args);
  };
}
