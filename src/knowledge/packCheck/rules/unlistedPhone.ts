/**
 * unlisted-phone: a number typed into an answer escapes every check made on contacts.yaml (source, verified,
 * note), and a wrong number on a card can send a worried DSL nowhere. Numbers belong in contacts.yaml;
 * the answer lists the contact's id. A number written in the text must be one of those contacts' numbers.
 */
import type { Finding, PackRule } from '../finding';

export const unlistedPhone: PackRule = (pack) => {
  const listed = new Set(pack.contacts.flatMap((contact) => (contact.phone ? [digitsOf(contact.phone)] : [])));
  return pack.answers.flatMap((answer) =>
    [...new Set(phoneNumbersIn(`${answer.summary}\n${answer.body}`))]
      .filter((phone) => !listed.has(digitsOf(phone)))
      .map(
        (phone): Finding => ({
          severity: 'error',
          file: answer.file,
          rule: 'unlisted-phone',
          message: `"${phone}" is not the number of any contact in contacts.yaml: add the contact there (with its source) and list its id under contacts, or correct the number.`,
        }),
      ),
  );
};

/** Digits only, with +44 written as the leading 0, so "0121 788 4300" and "+44 121 788 4300" compare equal. */
export function digitsOf(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+44') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
}

/**
 * UK numbers as people write them: a leading 0 (or +44) and groups of three or more digits, 8 to 11 digits
 * in all (0800 1111 has 8); and the short codes 999, 101, 111, 112, 105, 119 and 116 xxx. A number must not
 * touch other digits or a decimal point, so dates, years, sums of money and "45 working days" stay out.
 */
export function phoneNumbersIn(text: string): string[] {
  return [...longNumbersIn(text), ...shortCodesIn(text)];
}

const LONG_NUMBER = /(?<![\d£$.,:/-])(?:\+44\s?(?:\(0\)\s?)?|0)\d+(?:[ -]\d{3,})*/g;

function longNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(LONG_NUMBER)) {
    const written = trimToElevenDigits(match[0]);
    const length = digitsOf(written).length;
    if (length >= 8 && length <= 11) found.push(written);
  }
  return found;
}

/** Drops trailing groups until the number has at most 11 digits: "0121 788 4300 123" is a number and a count. */
function trimToElevenDigits(written: string): string {
  let groups = written.split(/[ -]/);
  while (groups.length > 1 && digitsOf(groups.join(' ')).length > 11) groups = groups.slice(0, -1);
  return written.startsWith('+44') ? written : groups.join(' ');
}

const SHORT_CODE = /(?<![\w£$.,:/-])(999|101|111|112|105|119|116 ?\d{3})(?![\w%]|[.,:/-]\d)/g;
/** Words that, just before a number, make it a section, page or paragraph rather than a phone number. */
const NUMBER_NOT_PHONE_BEFORE = /\b(section|sections|s|paragraph|paragraphs|para|page|pages|part|annex|chapter|rule|article|regulation|clause|step|no|number of|about|over|under|than)\s*$/i;
/** Words that, just after a number, make it a count or a duration. */
const NUMBER_NOT_PHONE_AFTER = /^\s*(days?|working|hours?|years?|weeks?|months?|minutes?|per ?cent|percent|pupils|children|schools|people|staff|times)\b/i;

function shortCodesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SHORT_CODE)) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 20);
    if (!NUMBER_NOT_PHONE_BEFORE.test(before) && !NUMBER_NOT_PHONE_AFTER.test(after)) found.push(match[0]);
  }
  return found;
}
