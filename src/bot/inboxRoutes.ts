import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { inboxCard, referralDetailCard, type DetailCardState } from '../cards/referralCards';
import { openInbox, viewReferral } from '../referrals/readReferrals';
import { recordOutcomeByStaff } from '../referrals/recordOutcome';
import { parseReference } from '../referrals/referenceNumber';
import { retryDelivery } from '../referrals/retryDelivery';
import type { BotDependencies } from './app';
import { currentUser } from './currentUser';
import { personalChatOnly } from './personalChatOnly';
import { replaceCard, sendCard } from './sendCard';

type CardData = { reference?: unknown; outcome?: unknown; note?: unknown };

/**
 * The council side, for front-door and early-help staff: `inbox` lists referrals awaiting a decision and
 * any that could not be delivered; a referral's card records the outcome; a failed delivery can be retried.
 */
export function registerInboxRoutes(app: Application, deps: BotDependencies): void {
  const notFound = (context: TurnContext) => context.sendActivity('I can’t find that referral, or it is not one your team decides on.');

  app.message(
    /^\s*inbox\s*$/i,
    personalChatOnly(async (context) => {
      const inbox = await openInbox(deps.referrals, currentUser(context, deps.directory));
      if (!inbox) return void (await context.sendActivity('The inbox is for the council’s front-door and early-help staff. School staff can follow their referrals with **status**.'));
      await sendCard(context, inboxCard(deps.cardContext, inbox));
    }),
  );

  /** Shows the referral again in place of the card that was pressed, with what happened on top. */
  const showAgain = async (context: TurnContext, reference: string, state: DetailCardState) => {
    const detail = await viewReferral(deps.referrals, currentUser(context, deps.directory), reference);
    if (!detail) return void (await notFound(context));
    await replaceCard(context, referralDetailCard(deps.cardContext, detail, state));
  };

  app.adaptiveCards.actionSubmit(
    'recordOutcome',
    personalChatOnly(async (context: TurnContext, _state: unknown, data: CardData) => {
      const reference = typeof data.reference === 'string' ? parseReference(data.reference) : undefined;
      const input = { code: typeof data.outcome === 'string' ? data.outcome : '', note: typeof data.note === 'string' ? data.note : '' };
      const result = reference ? await recordOutcomeByStaff(deps.referrals, currentUser(context, deps.directory), reference, input) : { status: 'not-found' as const };
      switch (result.status) {
        case 'recorded':
          return showAgain(context, reference!, { notice: { text: 'Outcome recorded. The referrer and the school’s DSLs are being told in Teams.', good: true } });
        case 'already-recorded':
          return showAgain(context, reference!, { notice: { text: 'An outcome was already recorded for this referral; it is shown below.', good: false } });
        case 'not-delivered':
          return showAgain(context, reference!, { notice: { text: `${reference} has not been delivered, so no outcome can be recorded. If it could not be delivered, retry the delivery first.`, good: false } });
        case 'decided-elsewhere':
          return showAgain(context, reference!, { notice: { text: `${reference} went to the council’s case system: record its outcome there.`, good: false } });
        case 'invalid':
          return showAgain(context, reference!, { form: { outcome: input.code, note: input.note }, errors: result.errors, notice: { text: 'Not recorded yet: please check the fields marked below.', good: false } });
        default:
          return void (await notFound(context));
      }
    }),
  );

  app.adaptiveCards.actionSubmit(
    'retryDelivery',
    personalChatOnly(async (context: TurnContext, _state: unknown, data: CardData) => {
      const reference = typeof data.reference === 'string' ? parseReference(data.reference) : undefined;
      const result = reference ? await retryDelivery(deps.referrals, currentUser(context, deps.directory), reference) : 'not-found';
      if (result === 'not-found') return void (await notFound(context));
      const text = result === 'retrying' ? `Delivery of ${reference} is being tried again now.` : `${reference} is not waiting for a retry.`;
      await showAgain(context, reference!, { notice: { text, good: result === 'retrying' } });
    }),
  );
}
