/**
 * Cards that stay current (Universal Actions). A referral receipt, a referral's status card, the `status`
 * list, the council's inbox and an update's delivery report carry a `refresh` action; whenever Teams shows
 * one again it asks the bot, and the bot renders the card as it is now, for the person looking. The same
 * rules as typing the command apply (same policy, same audit row); a person who may not see it gets a neutral
 * card, and "Record outcome" appears only for someone allowed to record one, because the card is rendered per
 * person on each refresh.
 */
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { currentReceiptCard, inboxCard, referralDetailCard } from '../cards/referralCards';
import { listUnavailableCard, referralUnavailableCard, reportUnavailableCard } from '../cards/refreshCards';
import { updateReportCard } from '../cards/updateCards';
import { openInbox, viewReferral } from '../referrals/readReferrals';
import { parseReference } from '../referrals/referenceNumber';
import { mayReadReport, updateReport } from '../updates/updateReport';
import type { BotDependencies } from './app';
import { currentUser } from './currentUser';
import { registerCardRefresh } from './invokes';
import { statusListReply } from './statusRoutes';

export function registerCardRefreshRoutes(app: Application, deps: BotDependencies): void {
  registerCardRefresh(app, 'refreshReferral', async (context, data) => {
    // Referral cards live only in personal chats; a refresh from anywhere else shows nothing.
    if (!isPersonalChat(context)) return referralUnavailableCard();
    const reference = typeof data.reference === 'string' ? parseReference(data.reference) : undefined;
    const detail = reference ? await viewReferral(deps.referrals, currentUser(context, deps.directory), reference) : undefined;
    if (!detail) return referralUnavailableCard();
    return data.view === 'detail' ? referralDetailCard(deps.cardContext, detail) : currentReceiptCard(deps.cardContext, detail);
  });

  // The `status` list and the council's inbox: listed again for the person looking, as typing the command would.
  registerCardRefresh(app, 'refreshReferralList', async (context) => {
    if (!isPersonalChat(context)) return referralUnavailableCard();
    const reply = await statusListReply(deps, currentUser(context, deps.directory));
    return typeof reply === 'string' ? listUnavailableCard(reply) : reply;
  });

  registerCardRefresh(app, 'refreshInbox', async (context) => {
    if (!isPersonalChat(context)) return referralUnavailableCard();
    const inbox = await openInbox(deps.referrals, currentUser(context, deps.directory));
    return inbox ? inboxCard(deps.cardContext, inbox) : listUnavailableCard('The inbox is for the council’s front-door and early-help staff. School staff can follow their referrals with status.');
  });

  registerCardRefresh(app, 'refreshUpdateReport', async (context, data) => {
    const report = typeof data.updateId === 'number' ? await updateReport(deps.updates, data.updateId) : undefined;
    if (!report || !mayReadReport(currentUser(context, deps.directory), report.update)) return reportUnavailableCard();
    return updateReportCard(report);
  });
}

function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}
