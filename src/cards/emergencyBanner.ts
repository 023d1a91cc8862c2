import type { Contact } from '../knowledge/schema';
import { renderCard } from './renderCard';
import bannerTemplate from './templates/emergencyBanner.json';

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
