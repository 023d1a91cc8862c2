/**
 * How a message typed in Teams is turned into the pack's words: HTML and mentions, text-speak, spellings,
 * and acronyms that are also English words (SEND against "sending").
 */
import { describe, expect, it } from 'vitest';
import { acronymMeaning, normaliseMessage, normaliseTeamsText, plainTeamsText } from '../../src/knowledge/textNormaliser';

describe('normaliseTeamsText', () => {
  it.each([
    ['HTML entities', 'mum&#39;s boyfriend &amp; her brother', 'mum boyfriend her brother'],
    ['numeric hex entities', 'don&#x27;t know', 'dont know'],
    ['a Teams mention of the bot, name and all', '<at>Safeguarding Assistant</at> what is neglect', 'what is neglect'],
    ['other markup', '<p>what is <b>neglect</b></p>', 'what is neglect'],
    ['school years', 'y9 girl and yr 10 boy, Year11 lad', 'pupil girl and pupil boy pupil lad'],
    ['ages', 'a 4yo and a 6 yr old', 'a child and a child'],
    ['text-speak', 'pls can u tell me b4 tmrw coz strat mtg', 'can you tell me before tomorrow because strat meeting'],
    ['American spellings', 'behavior and radicalization', 'behaviour and radicalisation'],
    ['misspellings staff make', 'do i need parnets concent for a refferal', 'do i need parents consent for a referral'],
    ['family words', 'her nan and stepdad', 'her grandparent and stepfather'],
  ])('handles %s', (_name, input, expected) => {
    expect(normaliseTeamsText(input)).toBe(expected);
  });

  it('reads SEND in capitals as the acronym but drops the verb send, sending and sent', () => {
    expect(normaliseTeamsText('are SEND pupils more at risk')).toBe('are send pupils more at risk');
    expect(normaliseTeamsText('sending a referral to mash, sent it yesterday')).toBe('a referral to mash it yesterday');
    expect(normaliseTeamsText('Send the file to the new school')).toBe('the file to the new school');
  });

  it('still reads lower-case "send" as the acronym before a word like pupils', () => {
    expect(normaliseTeamsText('send kids and abuse')).toBe('send kids and abuse'.replace('kids', 'children'));
  });

  it('reads TA, HT and PE as acronyms only in capitals', () => {
    expect(normaliseTeamsText('the TA said')).toBe('the teaching assistant said');
    expect(normaliseTeamsText('ta for that')).toBe('ta for that');
    expect(normaliseTeamsText('in PE today')).toBe('in physical education today');
  });

  it('keeps acronyms as words and knows what they stand for', () => {
    expect(normaliseTeamsText('CIN or CP?')).toBe('cin or cp');
    expect(acronymMeaning('cin')).toBe('child in need');
    expect(acronymMeaning('sw')).toBe('social worker');
    expect(acronymMeaning('pa')).toBe('persistent absence');
    expect(acronymMeaning('ehe')).toBe('elective home education');
    expect(acronymMeaning('neglect')).toBeUndefined();
  });

  it('never lets through characters Lunr reads as syntax, and ignores object property names', () => {
    expect(normaliseTeamsText('fgm^2 a:b *~+-')).toBe('fgm 2 a b');
    expect(normaliseTeamsText('constructor toString __proto__')).toBe('constructor tostring proto');
  });

  it('reads only the first 2,000 characters', () => {
    expect(normaliseTeamsText(`neglect ${'x'.repeat(5000)} abuse`)).not.toContain('abuse');
  });
});

describe('one normaliser, two forms', () => {
  it('cleans Teams markup the same way for search and for urgency', () => {
    const raw = '<at>Safeguarding assistant</at> &lt;at&gt;Bot&lt;/at&gt; TA hit him&nbsp;&amp; mum&#8217;s bf';
    expect(plainTeamsText(raw).replace(/\s+/g, ' ').trim()).toBe('TA hit him & mum’s bf');
    expect(normaliseTeamsText(raw)).toBe('teaching assistant hit him mum boyfriend');
    expect(normaliseMessage(raw)).toBe("teaching assistant hit him & mum's boyfriend");
  });

  it('keeps what urgency needs (punctuation, apostrophes, the year) and what search needs (the pack words)', () => {
    expect(normaliseMessage("Y9 says he won't go home, no marks")).toBe("year 9 says he won't go home, no marks");
    expect(normaliseTeamsText("Y9 says he won't go home, no marks")).toBe('pupil says he wont go home no marks');
  });
});
