import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { referralFormCard } from '../cards/referralFormCard';
import { immediateDangerCheckCard, immediateDangerStopCard, referralChooserCard, referralReceiptCard } from '../cards/referralCards';
import { roleName } from '../cards/whoamiCard';
import type { Person } from '../directory/schema';
import { formValuesFrom, type FieldErrors, type FormValues } from '../referrals/referralForm';
import { isReferralKind, type ReferralKind } from '../referrals/referralKinds';
import { summarise } from '../referrals/referralSummary';
import { submitReferral } from '../referrals/submitReferral';
import type { BotDependencies } from './app';
import { currentUser, howToGetAccess } from './currentUser';
import { personalChatOnly } from './personalChatOnly';
import { replaceCard, sendCard } from './sendCard';

type CardData = Record<string, unknown>;

/**
 * Making a referral: `refer` (or "Make a referral" on an answer) offers the two kinds; a front door
 * referral first asks whether the child is in immediate danger; then the form, and its submission.
 */
export function registerReferralRoutes(app: Application, deps: BotDependencies): void {
  const cards = deps.cardContext;

  /** Runs `start` for school staff; tells anyone else plainly why they cannot refer here. */
  const schoolStaffOnly = (start: (context: TurnContext, user: Person, data: CardData) => Promise<void>) =>
    personalChatOnly(async (context: TurnContext, _state?: unknown, data?: CardData) => {
      const user = currentUser(context, deps.directory);
      if (!user) return void (await context.sendActivity(howToGetAccess(context)));
      if (!user.school) return void (await context.sendActivity('Referrals are made by school staff. Council staff see the referrals for their team with **inbox**.'));
      await start(context, user, data ?? {});
    });

  const showForm = (user: Person, kind: ReferralKind, state: { values?: FormValues; errors?: FieldErrors; notice?: string; nonce?: string } = {}) =>
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
  const firstStep = (user: Person, kind: ReferralKind) => (kind === 'front-door' ? immediateDangerCheckCard() : showForm(user, 'early-help'));

  app.message(/^\s*(refer|referral|make a referral)\s*$/i, schoolStaffOnly(async (context) => sendCard(context, referralChooserCard(cards))));
  app.message(/^\s*refer\s+(mash|front\s*door|fd)\s*$/i, schoolStaffOnly(async (context, user) => sendCard(context, firstStep(user, 'front-door'))));
  app.message(/^\s*refer\s+(early[\s-]*help|eh)\s*$/i, schoolStaffOnly(async (context, user) => sendCard(context, firstStep(user, 'early-help'))));
  app.adaptiveCards.actionSubmit('makeReferral', schoolStaffOnly(async (context) => sendCard(context, referralChooserCard(cards))));

  app.adaptiveCards.actionSubmit(
    'startReferral',
    schoolStaffOnly(async (context, user, data) => {
      await sendCard(context, firstStep(user, isReferralKind(data.kind) ? data.kind : 'front-door'));
    }),
  );

  app.adaptiveCards.actionSubmit(
    'immediateDanger',
    schoolStaffOnly(async (context, user, data) => {
      // "Yes" stops the form: nothing is typed or stored, and 999 comes first.
      if (data.answer === 'yes') await replaceCard(context, immediateDangerStopCard(cards));
      else await replaceCard(context, showForm(user, 'front-door'));
    }),
  );

  app.adaptiveCards.actionSubmit(
    'submitReferral',
    schoolStaffOnly(async (context, user, data) => {
      if (!isReferralKind(data.kind)) return void (await context.sendActivity('That form is out of date. Type **refer** to start a new one.'));
      const kind = data.kind;
      const values = formValuesFrom(kind, data);
      const nonce = typeof data.nonce === 'string' ? data.nonce : undefined;
      const result = await submitReferral(deps.referrals, user, { kind, values, nonce, activityId: context.activity.id ?? '' });
      switch (result.status) {
        case 'stored':
        case 'already-stored':
          return replaceCard(context, referralReceiptCard(cards, summarise(deps.referrals, result.referral), result.status === 'already-stored'));
        case 'invalid':
          return replaceCard(context, showForm(user, kind, { values, errors: result.errors, nonce, notice: 'Nothing has been sent yet. Please check the fields marked below; everything you typed is kept.' }));
        case 'form-already-used':
          // A fresh nonce: if this really is another referral, sending it now stores it as a new one.
          return sendCard(context, showForm(user, kind, { values, notice: `This form was already sent as ${result.referral.reference}. If this is a different referral, check the details and send it again.` }));
        case 'not-allowed':
          return void (await context.sendActivity('Only staff of a school in the directory can make referrals. Ask your council’s safeguarding admin if this is wrong.'));
      }
    }),
  );
}
