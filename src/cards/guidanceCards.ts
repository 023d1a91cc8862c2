/**
 * The card a person inserts into any chat or channel from the compose box (the search message extension),
 * and the result list it is chosen from. Not the bot's answer card: that one's buttons (feedback, related
 * answers, "Make a referral") are messages to the bot, which may not be in the chat it is pasted into. This
 * one stands alone: the urgent banner first when the search was urgent, then summary, steps, contacts,
 * sources with the review date, and the pack version. It is also kept small, as inserted cards must be.
 */
import type { Answer, Contact, LevelOfNeed } from '../knowledge/schema';
import { answerContentView, bannerData, type UrgencyInput } from './answerCards';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import guidanceTemplate from './templates/guidance.json';

/** The id of the guidance card's footer, by which the bot knows its own card when someone sends it back. */
export const GUIDANCE_CARD_MARK = 'safeguarding-guidance';

export interface GuidanceCardInput extends UrgencyInput {
  answer: Answer;
  contacts: Contact[];
  level?: LevelOfNeed;
  emergencyContacts: Contact[];
  disclaimer: string;
  packVersion: string;
}

export function guidanceCard(input: GuidanceCardInput): AdaptiveCardJson {
  const { answer } = input;
  return renderCard(guidanceTemplate, {
    ...answerContentView(answer, input.level, input.contacts),
    packVersion: input.packVersion,
    disclaimer: input.disclaimer,
    ...bannerData(input, input.emergencyContacts),
  });
}

/** A result in the compose box's list: the answer's title, and its summary (after a warning when urgent). */
export function guidancePreview(answer: Answer, urgency: UrgencyInput): { title: string; text: string } {
  const warning =
    urgency.urgency === 'emergency'
      ? 'Urgent: call 999 if a child is in immediate danger. '
      : urgency.urgency === 'today'
        ? 'Urgent: ring the front door today. '
        : '';
  return { title: answer.title, text: `${warning}${answer.summary}` };
}
