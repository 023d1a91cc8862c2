/**
 * Turning the admin card's form into directory changes: validated with the same zod schemas as the YAML
 * file, with every problem reported against the form field it belongs to so nothing typed is lost.
 */
import type { ZodIssue } from 'zod';
import type { DirectoryForm, DirectoryFormField } from '../cards/directoryAdminCard';
import type { Directory } from './directory';
import { withoutInvisibleCharacters } from '../validation/formFields';
import { personSchema, schoolSchema } from './schema';

export type FormResult = { ok: true; message: string } | { ok: false; errors: DirectoryForm };

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

export async function addPersonFromForm(directory: Directory, form: DirectoryForm): Promise<FormResult> {
  const candidate = { name: text(form.personName), aadObjectId: text(form.aadObjectId), upn: optional(form.upn), role: optional(form.role), school: optional(form.school) };
  const parsed = personSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error.issues, { name: 'personName', aadObjectId: 'aadObjectId', upn: 'upn', role: 'role', school: 'school' }) };
  }
  if (parsed.data.school && !directory.school(parsed.data.school)) return { ok: false, errors: { school: 'That school is not in the directory' } };
  const existed = directory.findPerson(parsed.data.aadObjectId) !== undefined;
  await directory.addPerson(parsed.data);
  return { ok: true, message: `${existed ? 'Updated' : 'Added'} ${parsed.data.name}.` };
}

export async function addSchoolFromForm(directory: Directory, form: DirectoryForm): Promise<FormResult> {
  const candidate = { id: text(form.schoolId), name: text(form.schoolName), urn: text(form.urn), phase: optional(form.phase) };
  const parsed = schoolSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error.issues, { id: 'schoolId', name: 'schoolName', urn: 'urn', phase: 'phase' }) };
  }
  await directory.addSchool(parsed.data);
  return { ok: true, message: `Added ${parsed.data.name}.` };
}
