/**
 * Making a referral: `refer` (or "Make a referral" on an answer) offers the two kinds; a front door
 * referral first asks whether the child is in immediate danger; then the form, and its submission.
 */
import { referralFormCard } from '../cards/referralFormCard';
import { immediateDangerCheckCard, immediateDangerStopCard, referralChooserCard, referralReceiptCard } from '../cards/referralCards';
import { roleName } from '../cards/whoamiCard';
import type { Person } from '../directory/schema';
import { formValuesFrom, type FieldErrors, type FormValues } from '../referrals/referralForm';
import type { ReferralKind } from '../referrals/referralKinds';
import { summarise } from '../referrals/referralSummary';
import { submitReferral } from '../referrals/submitReferral';
import type { CardData } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { currentUser, howToGetAccess } from './currentUser';
import { personalChatOnly } from './placeGuards';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

type FormState = { values?: FormValues; errors?: FieldErrors; notice?: string; nonce?: string };

export function referralRoutes(deps: ConversationDeps): Route[] {
  const cards = deps.cardContext;

  /** Runs `start` for school staff; tells anyone else plainly why they cannot refer here. */
  const schoolStaffOnly = <Data = undefined>(start: (turn: Turn, user: Person, data: Data) => Promise<void>) =>
    personalChatOnly(async (turn: Turn, data?: Data) => {
      const user = currentUser(turn, deps.directory);
      if (!user) return turn.sendText(howToGetAccess(turn));
      if (!user.school)
        return turn.sendText('Referrals are made by school staff. Council staff see the referrals for their team with **inbox**.');
      await start(turn, user, data as Data);
    });

  const showForm = (user: Person, kind: ReferralKind, state: FormState = {}) =>
    referralFormCard({
      kind,
      schoolName: deps.directory.school(user.school!)?.name ?? user.school!,
      referrer: `${user.name}, ${roleName(user.role)}`,
      values: state.values ?? { referrerEmail: user.upn ?? '' },
      errors: state.errors,
      notice: state.notice,
      nonce: state.nonce,
      today: deps.referrals.calendar.dateOf(deps.referrals.now()),
      frontDoorPhone: cards.frontDoor.phone ?? '',
    });

  /** A front door referral starts with the immediate-danger question; an early-help request with its form. */
  const firstStep = (user: Person, kind: ReferralKind) =>
    kind === 'front-door' ? immediateDangerCheckCard() : showForm(user, 'early-help');

  const submit = async (turn: Turn, user: Person, data: CardData<'submitReferral'>) => {
    if (data.kind === undefined) return turn.sendText('That form is out of date. Type **refer** to start a new one.');
    const { kind, nonce } = data;
    const values = formValuesFrom(kind, data);
    const result = await submitReferral(deps.referrals, user, { kind, values, nonce, activityId: turn.activityId });
    switch (result.status) {
      case 'stored':
      case 'already-stored':
        return turn.replaceCard(referralReceiptCard(cards, summarise(deps.referrals, result.referral), result.status === 'already-stored'));
      case 'invalid':
        return turn.replaceCard(
          showForm(user, kind, {
            values,
            errors: result.errors,
            nonce,
            notice: 'Nothing has been sent yet. Please check the fields marked below; everything you typed is kept.',
          }),
        );
      case 'form-already-used':
        // A fresh nonce: if this really is another referral, sending it now stores it as a new one.
        return turn.sendCard(
          showForm(user, kind, {
            values,
            notice: `This form was already sent as ${result.referral.reference}. If this is a different referral, check the details and send it again.`,
          }),
        );
      case 'not-allowed':
        return turn.sendText(
          'Only staff of a school in the directory can make referrals. Ask your council’s safeguarding admin if this is wrong.',
        );
    }
  };

  return [
    message(
      /^\s*(refer|referral|make a referral)\s*$/i,
      schoolStaffOnly(async (turn) => turn.sendCard(referralChooserCard(cards))),
    ),
    message(
      /^\s*refer\s+(mash|front\s*door|fd)\s*$/i,
      schoolStaffOnly(async (turn, user) => turn.sendCard(firstStep(user, 'front-door'))),
    ),
    message(
      /^\s*refer\s+(early[\s-]*help|eh)\s*$/i,
      schoolStaffOnly(async (turn, user) => turn.sendCard(firstStep(user, 'early-help'))),
    ),
    cardAction(
      'makeReferral',
      schoolStaffOnly(async (turn) => turn.sendCard(referralChooserCard(cards))),
    ),
    cardAction(
      'startReferral',
      schoolStaffOnly<CardData<'startReferral'>>(async (turn, user, data) => turn.sendCard(firstStep(user, data.kind ?? 'front-door'))),
    ),
    cardAction(
      'immediateDanger',
      schoolStaffOnly<CardData<'immediateDanger'>>(async (turn, user, data) => {
        // "Yes" stops the form: nothing is typed or stored, and 999 comes first.
        if (data.answer === 'yes') await turn.replaceCard(immediateDangerStopCard(cards));
        else await turn.replaceCard(showForm(user, 'front-door'));
      }),
    ),
    cardAction('submitReferral', schoolStaffOnly(submit)),
  ];
}
