/**
 * Search quality on the evaluation set in test/evaluation: top-1, top-3 and MRR, plus how many
 * "no-match" questions were (rightly) left unanswered. Used by `npm run bench` and the evaluation test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export interface EvaluationCase {
  question: string;
  expectedId: string;
}

const EVALUATION_DIR = path.join(PROJECT_ROOT, 'test', 'evaluation');

function dataLines(file: string): string[] {
  return readFileSync(path.join(EVALUATION_DIR, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0 && !line.startsWith('#'));
}

export function loadEvaluationCases(): EvaluationCase[] {
  return dataLines('questions.tsv').map((line) => {
    const [question, expectedId] = line.split('\t');
    return { question, expectedId: expectedId.trim() };
  });
}

export function loadNoMatchQuestions(): string[] {
  return dataLines('no-match.txt');
}

export interface QualityReport {
  cases: number;
  top1: number;
  top3: number;
  mrr: number;
  misses: Array<{ question: string; expectedId: string; got: string[] }>;
}

/** `rank` returns answer ids best first for a question. */
export function measureQuality(cases: EvaluationCase[], rank: (question: string) => string[]): QualityReport {
  let top1 = 0;
  let top3 = 0;
  let reciprocalRanks = 0;
  const misses: QualityReport['misses'] = [];
  for (const { question, expectedId } of cases) {
    const ids = rank(question);
    const position = ids.indexOf(expectedId);
    if (position === 0) top1++;
    if (position >= 0 && position < 3) top3++;
    else misses.push({ question, expectedId, got: ids.slice(0, 3) });
    if (position >= 0 && position < 10) reciprocalRanks += 1 / (position + 1);
  }
  const n = cases.length;
  return { cases: n, top1: top1 / n, top3: top3 / n, mrr: reciprocalRanks / n, misses };
}
