import { describe, expect, it } from 'vitest';
import { loadEvaluationCases, loadNoMatchQuestions, measureQuality } from '../../src/cli/evaluate';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const rank = (question: string) => knowledge.search(question).hits.map((hit) => hit.answer.id);

describe('search quality on the evaluation set', () => {
  const cases = loadEvaluationCases();

  it('has at least 80 questions, each naming an answer that exists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const { expectedId } of cases) expect(knowledge.answer(expectedId), expectedId).toBeDefined();
  });

  it('finds the expected answer in the top 3 for at least 90% of questions', () => {
    const report = measureQuality(cases, rank);
    expect(report.misses.length / report.cases, JSON.stringify(report.misses, null, 1)).toBeLessThanOrEqual(0.1);
  });

  it('answers the questions from the issue with the right card', () => {
    expect(rank('do i need mums permission to ring mash??')[0]).toBe('consent-before-referring');
    expect(rank('y9 might be running drugs, who do i tell')[0]).toBe('criminal-exploitation-county-lines');
  });

  it('says it has no good match rather than guessing', () => {
    for (const question of loadNoMatchQuestions()) expect(rank(question), question).toEqual([]);
  });

  it('forgives a typo in a key word', () => {
    expect(rank('negelct')[0]).toBe('neglect');
    expect(rank('radicalisaton')[0]).toBe('radicalisation-prevent');
  });

  it('expands acronyms with the glossary', () => {
    expect(rank('lado')[0]).toBe('allegations-against-staff-lado');
    expect(rank('edt')).toContain('out-of-hours-edt');
  });
});
