/**
 * Cards that stay current (Universal Actions). A referral receipt, a referral's status card, the `status`
 * list, the council's inbox and an update's delivery report carry a `refresh` action; whenever Teams shows
 * one again it asks the bot, and the bot renders the card as it is now, for the person looking. The same
 * rules as typing the command apply (same policy, same audit row); a person who may not see it gets a neutral
 * card, and "Record outcome" appears only for someone allowed to record one, because the card is rendered per
 * person on each refresh.
 */
import { currentReceiptCard, inboxCard, referralDetailCard } from '../cards/referralCards';
import { listUnavailableCard, referralUnavailableCard, reportUnavailableCard } from '../cards/refreshCards';
import { updateReportCard } from '../cards/updateCards';
import { openInbox, viewReferral } from '../referrals/readReferrals';
import { parseReference } from '../referrals/referenceNumber';
import { readUpdateReport } from '../updates/updateReport';
import type { ConversationDeps } from './conversationDeps';
import { currentUser } from './currentUser';
import { cardRefresh, type Route } from './routes';
import { statusListReply } from './status';

export function cardRefreshRoutes(deps: ConversationDeps): Route[] {
  // Referral cards live only in personal chats; a refresh from anywhere else shows nothing.
  const referral = cardRefresh('refreshReferral', async (turn, data) => {
    if (turn.place.kind !== 'personal') return referralUnavailableCard();
    const reference = data.reference !== undefined ? parseReference(data.reference) : undefined;
    const detail = reference ? await viewReferral(deps.referrals, currentUser(turn, deps.directory), reference) : undefined;
    if (!detail) return referralUnavailableCard();
    return data.view === 'detail' ? referralDetailCard(deps.cardContext, detail) : currentReceiptCard(deps.cardContext, detail);
  });

  // The `status` list and the council's inbox: listed again for the person looking, as typing the command would.
  const list = cardRefresh('refreshReferralList', async (turn) => {
    if (turn.place.kind !== 'personal') return referralUnavailableCard();
    const reply = await statusListReply(deps, currentUser(turn, deps.directory));
    return typeof reply === 'string' ? listUnavailableCard(reply) : reply;
  });

  const inbox = cardRefresh('refreshInbox', async (turn) => {
    if (turn.place.kind !== 'personal') return referralUnavailableCard();
    const found = await openInbox(deps.referrals, currentUser(turn, deps.directory));
    return found
      ? inboxCard(deps.cardContext, found)
      : listUnavailableCard(
          'The inbox is for the council’s front-door and early-help staff. School staff can follow their referrals with status.',
        );
  });

  const report = cardRefresh('refreshUpdateReport', async (turn, data) => {
    const found =
      data.updateId !== undefined ? await readUpdateReport(deps.updates, currentUser(turn, deps.directory), data.updateId) : undefined;
    if (!found) return reportUnavailableCard();
    return updateReportCard(found);
  });

  return [referral, list, inbox, report];
}
