/**
 * The admin's directory card: schools and people, with forms to add them. Names and school names are shown
 * as plain text (see plainText.ts); the form's inputs get back exactly what the admin typed.
 */
import { DIRECTORY_FORM_FIELDS, type DirectoryForm, type DirectoryFormField } from '../directory/directoryForms';
import type { DirectoryData } from '../directory/schema';
import { ROLES } from '../directory/schema';
import { noticeView, type CardNotice } from './cardNotice';
import { plainText } from './plainText';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/directoryAdmin.json';
import { roleName } from './whoamiCard';

/** Keeps the card far below the Teams size limit in a large council; the YAML file holds everyone. */
const MAX_PEOPLE_SHOWN = 60;

export interface DirectoryCardState {
  /** What the admin typed, put back into the form when it is shown again with errors. */
  form?: DirectoryForm;
  errors?: DirectoryForm;
  notice?: CardNotice;
}

export function directoryAdminCard(directory: DirectoryData, state: DirectoryCardState = {}): AdaptiveCardJson {
  const schoolName = new Map(directory.schools.map((school) => [school.id, school.name]));
  const blank = Object.fromEntries(DIRECTORY_FORM_FIELDS.map((field) => [field, ''])) as Record<DirectoryFormField, string>;
  return renderCard(template, {
    hasNotice: state.notice !== undefined,
    ...noticeView(state.notice),
    schoolCount: directory.schools.length,
    schools: directory.schools.map((school) => {
      const count = directory.people.filter((p) => p.school === school.id).length;
      return { ...school, name: plainText(school.name), peopleLabel: count === 1 ? '1 person' : `${count} people` };
    }),
    peopleCount: directory.people.length,
    peopleShownNote: directory.people.length > MAX_PEOPLE_SHOWN ? `, first ${MAX_PEOPLE_SHOWN} shown` : '',
    people: directory.people.slice(0, MAX_PEOPLE_SHOWN).map((person) => ({
      name: plainText(person.name),
      aadObjectId: person.aadObjectId,
      roleName: roleName(person.role),
      schoolName: person.school ? plainText(schoolName.get(person.school) ?? person.school) : 'Council-wide',
    })),
    roleChoices: ROLES.map((role) => ({ title: roleName(role), value: role })),
    form: { ...blank, ...state.form },
    errors: { ...blank, ...state.errors },
  });
}
