/**
 * A question runs Lunr once: a two-part question's parts are ranked from the same results, a typo's
 * fuzzy variants are part of that one query, and a card opened by id ("related" buttons) takes its related
 * answers from a list searched once per answer. Runs on the real pack.
 */
import { describe, expect, it, vi } from 'vitest';
import { AnswerService } from '../../src/answers/answerService';
import { realKnowledgeBase } from '../support/knowledge';

function countingQueries() {
  const knowledge = realKnowledgeBase();
  const query = vi.spyOn(knowledge.index, 'query');
  return { knowledge, query };
}

describe('one search per question', () => {
  it.each([
    'what is a LADO',
    "When's the case conference and do I need a report?",
    'whats a core group and do parents go to it? also who chairs it',
    'negelct signs in primary kids',
    'yr 7 boy came in with a black eye, says mums boyfriend did it and hes picking him up at 3',
  ])('runs Lunr once for "%s"', (question) => {
    const { knowledge, query } = countingQueries();
    knowledge.search(question);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('still answers both halves of a two-part question from the one search', () => {
    const { knowledge } = countingQueries();
    const ids = knowledge.search('what is private fostering and do I have to tell anyone').hits.map((hit) => hit.answer.id);
    expect(ids[0]).toBe('private-fostering');
    const top3 = knowledge
      .search("who's our LADO and what's the number?")
      .hits.slice(0, 3)
      .map((hit) => hit.answer.id);
    expect(top3).toContain('allegations-against-staff-lado');
  });

  it('finds a misspelt word in the same single query', () => {
    const { knowledge, query } = countingQueries();
    expect(knowledge.search('radicalisaton').hits[0]?.answer.id).toBe('radicalisation-prevent');
    expect(query).toHaveBeenCalledTimes(1);
  });
});

describe('related answers on a card opened by id', () => {
  it('are the answers for its title, itself left out, and are searched once per answer', () => {
    const { knowledge, query } = countingQueries();
    const expected = knowledge
      .search(knowledge.answer('neglect')!.title)
      .hits.map((hit) => hit.answer.id)
      .filter((id) => id !== 'neglect');
    query.mockClear();
    const service = new AnswerService(knowledge);
    service.show('neglect');
    service.show('neglect');
    expect(query).toHaveBeenCalledTimes(1);
    expect(knowledge.relatedTo('neglect').map((answer) => answer.id)).toEqual(expected);
  });

  it('is empty for an id that is not in the pack', () => {
    expect(realKnowledgeBase().relatedTo('no-such-answer')).toEqual([]);
  });
});
