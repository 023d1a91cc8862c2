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

/**
 * A question in the format of ../shared/eval/staff-questions.jsonl (test/evaluation/tuning.jsonl and
 * held-out.jsonl use it too). `all` holds regexes a correct answer must all match; `[]` means out of scope.
 * `also` (our sets only) holds the regexes for the second half of a two-part question: some answer in the
 * top 3 must match them.
 */
export interface StaffQuestion {
  q: string;
  all: string[];
  urgent?: boolean;
  topic?: string;
  style?: string;
  also?: string[];
}

/** One line of `ask --json` output, as much of it as the judging reads. */
export interface AskLine {
  urgent?: boolean;
  urgency?: string;
  results?: Array<{
    id: string;
    title?: string;
    summary?: string;
    text?: string;
    contacts?: Array<{ name?: string; phone?: string }> | string;
  }>;
}

export interface StaffSetReport {
  questions: number;
  /** In-scope questions (non-empty `all`). */
  answerable: number;
  top1: number;
  top3: number;
  mrr: number;
  urgentFound: number;
  urgentTotal: number;
  falseUrgent: number;
  calmTotal: number;
  declined: number;
  outOfScope: number;
  /** Two-part questions whose second part is also answered in the top 3. */
  bothParts: number;
  twoPartTotal: number;
  misses: Array<{ kind: string; question: string; got: string[] }>;
}

export function loadStaffQuestions(file: string): StaffQuestion[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as StaffQuestion);
}

type AskResult = NonNullable<AskLine['results']>[number];

/** What the card shows, as score.py reads it: title, summary, text and the contacts' names and numbers. */
function cardText(result: AskResult): string {
  const contacts = Array.isArray(result.contacts)
    ? result.contacts.map((c) => `${c.name ?? ''} ${c.phone ?? ''}`).join(' ')
    : (result.contacts ?? '');
  return [result.title, result.summary, result.text, contacts].map((part) => part ?? '').join(' ');
}

function matchesAll(result: AskResult, patterns: string[]): boolean {
  const text = cardText(result);
  return patterns.every((pattern) => new RegExp(pattern, 'i').test(text));
}

/** Judges `ask --json` lines against a question set exactly as ../shared/eval/score.py does. */
export function judgeStaffSet(questions: StaffQuestion[], answers: AskLine[]): StaffSetReport {
  if (answers.length !== questions.length) throw new Error(`answer lines ${answers.length} != questions ${questions.length}`);
  const report: StaffSetReport = {
    questions: questions.length,
    answerable: 0,
    top1: 0,
    top3: 0,
    mrr: 0,
    urgentFound: 0,
    urgentTotal: 0,
    falseUrgent: 0,
    calmTotal: 0,
    declined: 0,
    outOfScope: 0,
    bothParts: 0,
    twoPartTotal: 0,
    misses: [],
  };
  questions.forEach((question, i) => {
    const answer = answers[i];
    const results = answer.results ?? [];
    const got = results.slice(0, 3).map((r) => r.id);
    if (question.urgent === true) {
      report.urgentTotal++;
      if (answer.urgent) report.urgentFound++;
      else report.misses.push({ kind: 'not urgent', question: question.q, got });
    } else if (question.urgent === false) {
      report.calmTotal++;
      if (answer.urgent) {
        report.falseUrgent++;
        report.misses.push({ kind: 'false alarm', question: question.q, got });
      }
    }
    if (question.all.length === 0) {
      report.outOfScope++;
      if (results.length === 0) report.declined++;
      else report.misses.push({ kind: 'answered out of scope', question: question.q, got });
      return;
    }
    report.answerable++;
    const rank = results.slice(0, 10).findIndex((r) => matchesAll(r, question.all));
    if (rank === 0) report.top1++;
    if (rank >= 0 && rank < 3) report.top3++;
    if (rank >= 0) report.mrr += 1 / (rank + 1);
    if (rank < 0 || rank >= 3) report.misses.push({ kind: 'miss', question: question.q, got });
    if (question.also) {
      report.twoPartTotal++;
      if (results.slice(0, 3).some((r) => matchesAll(r, question.also!))) report.bothParts++;
    }
  });
  const n = Math.max(report.answerable, 1);
  return { ...report, top1: report.top1 / n, top3: report.top3 / n, mrr: report.mrr / n };
}
