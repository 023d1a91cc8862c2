/**
 * Answering a question: search the pack, then present the best answer, or say plainly that there is no
 * good match. Knows nothing of Teams, so the bot, the command line and tests all use it the same way.
 */
import { answerCard, noMatchCard } from '../cards/answerCards';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Answer } from '../knowledge/schema';

export interface AnswerReply {
  card: AdaptiveCardJson;
  /** The answer shown, or undefined for "no good match" (used for anonymous counts, never the question). */
  answerId?: string;
  urgent: boolean;
}

export class AnswerService {
  constructor(private readonly knowledge: KnowledgeBase) {}

  reply(question: string): AnswerReply {
    const { urgent, hits } = this.knowledge.search(question);
    if (hits.length === 0) return { card: this.noMatch(urgent), urgent };
    const [best, ...others] = hits.map((hit) => hit.answer);
    return { card: this.present(best, urgent, others), answerId: best.id, urgent };
  }

  /** A specific answer, e.g. from a "related" button; undefined when the id is not in the pack. */
  show(answerId: string): AnswerReply | undefined {
    const answer = this.knowledge.answer(answerId);
    if (!answer) return undefined;
    const related = this.knowledge
      .search(answer.title)
      .hits.map((hit) => hit.answer)
      .filter((other) => other.id !== answer.id);
    return { card: this.present(answer, false, related), answerId: answer.id, urgent: false };
  }

  private present(answer: Answer, urgent: boolean, related: Answer[]): AdaptiveCardJson {
    const { pack } = this.knowledge;
    return answerCard({
      answer,
      urgent,
      contacts: answer.contacts.map((id) => this.knowledge.contact(id)!),
      level: pack.levels.find((level) => level.number === answer.level),
      related,
      emergencyContacts: this.knowledge.emergencyContacts(),
      disclaimer: pack.info.disclaimer,
    });
  }

  private noMatch(urgent: boolean): AdaptiveCardJson {
    const { pack } = this.knowledge;
    return noMatchCard({
      urgent,
      frontDoor: this.knowledge.contact(pack.info.frontDoorContact)!,
      emergencyContacts: this.knowledge.emergencyContacts(),
      topics: pack.info.suggestedTopics.map((id) => ({ id, title: this.knowledge.answer(id)!.title })),
      disclaimer: pack.info.disclaimer,
    });
  }
}
