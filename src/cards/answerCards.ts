/**
 * Presenters for search results: the answer card and the "no good match" card.
 */
import type { Answer, Contact, LevelOfNeed } from '../knowledge/schema';
import { contactView, emergencyBanner } from './emergencyBanner';
import { markdownForCard } from './markdownForCard';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import answerTemplate from './templates/answer.json';
import noMatchTemplate from './templates/noMatch.json';

export interface AnswerCardInput {
  answer: Answer;
  urgent: boolean;
  /** The answer's contacts, resolved from contacts.yaml. */
  contacts: Contact[];
  level?: LevelOfNeed;
  /** The next matches, offered as buttons. */
  related: Answer[];
  emergencyContacts: Contact[];
  disclaimer: string;
}

export function answerCard(input: AnswerCardInput): AdaptiveCardJson {
  const { answer } = input;
  return renderCard(answerTemplate, {
    id: answer.id,
    title: answer.title,
    summary: answer.summary,
    body: markdownForCard(answer.body),
    hasLevel: input.level !== undefined,
    levelLabel: input.level ? `Level ${input.level.number} · ${input.level.name}` : '',
    hasUnverified: answer.unverified !== undefined,
    unverified: answer.unverified ?? '',
    hasContacts: input.contacts.length > 0,
    contacts: input.contacts.map(contactLine),
    reviewed: answer.reviewed,
    sourcesText: answer.sources.map((source) => `[${source.title}](${source.url})`).join(' · '),
    leadsToReferral: answer.leadsToReferral,
    related: input.related.slice(0, 2).map((other) => ({ id: other.id, title: other.title })),
    urgent: input.urgent,
    emergencyBanner: emergencyBanner(input.emergencyContacts),
    disclaimer: input.disclaimer,
  });
}

export interface NoMatchCardInput {
  urgent: boolean;
  frontDoor: Contact;
  emergencyContacts: Contact[];
  topics: Array<{ id: string; title: string }>;
  disclaimer: string;
}

export function noMatchCard(input: NoMatchCardInput): AdaptiveCardJson {
  return renderCard(noMatchTemplate, {
    urgent: input.urgent,
    emergencyBanner: emergencyBanner(input.emergencyContacts),
    frontDoor: contactView(input.frontDoor),
    topics: input.topics,
    disclaimer: input.disclaimer,
  });
}

/** A phone number becomes a tel: link; a contact without one links to its web page. */
function contactLine(contact: Contact) {
  const view = contactView(contact);
  const reach = contact.phone ? `[${view.phone}](tel:${view.telephone})` : contact.url ? `[Website](${contact.url})` : 'See source';
  return { name: view.name, reach, hours: view.hours };
}
