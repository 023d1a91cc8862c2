/**
 * What a referral form must contain, checked on the server whatever the card already checked (a card's own
 * validation can be bypassed, and Teams mobile ignores some of it). Fields follow what front doors ask for:
 * the child, the household, the concern, who else is involved, what the parents know, and the referrer.
 *
 * The field names are the card's input ids, so every problem is reported beside the input it belongs to.
 */
import { z } from 'zod';
import { firstErrorPerField, oneLine, withoutBlanks } from '../validation/formFields';
import type { ReferralKind } from './referralKinds';

const COMMON_FIELDS = [
  'childFirstName',
  'childLastName',
  'childDateOfBirth',
  'childAge',
  'childAddress',
  'childUpn',
  'household',
  'concernWhat',
  'concernWhen',
  'concernWhere',
  'childsWords',
  'triedSoFar',
  'professionals',
  'parentsAgree',
  'referrerPhone',
  'referrerEmail',
] as const;

export const FORM_FIELDS = {
  'early-help': [...COMMON_FIELDS, 'helpWanted'],
  'front-door': [...COMMON_FIELDS, 'parentsKnow', 'parentsNotToldReason'],
} as const satisfies Record<ReferralKind, readonly string[]>;

export type FormField = (typeof FORM_FIELDS)[ReferralKind][number];
/** What was typed, as the card sends it back: every field a string, empty when left blank. */
export type FormValues = Partial<Record<FormField, string>>;
export type FieldErrors = Partial<Record<FormField, string>>;

/** Longest text each field takes; the card's maxLength uses the same numbers. */
export const MAX_LENGTH: Record<FormField, number> = {
  childFirstName: 60,
  childLastName: 60,
  childDateOfBirth: 10,
  childAge: 2,
  childAddress: 300,
  childUpn: 13,
  household: 1000,
  concernWhat: 2500,
  concernWhen: 200,
  concernWhere: 200,
  childsWords: 1000,
  triedSoFar: 1500,
  professionals: 800,
  parentsAgree: 10,
  referrerPhone: 20,
  referrerEmail: 200,
  helpWanted: 1000,
  parentsKnow: 10,
  parentsNotToldReason: 500,
};

const text = (field: FormField, min: number, what: string) =>
  z.string({ required_error: what }).min(min, what).max(MAX_LENGTH[field], `Keep this under ${MAX_LENGTH[field]} characters`);
const optionalText = (field: FormField) => text(field, 1, '').optional();

const common = {
  childFirstName: text('childFirstName', 1, 'Enter the child’s first name'),
  childLastName: text('childLastName', 1, 'Enter the child’s last name'),
  childDateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of birth as a date')
    .optional(),
  childAge: z.coerce
    .number({ invalid_type_error: 'Enter the age in years, 0 to 18' })
    .int('Enter the age in whole years')
    .min(0, 'Enter the age in years, 0 to 18')
    .max(18, 'Enter the age in years, 0 to 18')
    .optional(),
  childAddress: text('childAddress', 5, 'Enter where the child lives (or “not known”)'),
  childUpn: z
    .string()
    .transform((upn) => upn.toUpperCase().replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[A-Z]\d{11}[0-9A-Z]$/, 'A UPN is a letter followed by 12 characters, e.g. A12345678901B'))
    .optional(),
  household: text('household', 2, 'Say who lives with the child and other important adults (or “not known”)'),
  concernWhat: text('concernWhat', 10, 'Describe the concern in a sentence or more'),
  concernWhen: text('concernWhen', 2, 'Say when this happened or was noticed'),
  concernWhere: text('concernWhere', 2, 'Say where this happened or was noticed'),
  childsWords: optionalText('childsWords'),
  professionals: optionalText('professionals'),
  referrerPhone: z
    .string({ required_error: 'Enter a phone number the council can call you back on' })
    .regex(/^\+?[0-9][0-9 ()-]{8,18}$/, 'Enter a phone number, e.g. 0121 496 0000'),
  referrerEmail: z.string().email('Enter a work email address').max(MAX_LENGTH.referrerEmail).optional(),
};

