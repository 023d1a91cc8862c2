import type { Contact } from '../knowledge/schema';
import { BOT_COMMANDS } from './commands';
import { emergencyBanner } from './emergencyBanner';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import helpTemplate from './templates/help.json';
import welcomeTemplate from './templates/welcome.json';

export interface PackSummary {
  organisation: string;
  disclaimer: string;
  emergencyContacts: Contact[];
}

/** Sent once when the bot is installed: what it does, what it does not do, and 999 first. */
export function welcomeCard(pack: PackSummary): AdaptiveCardJson {
  return renderCard(welcomeTemplate, {
    organisation: pack.organisation,
    disclaimer: pack.disclaimer,
    emergencyBanner: emergencyBanner(pack.emergencyContacts),
  });
}

export function helpCard(pack: PackSummary): AdaptiveCardJson {
  return renderCard(helpTemplate, {
    commands: BOT_COMMANDS,
    disclaimer: pack.disclaimer,
    emergencyBanner: emergencyBanner(pack.emergencyContacts),
  });
}
