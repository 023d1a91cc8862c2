import type { Person, School } from '../directory/schema';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/schoolPeople.json';
import { roleName } from './whoamiCard';

/** Who at one school can use the assistant, and in which role. */
export function schoolPeopleCard(school: School, people: Person[]): AdaptiveCardJson {
  return renderCard(template, {
    schoolName: school.name,
    count: people.length,
    people: people.map((person) => ({ name: person.name, roleName: roleName(person.role) })),
  });
}
