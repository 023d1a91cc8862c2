import { describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/answers/answerService';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const answers = new AnswerService(knowledge);

const BAD_INPUTS: Array<[string, string]> = [
  ['empty', ''],
  ['only spaces', '   \n\t '],
  ['20,000 characters', 'neglect '.repeat(2500)],
  ['only punctuation', '?!?!...,,;;'],
  ['only emoji', '😀🙈🧒🏽'],
  ['Lunr syntax characters', '* : ~ ^ + -'],
  ['a lone wildcard', '*'],
  ['field syntax', 'title:neglect body:abuse^10 fgm~2 +lado -mash'],
  ['Markdown', '# Heading **bold** [link](http://x) `code`'],
  ['HTML', '<script>alert(1)</script><b>neglect</b>'],
  ['another language', 'Mon enfant est en danger à la maison'],
  ['another script', 'طفل في خطر'],
];

describe('bad input never breaks a reply', () => {
  it.each(BAD_INPUTS)('%s gives a card, not an error', (_label, input) => {
    const reply = answers.reply(input);
    expect(reply.card.type).toBe('AdaptiveCard');
    expect(JSON.stringify(reply.card)).toContain('999');
  });

  it('a lone "*" is not treated as "match everything"', () => {
    expect(knowledge.search('*').hits).toEqual([]);
  });

  it('Lunr syntax in a real question is read as words', () => {
    expect(knowledge.search('title:neglect').hits[0]?.answer.id).toBe('neglect');
  });

  it('HTML is stripped, not searched as tags', () => {
    expect(knowledge.search('<b>neglect</b>').hits[0]?.answer.id).toBe('neglect');
  });

  it('a long story still finds its answer', () => {
    const story = `${'We have been a bit worried about him this term. '.repeat(50)}He says dad hits mum and the police came.`;
    expect(knowledge.search(story.slice(-2000)).hits.map((h) => h.answer.id)).toContain('domestic-abuse');
  });
});
