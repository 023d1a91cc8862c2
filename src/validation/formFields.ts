/**
 * Helpers for checking a card form with zod: blank inputs count as not given, and each zod problem is
 * reported against the input it belongs to (the first one per input), so the card can show it beside it.
 * Also where typed text loses the invisible characters that could make it look like something else.
 */
import type { ZodIssue } from 'zod';

/**
 * The form's values with invisible characters removed (see below), surrounding spaces dropped and blank
 * ones left out. Every card form goes through here, so no typed field keeps a bidi control.
 */
export function withoutBlanks(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([field, value]) => [field, typeof value === 'string' ? withoutInvisibleCharacters(value).trim() : value])
      .filter(([, value]) => typeof value === 'string' && value !== ''),
  ) as Record<string, string>;
}

export function firstErrorPerField<Field extends string>(issues: ZodIssue[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as Field;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * Characters that change how text is shown without being seen: bidi controls (U+202E turns "gpj.exe" into
 * "exe.jpg"), zero-width spaces, word joiners, byte-order marks, soft hyphens, interlinear annotations and
 * control characters. A name or a note carries none of them for a good reason, and they let one string look
 * like another, so every typed field loses them on input. Kept on purpose: tab and newline; U+200C/U+200D
 * (zero-width non-joiner and joiner), which Persian, Indic scripts and emoji sequences (woman + ZWJ + girl) need;
 * and tag characters after U+1F3F4, which spell out a flag emoji such as England's.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]/gu;

/** The text with invisible format characters removed and every line break written as "\n". */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE, '');
}

/** For one-line values such as names: invisible characters removed, and runs of spaces or line breaks made one space. */
export function oneLine(text: string): string {
  return withoutInvisibleCharacters(text).replace(/\s+/g, ' ').trim();
}
