/**
 * What an early-help update must contain, checked on the server whether it came from the Teams form or
 * from the updates API. Field names are the card's input ids, so each problem shows beside its input.
 *
 * Links are https only, in the link field and in the message: an http link can be changed on the way, and a
 * tel:, javascript: or data: link can dial, run or show something other than its text says.
 */
import { z } from 'zod';
import { firstErrorPerField, withoutBlanks } from '../validation/formFields';
import { isHttpsAddress, nonHttpsLinks } from '../validation/markdownLinks';
import { AUDIENCE_CHOICES, UPDATE_CATEGORIES, type Audience, type UpdateCategory } from './updateCategories';

export const UPDATE_FIELDS = ['title', 'message', 'category', 'audience', 'schools', 'link', 'expiresOn'] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];
export type UpdateValues = Partial<Record<UpdateField, string>>;
export type UpdateErrors = Partial<Record<UpdateField, string>>;

export const UPDATE_MAX_LENGTH = { title: 120, message: 2000, link: 500 };

export interface UpdateDraft {
  title: string;
  message: string;
  category: UpdateCategory;
  audience: Audience;
  link?: string;
  /** YYYY-MM-DD: not posted after this day. */
  expiresOn: string;
}

const schema = z.object({
  title: z
    .string({ required_error: 'Give the update a title' })
    .min(3, 'Give the update a title')
    .max(UPDATE_MAX_LENGTH.title, `Keep the title under ${UPDATE_MAX_LENGTH.title} characters`),
  message: z
    .string({ required_error: 'Write the message' })
    .min(10, 'Write the message')
    .max(UPDATE_MAX_LENGTH.message, `Keep the message under ${UPDATE_MAX_LENGTH.message} characters`)
    .superRefine((message, ctx) => {
      const refused = nonHttpsLinks(message);
      if (refused.length > 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: linksRefused(refused) });
    }),
  category: z.enum(UPDATE_CATEGORIES, { errorMap: () => ({ message: 'Choose a category' }) }),
  audience: z.enum(AUDIENCE_CHOICES, { errorMap: () => ({ message: 'Choose who it is for' }) }),
  schools: z.string().optional(),
  link: z
    .string()
    .max(UPDATE_MAX_LENGTH.link)
    .regex(/^https:\/\/[^\s]+$/, 'A link must be a full https:// address')
    .refine(isHttpsAddress, 'A link must be a full https:// address')
    .optional(),
  expiresOn: z.string({ required_error: 'Choose when the update stops being relevant' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date'),
});

export type UpdateCheck = { ok: true; draft: UpdateDraft } | { ok: false; errors: UpdateErrors };

/**
 * Checks an update. `today` is the council's date (YYYY-MM-DD); `schoolIds` the schools in the directory,
 * for an update sent to chosen schools (given as a comma-separated list, as a multi-select card sends it).
 */
export function checkUpdate(values: UpdateValues, today: string, schoolIds: readonly string[]): UpdateCheck {
  const given = withoutBlanks(values);
  const parsed = schema.safeParse(given);
  const errors: UpdateErrors = parsed.success ? {} : firstErrorPerField<UpdateField>(parsed.error.issues);
  const chosen = (given.schools ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (given.audience === 'chosen') {
    if (chosen.length === 0) errors.schools = 'Choose at least one school';
    else if (chosen.some((id) => !schoolIds.includes(id))) errors.schools = 'One of those schools is not in the directory';
  }
  if (given.expiresOn && !errors.expiresOn) {
    if (given.expiresOn < today) errors.expiresOn = 'That date has passed';
    else if (given.expiresOn > addYear(today)) errors.expiresOn = 'Choose a date within a year';
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { title, message, category, audience, link, expiresOn } = parsed.data;
  return { ok: true, draft: { title, message, category, audience: audienceFrom(audience, chosen), link, expiresOn } };
}

/** Picks the update's fields out of a card submission, as strings, so they can be shown again unchanged. */
export function updateValuesFrom(data: Record<string, unknown>): UpdateValues {
  return Object.fromEntries(
    UPDATE_FIELDS.map((field) => [field, typeof data[field] === 'string' ? (data[field] as string) : '']),
  ) as UpdateValues;
}

/** Names the first refused link (shortened), so the author can find it in a long message. */
function linksRefused(targets: string[]): string {
  const first = targets[0] === '' ? 'an empty link' : `“${targets[0].length > 60 ? `${targets[0].slice(0, 60)}…` : targets[0]}”`;
  const more = targets.length > 1 ? ` and ${targets.length - 1} more` : '';
  return `Links must be full https:// addresses: change or remove ${first}${more}. Phone numbers can be written out as text.`;
}

function audienceFrom(choice: (typeof AUDIENCE_CHOICES)[number], schools: string[]): Audience {
  if (choice === 'all') return { type: 'all' };
  if (choice === 'chosen') return { type: 'schools', schools };
  return { type: 'phase', phase: choice };
}

function addYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}
