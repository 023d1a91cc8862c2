/**
 * `inbox` (the default): the council's front-door and early-help staff work the queue inside Teams. Delivery
 * is the referral arriving in that queue, which is the bot's own database, so it is acknowledged at once;
 * staff then list it with `inbox`, open it, and record the decision and outcome from a card.
 */
import type { AdapterFactory } from './referralAdapter';

export const inboxAdapter: AdapterFactory = {
  name: 'inbox',
  create: () => ({
    name: 'inbox',
    deliver: async () => ({}),
  }),
};
