/**
 * The cards the bot sends unasked about a referral: the outcome, a chase prompt, and "not delivered".
 * Names, the child's initials and the council's note are shown as plain text (see plainText.ts).
 */
import { KIND_INFO } from '../referrals/referralKinds';
import type { NotificationCards, NotificationMessage, OutcomeForSchool } from '../referrals/notifications';
import type { ReferralSummary } from '../referrals/referralSummary';
import { contactView, emergencyBanner } from './emergencyBanner';
import { formatDateTime } from './formatTime';
import { plainText } from './plainText';
import { outcomeView, type ReferralCardContext } from './referralCards';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import chaseTemplate from './templates/chaseNotice.json';
import notDeliveredTemplate from './templates/notDeliveredNotice.json';
import outcomeTemplate from './templates/outcomeNotice.json';

const TEMPLATES: Record<NotificationMessage, object> = {
  outcome: outcomeTemplate,
  chase: chaseTemplate,
  'delivery-failed': notDeliveredTemplate,
};

export function notificationCards(context: ReferralCardContext): NotificationCards {
  return (message, summary, outcome) => notificationCard(context, message, summary, outcome);
}

export function notificationCard(
  context: ReferralCardContext,
  message: NotificationMessage,
  summary: ReferralSummary,
  outcome?: OutcomeForSchool,
): AdaptiveCardJson {
  return renderCard(TEMPLATES[message], {
    reference: summary.reference,
    kindName: summary.kindName,
    childInitials: plainText(summary.childInitials),
    schoolName: plainText(summary.schoolName),
    referrerName: plainText(summary.referrerName),
    team: KIND_INFO[summary.kind].team,
    submitted: formatDateTime(summary.submittedAt, context.timeZone),
    decisionDue: formatDateTime(summary.decisionDueAt, context.timeZone),
    outcome: outcome ? outcomeView(outcome, context.timeZone) : { label: '', forSchool: '', note: '', recordedAt: '' },
    frontDoor: contactView(context.frontDoor),
    emergencyBanner: emergencyBanner(context.emergencyContacts),
  });
}
