/**
 * Search quality and speed (`npm run bench -- search`), with MiniSearch run on the same answers and questions as a peer.
 *  - quality on test/evaluation/questions.tsv: top-1, top-3, MRR
 *  - index build and load time, query latency p50/p99, on the real pack (questions.tsv and tuning.jsonl)
 *    and on a generated 10,000-answer pack (questions.tsv)
 * Prints a Markdown table for the README.
 */
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadPack, type KnowledgePack } from '../../src/knowledge/loadPack';
import type { Answer } from '../../src/knowledge/schema';
import { buildKnowledge, FIELD_BOOSTS } from '../../src/knowledge/searchIndex';
import { loadEvaluationCases, loadStaffQuestions, measureQuality, type QualityReport } from '../../src/cli/evaluate';

interface Engine {
  name: string;
  buildMs: number;
  loadMs: number;
  rank(question: string): string[];
}

function time<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

export function lunrEngine(pack: KnowledgePack): Engine {
  const built = time(() => JSON.stringify(buildKnowledge(pack)));
  const loaded = time(() => {
    const data = JSON.parse(built.result);
    return new KnowledgeBase(data.pack, lunr.Index.load(data.index));
  });
  return {
    name: 'Lunr (this bot)',
    buildMs: built.ms,
    loadMs: loaded.ms,
    rank: (q) => loaded.result.search(q).hits.map((h) => h.answer.id),
  };
}

const MINISEARCH_OPTIONS = {
  fields: ['title', 'questions', 'tags', 'summary', 'body'],
  storeFields: [],
  searchOptions: { boost: { ...FIELD_BOOSTS }, fuzzy: 0.2, prefix: true },
};

function miniSearchEngine(answers: Answer[]): Engine {
  const docs = answers.map((a) => ({
    id: a.id,
    title: a.title,
    questions: a.questions.join('\n'),
    tags: a.tags.join(' '),
    summary: a.summary,
    body: a.body,
  }));
  const built = time(() => {
    const index = new MiniSearch(MINISEARCH_OPTIONS);
    index.addAll(docs);
    return JSON.stringify(index);
  });
  const loaded = time(() => MiniSearch.loadJSON(built.result, MINISEARCH_OPTIONS));
  return {
    name: 'MiniSearch 7 (peer)',
    buildMs: built.ms,
    loadMs: loaded.ms,
    rank: (q) =>
      loaded.result
        .search(q)
        .slice(0, 5)
        .map((r) => String(r.id)),
  };
}

export function latency(engine: Engine, questions: string[], rounds: number): { p50: number; p99: number } {
  for (const q of questions) engine.rank(q); // warm up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) for (const q of questions) samples.push(time(() => engine.rank(q)).ms);
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

/**
 * A 10,000-answer pack that behaves like a real large one (Heaps' law): words used in many real answers
 * ("child", "refer", "parents") stay common everywhere, while each topic word is spread over 100 variants
 * (as if 100 councils had written 100 packs), so a topic word appears in about 1% of answers, not in all
 * copies. Variant 0 is the real text, so the evaluation questions still find their answers.
 */
export function generatedPack(pack: KnowledgePack, size: number): KnowledgePack {
  const answerCount = new Map<string, number>();
  for (const answer of pack.answers) {
    for (const word of new Set(
      searchableText(answer)
        .toLowerCase()
        .match(/[a-z]+/g) ?? [],
    ))
      answerCount.set(word, (answerCount.get(word) ?? 0) + 1);
  }
  const common = (word: string) => (answerCount.get(word.toLowerCase()) ?? 0) >= pack.answers.length * 0.1;
  const dialect = (text: string, variant: number) =>
    variant === 0
      ? text
      : text.replace(/[A-Za-z]{4,}/g, (word) =>
          common(word) ? word : `${word}${String.fromCharCode(97 + (variant % 26))}${Math.floor(variant / 26)}`,
        );
  const answers: Answer[] = [];
  for (let i = 0; i < size; i++) {
    const a = pack.answers[i % pack.answers.length];
    const variant = Math.floor(i / pack.answers.length) % 100;
    answers.push({
      ...a,
      id: `${a.id}-${i}`,
      title: dialect(a.title, variant),
      questions: a.questions.map((q) => dialect(q, variant)),
      tags: a.tags.map((t) => dialect(t, variant)),
      summary: dialect(a.summary, variant),
      body: dialect(a.body, variant),
    });
  }
  return { ...pack, answers };
}

function searchableText(answer: Answer): string {
  return [answer.title, ...answer.questions, ...answer.tags, answer.summary, answer.body].join(' ');
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function benchSearch(): void {
  const pack = loadPack(path.join(PROJECT_ROOT, 'knowledge'));
  const cases = loadEvaluationCases();
  // On the real pack, latency also on the tuning set's stories and out-of-scope messages, as staff type
  // them. The 10,000-answer pack keeps to questions.tsv, so MiniSearch's slow run there stays bearable.
  const questions = cases.map((c) => c.question);
  const staffQuestions = [
    ...questions,
    ...loadStaffQuestions(path.join(PROJECT_ROOT, 'test', 'evaluation', 'tuning.jsonl')).map((q) => q.q),
  ];
  const rows: string[] = [];
  const qualities: Array<[string, QualityReport]> = [];

  for (const [label, p, rounds] of [
    ['real pack', pack, 20],
    ['10,000 answers', generatedPack(pack, 10_000), 2],
  ] as const) {
    // One engine in memory at a time, so one's garbage does not slow the other's timings.
    for (const makeEngine of [() => lunrEngine(p), () => miniSearchEngine(p.answers)]) {
      const engine = makeEngine();
      const { p50, p99 } = latency(engine, p === pack ? staffQuestions : questions, rounds);
      // Printed as measured, so a long run still shows the real pack's numbers early.
      console.log(`measured: ${engine.name}, ${label}: p50 ${ms(p50)} ms, p99 ${ms(p99)} ms`);
      rows.push(
        `| ${engine.name} | ${label} (${p.answers.length}) | ${ms(engine.buildMs)} | ${ms(engine.loadMs)} | ${ms(p50)} | ${ms(p99)} |`,
      );
      // Generated answers are "<real id>-<n>": any variant of the expected answer counts as found.
      const original = p === pack ? (id: string) => id : (id: string) => id.replace(/-\d+$/, '');
      qualities.push([`${engine.name}, ${label}`, measureQuality(cases, (q) => engine.rank(q).map(original))]);
    }
  }

  console.log(`\nSearch quality on ${cases.length} evaluation questions (test/evaluation/questions.tsv)\n`);
  console.log('| Engine | Top-1 | Top-3 | MRR |\n| --- | --- | --- | --- |');
  for (const [name, q] of qualities) console.log(`| ${name} | ${pct(q.top1)} | ${pct(q.top3)} | ${q.mrr.toFixed(3)} |`);
  console.log('\nSpeed (milliseconds; build = index + serialise, load = parse + deserialise)\n');
  console.log('| Engine | Pack | Build | Load | Query p50 | Query p99 |\n| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  const lunrMisses = qualities[0][1].misses;
  if (lunrMisses.length > 0)
    console.log(
      `\nLunr misses (expected answer outside top 3):\n${lunrMisses.map((m) => `  - "${m.question}" → expected ${m.expectedId}, got ${m.got.join(', ') || 'no match'}`).join('\n')}`,
    );
}
