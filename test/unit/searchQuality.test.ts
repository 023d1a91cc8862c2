import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { markdownToPlainText } from '../../src/cards/markdownForCard';
import {
  judgeStaffSet,
  loadEvaluationCases,
  loadNoMatchQuestions,
  loadStaffQuestions,
  measureQuality,
  type AskLine,
} from '../../src/cli/evaluate';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const rank = (question: string) => knowledge.search(question).hits.map((hit) => hit.answer.id);

describe('search quality on the evaluation set', () => {
  const cases = loadEvaluationCases();

  it('has at least 80 questions, each naming an answer that exists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const { expectedId } of cases) expect(knowledge.answer(expectedId), expectedId).toBeDefined();
  });

  it('finds the expected answer in the top 3 for at least 95% of questions, and first for at least 90%', () => {
    const report = measureQuality(cases, rank);
    expect(report.misses.length / report.cases, JSON.stringify(report.misses, null, 1)).toBeLessThanOrEqual(0.05);
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
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

/** What `ask --json` would print for a question, built in process (see src/cli/ask.ts). */
function askLine(question: string): AskLine {
  const { urgent, hits } = knowledge.search(question);
  return {
    urgent,
    results: hits.map(({ answer }) => ({
      id: answer.id,
      title: answer.title,
      summary: answer.summary,
      text: markdownToPlainText(answer.body),
      contacts: answer.contacts.map((id) => knowledge.contact(id)!).map(({ name, phone }) => ({ name, phone })),
    })),
  };
}

describe('search quality on the tuning set (questions written as staff type them, judged on what the card says)', () => {
  const questions = loadStaffQuestions(path.join(__dirname, '..', 'evaluation', 'tuning.jsonl'));
  const report = judgeStaffSet(
    questions,
    questions.map((question) => askLine(question.q)),
  );
  const misses = JSON.stringify(
    report.misses.filter((miss) => miss.kind !== 'not urgent' && miss.kind !== 'false alarm'),
    null,
    1,
  );

  it('has at least 80 questions, some of them out of scope', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(report.outOfScope).toBeGreaterThanOrEqual(8);
  });

  it('puts a correct answer first for at least 90% and in the top 3 for at least 95%', () => {
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.9);
    expect(report.top3, misses).toBeGreaterThanOrEqual(0.95);
  });

  it('declines at least 90% of the messages that are not about safeguarding', () => {
    expect(report.declined / report.outOfScope, misses).toBeGreaterThanOrEqual(0.9);
  });
});
