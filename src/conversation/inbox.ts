/**
 * The council side, for front-door and early-help staff: `inbox` lists referrals awaiting a decision and
 * any that could not be delivered; a referral's card records the outcome; a failed delivery can be retried.
 */
import { inboxCard, referralDetailCard, type DetailCardState } from '../cards/referralCards';
import { openInbox, viewReferral } from '../referrals/readReferrals';
import { recordOutcomeByStaff } from '../referrals/recordOutcome';
import { parseReference } from '../referrals/referenceNumber';
import { retryDelivery } from '../referrals/retryDelivery';
import type { CardData } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { currentUser } from './currentUser';
import { personalChatOnly } from './placeGuards';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

export function inboxRoutes(deps: ConversationDeps): Route[] {
  const notFound = (turn: Turn) => turn.sendText('I can’t find that referral, or it is not one your team decides on.');
  const referenceIn = (data: { reference?: string }) => (data.reference !== undefined ? parseReference(data.reference) : undefined);

  /** Shows the referral again in place of the card that was pressed, with what happened on top. */
  const showAgain = async (turn: Turn, reference: string, state: DetailCardState) => {
    const detail = await viewReferral(deps.referrals, currentUser(turn, deps.directory), reference);
    if (!detail) return notFound(turn);
    await turn.replaceCard(referralDetailCard(deps.cardContext, detail, state));
  };

  const recordOutcome = async (turn: Turn, data: CardData<'recordOutcome'>) => {
    const reference = referenceIn(data);
    const input = { code: data.outcome, note: data.note };
    const result = reference
      ? await recordOutcomeByStaff(deps.referrals, currentUser(turn, deps.directory), reference, input)
      : { status: 'not-found' as const };
    switch (result.status) {
      case 'recorded':
        return showAgain(turn, reference!, {
          notice: { text: 'Outcome recorded. The referrer and the school’s DSLs are being told in Teams.', good: true },
        });
      case 'already-recorded':
        return showAgain(turn, reference!, {
          notice: { text: 'An outcome was already recorded for this referral; it is shown below.', good: false },
        });
      case 'not-delivered':
        return showAgain(turn, reference!, {
          notice: {
            text: `${reference} has not been delivered, so no outcome can be recorded. If it could not be delivered, retry the delivery first.`,
            good: false,
          },
        });
      case 'decided-elsewhere':
        return showAgain(turn, reference!, {
          notice: { text: `${reference} went to the council’s case system: record its outcome there.`, good: false },
        });
      case 'invalid':
        return showAgain(turn, reference!, {
          form: { outcome: input.code, note: input.note },
          errors: result.errors,
          notice: { text: 'Not recorded yet: please check the fields marked below.', good: false },
        });
      default:
        return notFound(turn);
    }
  };

  const retry = async (turn: Turn, data: CardData<'retryDelivery'>) => {
    const reference = referenceIn(data);
    const result = reference ? await retryDelivery(deps.referrals, currentUser(turn, deps.directory), reference) : 'not-found';
    if (result === 'not-found') return notFound(turn);
    const text = result === 'retrying' ? `Delivery of ${reference} is being tried again now.` : `${reference} is not waiting for a retry.`;
    await showAgain(turn, reference!, { notice: { text, good: result === 'retrying' } });
  };

  const showInbox = personalChatOnly(async (turn: Turn) => {
    const inbox = await openInbox(deps.referrals, currentUser(turn, deps.directory));
    if (!inbox)
      return turn.sendText(
        'The inbox is for the council’s front-door and early-help staff. School staff can follow their referrals with **status**.',
      );
    await turn.sendCard(inboxCard(deps.cardContext, inbox));
  });

  return [
    message(/^\s*inbox\s*$/i, showInbox),
    cardAction('recordOutcome', personalChatOnly(recordOutcome)),
    cardAction('retryDelivery', personalChatOnly(retry)),
  ];
}
