/**
 * Search on messages nobody wrote next to the answers: stories about a child, two questions in one,
 * messages that are not about safeguarding, and acronyms that are also words. Runs on the real pack.
 */
import { describe, expect, it } from 'vitest';
import { questionParts } from '../../src/knowledge/compoundQuestions';
import { prepareQuery } from '../../src/knowledge/searchQuery';
import { situationsIn } from '../../src/knowledge/situationRouting';
import { normaliseTeamsText } from '../../src/knowledge/textNormaliser';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const rank = (question: string) => knowledge.search(question).hits.map((hit) => hit.answer.id);

describe('a story reaches the answer for its situation, not the one sharing most words', () => {
  it.each([
    ['yr 7 boy came in with a black eye, says his uncle did it and he is collecting him later', 'physical-abuse-injuries'],
    ['yr 10 lad has 2 phones and wads of cash, keeps disappearing for days', 'criminal-exploitation-county-lines'],
    ['parents are in a nasty divorce and keep using him as a messenger, he cries every morning', 'emotional-abuse'],
    ['a child told me her stepdad comes into her room at night', 'sexual-abuse-disclosure'],
    ['DSL is out today and a child has just told me something worrying', 'dsl-not-here-anyone-can-refer'],
    ["a mum at pick-up said she's been getting hurt by her partner for months", 'domestic-abuse'],
    ['sixth former has been telling friends he wants to travel to iraq to join fighters he talks to online', 'radicalisation-prevent'],
    ['a year 3 went missing from the school trip to the zoo this afternoon', 'child-missing-from-school'],
  ])('%s', (story, expectedId) => {
    expect(rank(story)[0]).toBe(expectedId);
  });

  it('lets the question decide over the story around it', () => {
    expect(rank('police ringing asking for pupil info - ok to give it over the phone?')[0]).toBe('information-sharing-and-data-protection');
    expect(rank('i think the head is covering up a safeguarding issue, where can i go')[0]).toBe('whistleblowing');
    expect(rank('social worker has invited me to a strat discussion tomorrow, what is it for')[0]).toBe('strategy-discussion-s47');
    expect(rank('our deputy dsl needs to update her training, how often is that')[0]).toBe('dsl-training');
    expect(rank('what does the lado actually do')[0]).toBe('allegations-against-staff-lado');
  });

  it('reads "the difference between" as part of the question, not as a word to match', () => {
    expect(rank('difference between a child in need plan and a child protection plan?')[0]).toBe('child-in-need-vs-child-protection');
  });

  it('reads Teams markup and entities', () => {
    expect(rank('<at>Safeguarding Assistant</at> what&#39;s a LADO?')[0]).toBe('allegations-against-staff-lado');
  });

  it('does not read a procedural question as a story about a child', () => {
    expect(situationsIn(normaliseTeamsText('what training does the DSL need'))).toEqual([]);
  });
});

describe('two questions in one message', () => {
  it('splits at a second question but not at an ordinary "and"', () => {
    expect(questionParts("when's the review conference and do i need to write a report for it")).toEqual([
      "when's the review conference",
      'do i need to write a report for it',
    ]);
    expect(questionParts('whats a low level concern? also who is the LADO')).toHaveLength(2);
    expect(questionParts('mum and dad are arguing and shouting')).toEqual(['mum and dad are arguing and shouting']);
    expect(questionParts('what is neglect? why?')).toEqual(['what is neglect? why?']);
  });

  it('answers both parts, best first', () => {
    const hits = rank('whats a low level concern? also how do i contact the LADO');
    expect(hits[0]).toBe('low-level-concerns');
    expect(hits.slice(0, 3)).toContain('allegations-against-staff-lado');
  });
});

describe('messages that are not about safeguarding get "no good match"', () => {
  it.each([
    'what time is the staff meeting tmrw',
    'can u write me a yr 4 lesson plan on fractions',
    'How many days of annual leave are support staff entitled to?',
    'printer in the staffroom is jammed again',
    'when is parents evening for year 9',
    'translate this letter into polish for me pls: dear parents, school photos are on monday',
    'can you book me a meeting room for thursday',
    'who marks the year 11 mocks',
    'can you cover my year 10 class period 4 on friday',
    "who's sorting the staff christmas party this year",
    'is there a risk assessment template for the year 6 residential trip',
    'when is the year 2 phonics screening',
    'what is the deadline for the exam board entries for year 13',
    'can anyone recommend a coach hire firm for the year 8 trip to the coast',
    'forecast says heavy snow, are we closing the school tomorrow?',
    'outlook keeps crashing when i open attachments, how do i fix it',
    'an elderly man at my church says his nephew is taking his pension, who do I tell?',
    'a learner in my adult education evening class says her husband controls all her money',
  ])('%s', (message) => {
    expect(rank(message)).toEqual([]);
  });

  it('still answers a concern that mentions school admin', () => {
    expect(rank('mum told me at parents evening that her partner controls all the money and hits her')[0]).toBe('domestic-abuse');
    expect(rank('a teacher hit a pupil in the staff meeting room')).toContain('allegations-against-staff-lado');
    expect(rank('on the school trip a year 6 told me her stepdad hits her')[0]).toBe('physical-abuse-injuries');
    expect(rank('what checks do parent volunteers need before the year 4 residential trip')).toContain('safer-recruitment');
    expect(rank('my elderly nan looks after my year 2 son after school and smacks him')).not.toEqual([]);
  });
});

describe('acronyms that are also words', () => {
  it('does not answer about SEND when someone is sending something', () => {
    const SEND_ANSWERS = ['disabled-children-send', 'send-local-offer'];
    expect(rank('sending the file to the new school').filter((id) => SEND_ANSWERS.includes(id))).toEqual([]);
    expect(rank('can I send a letter home about a bruise')[0]).toBe('physical-abuse-injuries');
  });

  it('answers about SEND when it is written as the acronym', () => {
    expect(rank('are SEND pupils more at risk of abuse').slice(0, 2)).toContain('disabled-children-send');
  });

  it('gives an acronym the weight of one word, however long its meaning', () => {
    // "dsl" stands for three words; together they weigh about 1.7 words, not 3, against "strat" (strategy).
    const { meanings } = prepareQuery('can the strat go ahead without the DSL', knowledge.pack.glossary);
    const boost = (word: string) => meanings.find((meaning) => meaning.word === word)?.boost;
    expect(boost('strategy')).toBe(1);
    expect(3 * boost('designated')!).toBeCloseTo(Math.sqrt(3));
  });
});
