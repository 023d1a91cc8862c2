/**
 * The banners that put what to do first: the general "999, front door, out of hours" banner, and the urgency
 * banner of an answer or no-match card, which leads with the action for its tier and ends with why.
 */
import type { Urgency } from '../knowledge/urgency/classifyUrgency';
import type { Contact } from '../knowledge/schema';
import { renderCard } from './renderCard';
import bannerTemplate from './templates/emergencyBanner.json';
import urgencyBannerTemplate from './templates/urgencyBanner.json';

/** Contact as a card shows it: the number as typed, plus a dialable tel: form without spaces. */
export function contactView(contact: Contact) {
  return {
    name: contact.name,
    phone: contact.phone ?? '',
    telephone: (contact.phone ?? '').replace(/\s+/g, ''),
    hours: contact.verified ? contact.hours : `${contact.hours} (unverified: check before use)`,
  };
}

/** 999, the front door and out of hours: shown first whenever a child may be in danger. */
export function emergencyBanner(emergencyContacts: Contact[]): object {
  // The banner template is an element, not a whole card; renderCard's checks still apply to it.
  return renderCard(bannerTemplate, { emergencyContacts: emergencyContacts.map(contactView) });
}

export interface UrgencyBannerInput {
  urgency: Exclude<Urgency, 'none'>;
  reason: string;
  /** 999, the front door and out of hours, in that order (KnowledgeBase.emergencyContacts). */
  emergencyContacts: Contact[];
}

/**
 * `emergency`: "Call 999 now" first, then the front door and out of hours. `today`: "Ring the front door now,
 * before the child goes home" with its number and hours, out of hours the EDT, then 999 for immediate danger.
 * Both end with the reason, so the reader can judge whether the flag fits.
 */
export function urgencyBanner(input: UrgencyBannerInput): object {
  const [, frontDoor, outOfHours] = input.emergencyContacts;
  return renderCard(urgencyBannerTemplate, {
    emergency: input.urgency === 'emergency',
    frontDoor: contactView(frontDoor),
    outOfHours: contactView(outOfHours),
    reason: input.reason,
  });
}
