/**
 * Bidi controls and other invisible format characters are removed from every typed field on input: names
 * and initials, referral answers, updates and the directory (issue 11, item 6). A U+202E in a name makes it
 * read as something else; a zero-width space makes two names look the same.
 */
import { describe, expect, it } from 'vitest';
import { personSchema, schoolSchema, directoryFileSchema } from '../../src/directory/schema';
import { checkForm, childInitials, FORM_FIELDS } from '../../src/referrals/referralForm';
import { checkUpdate } from '../../src/updates/updateForm';
import { withoutInvisibleCharacters } from '../../src/validation/formFields';
import { validForm } from '../support/referralForms';

const BIDI_AND_INVISIBLE = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u0007',
];
/** "Jayden" with every one of them hidden inside. */
const SPIKED = `J${BIDI_AND_INVISIBLE.join('')}ayden`;
// eslint-disable-next-line no-control-regex -- the bell character is one of the hidden ones
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u061C\u2060\uFEFF\u00AD\u0007]/;

describe('invisible characters are removed on input', () => {
  it('from every answer of a referral form', () => {
    for (const kind of ['front-door', 'early-help'] as const) {
      const textFields = FORM_FIELDS[kind].filter(
        (field) =>
          !['childDateOfBirth', 'childAge', 'childUpn', 'parentsAgree', 'parentsKnow', 'referrerPhone', 'referrerEmail'].includes(field),
      );
      const spiked = Object.fromEntries(
        textFields.map((field) => [field, `\u202E${validForm(kind)[field] ?? 'Some words typed here'}\u2066`]),
      );
      const result = checkForm(
        kind,
        validForm(kind, { ...spiked, childFirstName: SPIKED, referrerPhone: '0121\u200B 496 0000' }),
        '2026-11-23',
      );
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(JSON.stringify(result.form)).not.toMatch(INVISIBLE);
      expect(result.form.childFirstName).toBe('Jayden');
      expect(result.form.referrerPhone).toBe('0121 496 0000');
    }
  });

  it('so the child’s initials are the first letters a reader sees, whole even when four bytes long', () => {
    expect(childInitials({ childFirstName: '\u202Eamy', childLastName: '\u200B\u2066okafor' })).toBe('AO');
    expect(childInitials({ childFirstName: '😀Amy', childLastName: '𝒜lice' })).toBe('😀𝒜');
  });

  it('from an update’s title and message', () => {
    const result = checkUpdate(
      {
        title: `Course \u202Efor ${SPIKED}`,
        message: 'Ten weekly sessions\u200F for parents\u2067.',
        category: 'course',
        audience: 'all',
        expiresOn: '2026-12-31',
      },
      '2026-11-23',
      [],
    );
    expect(result.ok && result.draft.title).toBe('Course for Jayden');
    expect(result.ok && result.draft.message).toBe('Ten weekly sessions for parents.');
  });

  it('from names in the directory, whether typed on the admin card or read from its file', () => {
    const person = personSchema.parse({
      name: `Alex\u202E ${SPIKED}\n Wilber`,
      aadObjectId: 'abc-123',
      role: 'dsl',
      school: 'sample-primary',
    });
    expect(person.name).toBe('Alex Jayden Wilber');
    expect(schoolSchema.parse({ id: 'oak', name: '\u202EOak\u200B Primary', urn: '123456', phase: 'primary' }).name).toBe('Oak Primary');
    const file = directoryFileSchema.parse({ schools: [], people: [{ name: 'Sam\u2068 Lee\u2069', aadObjectId: 'x1', role: 'admin' }] });
    expect(file.people[0].name).toBe('Sam Lee');
  });

  it('a directory name made only of invisible characters, or too long for a card, is refused', () => {
    expect(personSchema.safeParse({ name: '\u202E\u200B\u2066', aadObjectId: 'abc', role: 'admin' }).success).toBe(false);
    expect(personSchema.safeParse({ name: 'A'.repeat(101), aadObjectId: 'abc', role: 'admin' }).success).toBe(false);
  });

  it('keeps what a name or message needs: line breaks, tabs, emoji sequences and joiners, and flags', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const kept = `Line one\n\tLine two 👩‍👧 می‌خواهم ${england}`;
    expect(withoutInvisibleCharacters(kept)).toBe(kept);
    expect(withoutInvisibleCharacters('a\r\nb\u2028c')).toBe('a\nb\nc');
    expect(withoutInvisibleCharacters('hidden\u{E0041}\u{E0042} tags')).toBe('hidden tags');
  });
});
