import type { PackSummary } from '../cards/welcomeCards';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';

/** What the welcome and help cards need from the knowledge pack. */
export function packSummary(knowledge: KnowledgeBase): PackSummary {
  return {
    organisation: knowledge.pack.info.organisation,
    disclaimer: knowledge.pack.info.disclaimer,
    emergencyContacts: knowledge.emergencyContacts(),
  };
}
