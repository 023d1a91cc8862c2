import type { Person, School } from '../directory/schema';
import { plainText } from './plainText';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/schoolPeople.json';
import { roleName } from './whoamiCard';

/** Who at one school can use the assistant, and in which role. Names come from the directory: plain text. */
export function schoolPeopleCard(school: School, people: Person[]): AdaptiveCardJson {
  return renderCard(template, {
    schoolName: plainText(school.name),
    count: people.length,
    people: people.map((person) => ({ name: plainText(person.name), roleName: roleName(person.role) })),
  });
}
