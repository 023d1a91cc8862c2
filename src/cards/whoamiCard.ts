import type { Person, School } from '../directory/schema';
import { plainText } from './plainText';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/whoami.json';

const ROLE_NAMES: Record<Person['role'], string> = {
  dsl: 'Designated safeguarding lead',
  'deputy-dsl': 'Deputy designated safeguarding lead',
  headteacher: 'Headteacher',
  staff: 'School staff',
  'early-help': 'Early help (council)',
  'front-door': 'Front door / MASH (council)',
  admin: 'Administrator (council)',
};

export function roleName(role: Person['role']): string {
  return ROLE_NAMES[role];
}

export function whoamiCard(person: Person | undefined, school: School | undefined, accessHelp: string): AdaptiveCardJson {
  return renderCard(template, {
    known: person !== undefined,
    // Names come from the directory, typed by an admin: shown as plain text.
    name: plainText(person?.name ?? ''),
    role: person ? roleName(person.role) : '',
    school: plainText(school?.name ?? 'Council-wide'),
    accessHelp,
  });
}