const earlyHelpSchema = z.object({
  ...common,
  triedSoFar: text('triedSoFar', 10, 'Say what the school has already tried: early help builds on it'),
  helpWanted: text('helpWanted', 10, 'Say what help you are asking for'),
  parentsAgree: z.literal('yes', {
    errorMap: () => ({
      message:
        'Early help needs the family’s agreement. If they have not agreed and you are worried about the child, consult the front door.',
    }),
  }),
});

const frontDoorSchema = z.object({
  ...common,
  triedSoFar: optionalText('triedSoFar'),
  parentsKnow: z.enum(['yes', 'no'], { errorMap: () => ({ message: 'Say whether the parents or carers know about this referral' }) }),
  parentsNotToldReason: optionalText('parentsNotToldReason'),
  parentsAgree: z.enum(['yes', 'no', 'not-asked'], { errorMap: () => ({ message: 'Say whether the parents or carers agree' }) }),
});

export type EarlyHelpForm = z.infer<typeof earlyHelpSchema>;
export type FrontDoorForm = z.infer<typeof frontDoorSchema>;
/** A checked form: what is sealed and stored as the referral's personal data. */
export type ReferralForm = EarlyHelpForm | FrontDoorForm;

export type FormCheck = { ok: true; form: ReferralForm } | { ok: false; errors: FieldErrors };

/**
 * Checks a submitted form. `today` (YYYY-MM-DD) is the council's calendar date, for the date-of-birth rules.
 * Blank fields count as not given; surrounding spaces are dropped.
 */
export function checkForm(kind: ReferralKind, values: FormValues, today: string): FormCheck {
  const schema = kind === 'early-help' ? earlyHelpSchema : frontDoorSchema;
  const given = withoutBlanks(values);
  const parsed = schema.safeParse(given);
  const errors: FieldErrors = parsed.success ? {} : firstErrorPerField<FormField>(parsed.error.issues);
  crossFieldErrors(kind, given, today, errors);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, form: parsed.data };
}

/** Picks this kind's fields out of a card submission, as strings, so they can be shown again unchanged. */
export function formValuesFrom(kind: ReferralKind, data: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    FORM_FIELDS[kind].map((field) => [field, typeof data[field] === 'string' ? (data[field] as string) : '']),
  ) as FormValues;
}

/**
 * The child's initials, which is all a list of referrals shows. Each is the first visible character (a whole
 * code point, so a name starting with an emoji or a four-byte letter is not cut in half), with invisible
 * characters such as U+202E dropped first, for referrals stored before the form removed them.
 */
export function childInitials(form: Pick<ReferralForm, 'childFirstName' | 'childLastName'>): string {
  const initial = (name: string) => Array.from(oneLine(name))[0] ?? '';
  return `${initial(form.childFirstName)}${initial(form.childLastName)}`.toUpperCase();
}

/** Rules that join two fields; `form` holds the fields as typed (blank ones left out). */
function crossFieldErrors(kind: ReferralKind, form: Record<string, string>, today: string, errors: FieldErrors): void {
  const dateOfBirth = form.childDateOfBirth;
  if (!dateOfBirth && form.childAge === undefined && !errors.childAge) {
    errors.childDateOfBirth ??= 'Enter the date of birth, or the age if you do not know it';
  }
  if (dateOfBirth && !errors.childDateOfBirth) {
    const problem = dateOfBirthProblem(dateOfBirth, today);
    if (problem) errors.childDateOfBirth = problem;
  }
  if (kind === 'front-door' && form.parentsKnow === 'no' && !form.parentsNotToldReason) {
    errors.parentsNotToldReason ??=
      'Say why the parents or carers have not been told (for example, telling them could put the child at risk)';
  }
}

function dateOfBirthProblem(dateOfBirth: string, today: string): string | undefined {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'That is not a real date';
  if (dateOfBirth > today) return 'The date of birth is in the future';
  const [thisYear] = today.split('-').map(Number);
  if (thisYear - year > 19) return 'This form is for children aged 0 to 18: check the year';
  return undefined;
}
