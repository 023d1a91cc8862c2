/**
 * consent-first: where significant harm is suspected, a referral never waits for consent or for a talk with
 * the family (Working Together 2023, ch. 2; KCSIE Part 1). A card that says otherwise can delay a referral.
 */
import type { Answer } from '../../schema';
import type { Finding, PackRule } from '../finding';
import { CONSENT_FIRST_PHRASES, CONSENT_NEVER_FIRST_TOPICS, NEGATIONS } from '../tables';
import { sentencesOf } from '../text';

export const consentFirst: PackRule = (pack) => pack.answers.flatMap(findingsFor);

function findingsFor(answer: Answer): Finding[] {
  const reason = whyConsentNeverComesFirst(answer);
  if (!reason) return [];
  return consentFirstSentences(`${answer.summary}\n${answer.body}`).map((sentence) => ({
    severity: 'error' as const,
    file: answer.file,
    rule: 'consent-first',
    message:
      `this answer is ${reason}, but it says "${sentence}". A referral where harm is suspected never waits for consent ` +
      'or a talk with the family: say "contact the front door now; you do not need consent" instead.',
  }));
}

/** Undefined when the answer is outside the rule's scope. */
export function whyConsentNeverComesFirst(answer: Answer): string | undefined {
  if (answer.level === 4) return 'at level 4';
  const about = [answer.id.replace(/-/g, ' '), answer.title, answer.tags.join(' | '), answer.summary].join('\n');
  const topic = CONSENT_NEVER_FIRST_TOPICS.find((entry) => entry.pattern.test(about));
  return topic ? `about ${topic.topic}` : undefined;
}

/** Sentences that advise consent (or the family) first, leaving out those that say it is not needed. */
export function consentFirstSentences(text: string): string[] {
  return sentencesOf(text).filter(
    (sentence) => CONSENT_FIRST_PHRASES.some((phrase) => phrase.test(sentence)) && !NEGATIONS.some((negation) => negation.test(sentence)),
  );
}
