/**
 * Where outbox jobs send to, as the use cases see it. The Teams edge (src/teams/) implements both, so
 * referrals and updates never touch botbuilder.
 */

/** Sends a card to one person's personal chat with the bot. */
export interface PersonNotifier {
  /** 'unreachable': the bot has no way to reach them (never chatted, or uninstalled); not worth retrying. */
  sendCard(aadObjectId: string, card: object): Promise<'sent' | 'unreachable'>;
}

/** Posts a card into a channel as a new post; throws DeliveryFailure (RecipientGone when the channel has gone). */
export type ChannelPoster = (reference: object, card: object) => Promise<void>;
