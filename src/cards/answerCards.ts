/**
 * Presenters for search results: the answer card and the "no good match" card.
 */
import type { Answer, Contact, LevelOfNeed } from '../knowledge/schema';
import type { Urgency } from '../knowledge/urgency/classifyUrgency';
import { contactView, urgencyBanner } from './emergencyBanner';
import { markdownForCard } from './markdownForCard';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import answerTemplate from './templates/answer.json';
import noMatchTemplate from './templates/noMatch.json';

/** How urgent the message was and why (from SearchResponse); the banner leads with what to do now. */
export interface UrgencyInput {
  urgency: Urgency;
  reason: string | null;
}

export interface AnswerCardInput extends UrgencyInput {
  answer: Answer;
  /** The answer's contacts, resolved from contacts.yaml. */
  contacts: Contact[];
  level?: LevelOfNeed;
  /** The next matches, offered as buttons. */
  related: Answer[];
  emergencyContacts: Contact[];
  disclaimer: string;
  /** Which pack said this (KnowledgeBase.packVersion.label), shown in the footer; omitted when unknown. */
  packVersion?: string;
}

export function answerCard(input: AnswerCardInput): AdaptiveCardJson {
  const { answer } = input;
  return renderCard(answerTemplate, {
    id: answer.id,
    ...answerContentView(answer, input.level, input.contacts),
    hasPackVersion: input.packVersion !== undefined,
    packVersion: input.packVersion ?? '',
    leadsToReferral: answer.leadsToReferral,
    offersThresholdHelper: offersThresholdHelper(answer),
    related: input.related.slice(0, 2).map((other) => ({ id: other.id, title: other.title })),
    ...bannerData(input, input.emergencyContacts),
    disclaimer: input.disclaimer,
  });
}

/** What the answer card and the compose-box guidance card both show of an answer: its words, level, contacts and sources. */
export function answerContentView(answer: Answer, level: LevelOfNeed | undefined, contacts: Contact[]) {
  return {
    title: answer.title,
    summary: answer.summary,
    body: markdownForCard(answer.body),
    hasLevel: level !== undefined,
    levelLabel: level ? `Level ${level.number} · ${level.name}` : '',
    hasUnverified: answer.unverified !== undefined,
    unverified: answer.unverified ?? '',
    hasContacts: contacts.length > 0,
    contacts: contacts.map(contactLine),
    reviewed: answer.reviewed,
    sourcesText: answer.sources.map((source) => `[${source.title}](${source.url})`).join(' · '),
  };
}

export interface NoMatchCardInput extends UrgencyInput {
  frontDoor: Contact;
  emergencyContacts: Contact[];
  topics: Array<{ id: string; title: string }>;
  disclaimer: string;
}

export function noMatchCard(input: NoMatchCardInput): AdaptiveCardJson {
  return renderCard(noMatchTemplate, {
    ...bannerData(input, input.emergencyContacts),
    frontDoor: contactView(input.frontDoor),
    topics: input.topics,
    disclaimer: input.disclaimer,
  });
}

/**
 * Every contact an answer card shows, in order: when urgent, the banner's (999, the front door, out of hours),
 * then the answer's own. `ask --json` reports this list, so a question asking for a number is judged on it.
 */
export function contactsOnCard(input: UrgencyInput & { contacts: Contact[]; emergencyContacts: Contact[] }): Contact[] {
  const banner = input.urgency === 'none' ? [] : input.emergencyContacts;
  const shown = new Set(banner.map((contact) => contact.id));
  return [...banner, ...input.contacts.filter((contact) => !shown.has(contact.id))];
}

/** The templates' `urgent` switch and the banner it shows; no banner at all when nothing is urgent. */
export function bannerData({ urgency, reason }: UrgencyInput, emergencyContacts: Contact[]) {
  if (urgency !== 'emergency' && urgency !== 'today') return { urgent: false, emergencyBanner: {} };
  // A tier without a reason is a caller's slip; the banner must still show, so it says so plainly.
  const why = reason ?? 'the message may describe a child who needs help today.';
  return { urgent: true, emergencyBanner: urgencyBanner({ urgency, reason: why, emergencyContacts }) };
}

/** Answers about thresholds (the levels, the overview, the indicators, stepping up) offer the threshold helper (`what level`). */
function offersThresholdHelper(answer: Answer): boolean {
  return answer.kind === 'threshold';
}

/** A phone number becomes a tel: link; a contact without one links to its web page. */
export function contactLine(contact: Contact) {
  const view = contactView(contact);
  const reach = contact.phone ? `[${view.phone}](tel:${view.telephone})` : contact.url ? `[Website](${contact.url})` : 'See source';
  return { name: view.name, reach, hours: view.hours };
}
