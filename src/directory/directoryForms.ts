/**
 * Reading the admin card's form as a person or a school: validated with the same zod schemas as the
 * directory tables and the YAML seed, with every problem reported against the form field it belongs to so
 * nothing typed is lost. Saving is directory/changeDirectory.ts's job (permission, write, audit).
 */
import type { ZodIssue } from 'zod';
import type { Directory } from './directory';
import { withoutInvisibleCharacters } from '../validation/formFields';
import { personSchema, schoolSchema, type Person, type School } from './schema';

/** The admin card's inputs (cards/directoryAdminCard.ts and templates/directoryAdmin.json). */
export const DIRECTORY_FORM_FIELDS = [
  'personName',
  'aadObjectId',
  'upn',
  'role',
  'school',
  'schoolName',
  'schoolId',
  'urn',
  'phase',
] as const;
export type DirectoryFormField = (typeof DIRECTORY_FORM_FIELDS)[number];
/** What was typed, by field; the same shape carries an error message per field. */
export type DirectoryForm = Partial<Record<DirectoryFormField, string>>;

export type FormResult = { ok: true; message: string } | { ok: false; errors: DirectoryForm };
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: DirectoryForm };

/** What was typed, without invisible characters such as bidi controls (names are also cleaned by the schema). */
const text = (value: string | undefined) => withoutInvisibleCharacters(value ?? '').trim();
const optional = (value: string | undefined) => (text(value) === '' ? undefined : text(value));

function fieldErrors(issues: ZodIssue[], fieldFor: Record<string, DirectoryFormField>): DirectoryForm {
  const errors: DirectoryForm = {};
  for (const issue of issues) {
    const field = fieldFor[String(issue.path[0] ?? '')];
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** The person the form describes, whose school (if any) must be in the directory. */
export function personFromForm(directory: Pick<Directory, 'school'>, form: DirectoryForm): Parsed<Person> {
  const candidate = {
    name: text(form.personName),
    aadObjectId: text(form.aadObjectId),
    upn: optional(form.upn),
    role: optional(form.role),
    school: optional(form.school),
  };
  const parsed = personSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      errors: fieldErrors(parsed.error.issues, {
        name: 'personName',
        aadObjectId: 'aadObjectId',
        upn: 'upn',
        role: 'role',
        school: 'school',
      }),
    };
  }
  if (parsed.data.school && !directory.school(parsed.data.school))
    return { ok: false, errors: { school: 'That school is not in the directory' } };
  return { ok: true, value: parsed.data };
}

export function schoolFromForm(form: DirectoryForm): Parsed<School> {
  const candidate = { id: text(form.schoolId), name: text(form.schoolName), urn: text(form.urn), phase: optional(form.phase) };
  const parsed = schoolSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error.issues, { id: 'schoolId', name: 'schoolName', urn: 'urn', phase: 'phase' }) };
  }
  return { ok: true, value: parsed.data };
}
