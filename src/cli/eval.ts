/**
 * `npm run eval`: search quality on every question set, judged on what `ask --json` returns (so it sees
 * exactly what the card shows, including the urgency and contacts ask adds), the way
 * ../shared/eval/score.py judges it. One line per set:
 *  - questions.tsv (expected answer ids) and no-match.txt: top-1, top-3, MRR, declined;
 *  - tuning.jsonl (tune on it); held-out.jsonl (the first held-out set: scored once, then tuned on, so
 *    now "spent"); held-out-2.jsonl (written blind, by someone who had not seen the pack, before the
 *    round's tuning, and scored only at the end); and the shared independent set: top-1, top-3, MRR,
 *    urgent recall, false-urgent rate, out of scope declined.
 *
 * `--misses tuning|questions|held-out-1|shared` lists that set's misses. The live held-out set's misses are
 * printed only with `--held-out-misses`, so nobody tunes on it by accident.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import {
  judgeStaffSet,
  loadEvaluationCases,
  loadNoMatchQuestions,
  loadStaffQuestions,
  measureQuality,
  type AskLine,
  type StaffSetReport,
} from './evaluate';

const EVALUATION_DIR = path.join(PROJECT_ROOT, 'test', 'evaluation');
const STAFF_SETS = [
  { name: 'tuning', file: path.join(EVALUATION_DIR, 'tuning.jsonl'), heldOut: false },
  { name: 'held-out-1 (spent)', file: path.join(EVALUATION_DIR, 'held-out.jsonl'), heldOut: false },
  { name: 'held-out-2', file: path.join(EVALUATION_DIR, 'held-out-2.jsonl'), heldOut: true },
  { name: 'shared', file: path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'staff-questions.jsonl'), heldOut: false },
];

/** Runs the built `ask` command on many questions at once and returns its JSON lines. */
function askAll(questions: string[]): AskLine[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'eval-'));
  try {
    const file = path.join(dir, 'questions.txt');
    // ask reads one question per line; a line break inside a question would split it.
    writeFileSync(file, questions.map((q) => q.replace(/[\r\n]+/g, ' ')).join('\n'));
    let output: string;
    try {
      output = execFileSync(process.execPath, [path.join(__dirname, 'ask.js'), '--json', '--batch', file], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '')
        .split('\n')
        .slice(0, 8)
        .join('\n');
      throw new Error(`ask --json --batch failed:\n${stderr}`);
    }
    return output
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as AskLine);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ratio = (found: number, total: number) => (total === 0 ? 'n/a' : `${found}/${total} (${pct(found / total)})`);

function staffRow(name: string, r: StaffSetReport): string {
  const twoPart = r.twoPartTotal > 0 ? ratio(r.bothParts, r.twoPartTotal) : 'n/a';
  return `| ${name} | ${r.answerable} | ${pct(r.top1)} | ${pct(r.top3)} | ${r.mrr.toFixed(3)} | ${ratio(r.urgentFound, r.urgentTotal)} | ${ratio(r.falseUrgent, r.calmTotal)} | ${ratio(r.declined, r.outOfScope)} | ${twoPart} |`;
}

function printMisses(name: string, misses: Array<{ kind: string; question: string; got: string[] }>): void {
  console.log(`\n${name}: ${misses.length} misses`);
  for (const m of misses) console.log(`  - ${m.kind}: "${m.question}" → ${m.got.join(', ') || 'no match'}`);
}

function main(argv: string[]): number {
  const missesFor = argv.includes('--misses') ? argv[argv.indexOf('--misses') + 1] : undefined;
  const heldOutMisses = argv.includes('--held-out-misses');

  const cases = loadEvaluationCases();
  const noMatch = loadNoMatchQuestions();
  const caseAnswers = askAll([...cases.map((c) => c.question), ...noMatch]);
  const byQuestion = new Map(cases.map((c, i) => [c.question, (caseAnswers[i].results ?? []).map((r) => r.id)]));
  const quality = measureQuality(cases, (question) => byQuestion.get(question) ?? []);
  const declined = caseAnswers.slice(cases.length).filter((a) => (a.results ?? []).length === 0).length;

  console.log(`\nSearch quality (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(
    '| Set | Answerable | Top-1 | Top-3 | MRR | Urgent found | False urgent | Out of scope declined | Both parts of two-part questions |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| questions.tsv + no-match.txt | ${quality.cases} | ${pct(quality.top1)} | ${pct(quality.top3)} | ${quality.mrr.toFixed(3)} | n/a | n/a | ${ratio(declined, noMatch.length)} | n/a |`,
  );

  const reports: Array<[(typeof STAFF_SETS)[number], StaffSetReport]> = [];
  for (const set of STAFF_SETS) {
    if (!existsSync(set.file)) {
      console.log(`| ${set.name} | (missing: ${path.relative(PROJECT_ROOT, set.file)}) | | | | | | | |`);
      continue;
    }
    const questions = loadStaffQuestions(set.file);
    const report = judgeStaffSet(questions, askAll(questions.map((q) => q.q)));
    reports.push([set, report]);
    console.log(staffRow(set.name, report));
  }

  if (missesFor === 'questions')
    printMisses(
      'questions.tsv',
      quality.misses.map((m) => ({ kind: `expected ${m.expectedId}`, question: m.question, got: m.got })),
    );
  for (const [set, report] of reports) {
    const asked = set.heldOut ? heldOutMisses : set.name.split(' ')[0] === missesFor;
    if (asked) printMisses(set.name, report.misses);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
