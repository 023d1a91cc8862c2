/**
 * Early-help updates keep the formatting their authors are meant to have, with https links only (issue 11):
 * a non-https link in the message or the link field is refused by the form with a clear message and the
 * form comes back with what was typed; images and HTML in a message are neutralised on the card.
 */
import { describe, expect, it } from 'vitest';
import { updateFormCard, updatePostCard } from '../../src/cards/updateCards';
import { checkUpdate, type UpdateValues } from '../../src/updates/updateForm';

const TODAY = '2026-11-23';
const values = (overrides: UpdateValues = {}): UpdateValues => ({
  title: 'Parenting course: spring places',
  message: 'Ten weekly sessions for parents, starting 12 January.',
  category: 'course',
  audience: 'all',
  link: 'https://example.org/course',
  expiresOn: '2026-12-31',
  ...overrides,
});
const check = (overrides: UpdateValues) => checkUpdate(values(overrides), TODAY, ['sample-primary']);
const errorsOf = (overrides: UpdateValues) => {
  const result = check(overrides);
  return result.ok ? {} : result.errors;
};

const post = (message: string, link: string | null = null) =>
  updatePostCard(
    { title: 'A course', message, category: 'course', link, expiresOn: '2026-12-31', authorName: 'Pat Jones, early help' },
    'Europe/London',
  );
const messageText = (message: string) => (post(message).body as Array<{ text: string }>)[2].text;

describe('links in an update are https only', () => {
  it.each([
    ['an http link', 'Details: [the course](http://example.org/course).'],
    ['a tel: link', 'Book a place: [Call the front door](tel:+447700900123).'],
    ['a javascript: link', 'Read more [here](javascript:alert(document.cookie)).'],
    ['a data: link', 'Read more [here](data:text/html;base64,PHNjcmlwdD4=).'],
    ['a relative link', 'Read more [here](/course) please.'],
    ['an entity-disguised link', 'Read more [here](&#104;ttps://evil.example) please.'],
    ['an http autolink', 'Read more at <http://example.org/course> please.'],
    ['a tel: reference link', 'Book a [place][1] now.\n\n[1]: tel:+447700900123'],
    ['a bare http address', 'Read more at http://example.org/course please.'],
    ['a bare www address', 'Read more at www.example.org/course please.'],
  ])('a message with %s is refused with a clear message', (_name, message) => {
    expect(errorsOf({ message }).message).toMatch(/^Links must be full https:\/\/ addresses: change or remove /);
  });

  it('the refusal names the link, so it can be found in a long message', () => {
    expect(errorsOf({ message: 'See [the course](http://example.org/course) and [this](tel:+447700900123).' }).message).toBe(
      'Links must be full https:// addresses: change or remove “http://example.org/course” and 1 more. Phone numbers can be written out as text.',
    );
  });

  it.each([
    ['an https link', 'Details: [the course](https://example.org/course).'],
    ['a bare https address', 'Details at https://example.org/course.'],
    ['bold, italics, a list and paragraphs', '**New:** _spring_ places.\n\n- Tuesdays\n- Thursdays\n\n1. Book\n2. Come'],
    ['a phone number written as text', 'Tel: 0121 496 0000, or email courses@example.org.'],
  ])('a message with %s is accepted', (_name, message) => {
    expect(check({ message }).ok).toBe(true);
  });

  it.each([
    'http://example.org/course',
    'tel:+447700900123',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://',
    'https:///path',
    'ftp://example.org',
  ])('the link field refuses %s', (link) => {
    expect(errorsOf({ link }).link).toBe('A link must be a full https:// address');
  });

  it('a refused form comes back with everything typed kept and the reason beside the message', () => {
    const typed = values({ message: 'Book: [Call the front door](tel:+447700900123)', link: 'http://example.org' });
    const result = checkUpdate(typed, TODAY, []);
    expect(result.ok).toBe(false);
    const card = updateFormCard({ schools: [], today: TODAY, values: typed, errors: result.ok ? {} : result.errors });
    const body = card.body as Array<{ id?: string; value?: string; text?: string }>;
    expect(body.find((element) => element.id === 'message')?.value).toBe(typed.message);
    expect(body.find((element) => element.id === 'link')?.value).toBe('http://example.org');
    const shown = body
      .map((element) => element.text ?? '')
      .join('\n')
      .replace(/\u200B/g, '');
    expect(shown).toContain('Links must be full https:// addresses: change or remove “tel:+447700900123”');
    expect(shown).toContain('A link must be a full https:// address');
  });
});

describe('an update post keeps its author’s formatting and nothing else', () => {
  it('keeps bold, italics, lists, paragraphs and https links as written', () => {
    const message = '**New:** _spring_ places.\n\n- Tuesdays\n- Thursdays\n\nBook at [our page](https://example.org/course).';
    expect(messageText(message)).toBe(message);
  });

  it('turns a heading into a bold line, as pack answers do', () => {
    expect(messageText('# Spring courses\n\nBook now.')).toBe('**Spring courses**\n\nBook now.');
  });

  it.each([
    ['an image', '![t](https://evil.example/p.png)', /!\[[^\]]*\]\(/],
    ['an HTML image', '<img src=https://evil.example/x>', /<img/],
    ['a Teams mention', '<at>Alex</at>', /<at>/],
    ['an entity', '&lt;b&gt;', /&lt;/],
    ['a tel: link stored before the rule', '[Call the front door](tel:+447700900123)', /\]\(tel:/],
    ['a reference definition', '[click][1]\n\n[1]: tel:+447700900123', /^\[1\]:/m],
  ])('neutralises %s, keeping its words', (_name, message, live) => {
    const shown = messageText(`Read this: ${message}`);
    expect(shown).not.toMatch(live);
    expect(shown.replace(/\u200B/g, '')).toBe(`Read this: ${message}`);
  });

  it('leaves off a "Find out more" link that is not https (a row stored before the rule)', () => {
    expect(JSON.stringify(post('Book now, places are limited.', 'http://example.org/course'))).not.toContain('Find out more');
    expect(JSON.stringify(post('Book now, places are limited.', 'https://example.org/course'))).toContain(
      '"url":"https://example.org/course"',
    );
  });
});
