/**
 * Answering a question: search the pack, then present the best answer, or say plainly that there is no
 * good match. Knows nothing of Teams, so the bot, the command line and tests all use it the same way.
 */
import { answerCard, noMatchCard, type UrgencyInput } from '../cards/answerCards';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Answer } from '../knowledge/schema';
import type { Urgency } from '../knowledge/urgency/classifyUrgency';

export interface AnswerReply {
  card: AdaptiveCardJson;
  /** The answer shown, or undefined for "no good match" (used for anonymous counts, never the question). */
  answerId?: string;
  urgent: boolean;
  /** The tier, for the log line (never the question); `urgent` is true for either tier. */
  urgency: Urgency;
}

const NOT_URGENT: UrgencyInput = { urgency: 'none', reason: null };

export class AnswerService {
  constructor(private readonly knowledge: KnowledgeBase) {}

  reply(question: string): AnswerReply {
    const { urgent, urgency, reason, hits } = this.knowledge.search(question);
    if (hits.length === 0) return { card: this.noMatch({ urgency, reason }), urgent, urgency };
    const [best, ...others] = hits.map((hit) => hit.answer);
    return { card: this.present(best, { urgency, reason }, others), answerId: best.id, urgent, urgency };
  }

  /** A specific answer, e.g. from a "related" button; undefined when the id is not in the pack. */
  show(answerId: string): AnswerReply | undefined {
    const answer = this.knowledge.answer(answerId);
    if (!answer) return undefined;
    return {
      card: this.present(answer, NOT_URGENT, this.knowledge.relatedTo(answer.id)),
      answerId: answer.id,
      urgent: false,
      urgency: 'none',
    };
  }

  private present(answer: Answer, urgency: UrgencyInput, related: Answer[]): AdaptiveCardJson {
    const { pack } = this.knowledge;
    return answerCard({
      answer,
      ...urgency,
      contacts: answer.contacts.map((id) => this.knowledge.contact(id)!),
      level: pack.levels.find((level) => level.number === answer.level),
      related,
      emergencyContacts: this.knowledge.emergencyContacts(),
      disclaimer: pack.info.disclaimer,
      packVersion: this.knowledge.packVersion.label,
    });
  }

  private noMatch(urgency: UrgencyInput): AdaptiveCardJson {
    const { pack } = this.knowledge;
    return noMatchCard({
      ...urgency,
      frontDoor: this.knowledge.contact(pack.info.frontDoorContact)!,
      emergencyContacts: this.knowledge.emergencyContacts(),
      topics: pack.info.suggestedTopics.map((id) => ({ id, title: this.knowledge.answer(id)!.title })),
      disclaimer: pack.info.disclaimer,
    });
  }
}
