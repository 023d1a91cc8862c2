/**
 * Searching the pack: a question in, the confident matches out, best first. The query is built by
 * searchQuery.ts; this file decides which words to use, how to rank, and when a match is too weak to show.
 */
import lunr from 'lunr';
import type { Answer, GlossaryTerm, SearchHit } from './schema';
import { mergeBestFirst, questionParts } from './compoundQuestions';
import { isSchoolAdmin, meaningfulWords } from './outOfScope';
import { addClauses, TOPIC_FIELDS, contentWords, coverage, isCovered, normalise, prepareQuery, stemOf, type PreparedQuery } from './searchQuery';
import { classifyUrgency, type Urgency } from './urgency/classifyUrgency';

export type { SearchHit } from './schema';

export interface SearchResponse {
  /** Either tier of urgency (kept for callers that only need yes or no). */
  urgent: boolean;
  /** `emergency`: 999 first; `today`: the front door before the child goes home; see urgency/classifyUrgency.ts. */
  urgency: Urgency;
  /** Why the message was flagged, one sentence for the card; null when `urgency` is `none`. */
  reason: string | null;
  /** Best first; empty when nothing in the pack is a good enough match to show with confidence. */
  hits: SearchHit[];
}

/**
 * Below this Lunr score the best match is too weak to present as the answer; the bot says it has no good
 * match instead. Tuned with `npm run bench` on test/evaluation (questions.tsv and no-match.txt).
 */
export const MIN_CONFIDENT_SCORE = 2.5;
/** Share of the user's own words the best answer must contain (see isConfident). */
export const MIN_COVERAGE = 0.5;
/** Questions up to this many content words are short; longer ones are stories and judged on score alone. */
const SHORT_QUESTION_WORDS = 6;
const MAX_HITS = 5;
/** How many (answer, field) postings one query may touch; see withinSearchBudget. */
const SEARCH_BUDGET_POSTINGS = 3000;

interface WordFrequency {
  /** Answers holding the word in any field. */
  answers: number;
  /** (answer, field) pairs holding it: what Lunr walks and scores for it. */
  postings: number;
  /** The same, in TOPIC_FIELDS only. */
  topicPostings: number;
}
const RERANK_DEPTH = 30;
/** A word in at least this share of answers (the council's name, "child") barely tells them apart. */
const COMMON_WORD_SHARE = 0.35;
/** Extra weight per multi-word tag of an answer that the question contains as a phrase. */
const PHRASE_BONUS = 0.5;
/** Longest tag phrase looked for in a question, in words. */
const MAX_PHRASE_WORDS = 5;

/** An answer Lunr found, before re-ranking: its score and the index terms (stems) it matched. */
interface Candidate {
  ref: string;
  score: number;
  matched: string[];
}

const candidateOf = (result: lunr.Index.Result): Candidate => ({ ref: result.ref, score: result.score, matched: Object.keys(result.matchData.metadata) });

interface RankedHit extends SearchHit {
  covered: number;
  /** The index terms (stems) the answer matched. */
  matched: string[];
}

export class PackSearch {
  private readonly documentFrequency = new Map<string, WordFrequency>();
  /** Each answer's multi-word tags, normalised like a question ("low level concern", "team around the family"). */
  private readonly tagPhrases = new Map<string, string[]>();
  /** Every answer's multi-word tags together. */
  private readonly allTagPhrases = new Set<string>();

  constructor(
    private readonly index: lunr.Index,
    private readonly answersById: ReadonlyMap<string, Answer>,
    private readonly glossary: GlossaryTerm[],
  ) {
    for (const answer of answersById.values()) {
      const phrases = answer.tags.map((tag) => contentWords(normalise(tag)).join(' ')).filter((tag) => tag.includes(' '));
      this.tagPhrases.set(answer.id, [...new Set(phrases)]);
      for (const phrase of phrases) this.allTagPhrases.add(phrase);
    }
  }

  /** How many of the answer's multi-word tags the question (its content words, space-padded) contains. */
  private phrasesIn(answerId: string, paddedWords: string): number {
    return (this.tagPhrases.get(answerId) ?? []).filter((phrase) => paddedWords.includes(` ${phrase} `)).length;
  }

  search(text: string): SearchResponse {
    const { urgency, reason } = classifyUrgency(text);
    return { urgent: urgency !== 'none', urgency, reason, hits: this.answersFor(text) };
  }

  /**
   * The answers alone, without the urgency check (related answers need no banner). Best first, at most
   * MAX_HITS; empty for school admin and for weak or meaningless matches. Lunr runs
   * once per question: a two-part question's parts are ranked from the same Lunr results (partHits), and
   * an unknown word's typo variants are part of that one query.
   */
  answersFor(text: string): SearchHit[] {
    if (isSchoolAdmin(normalise(text))) return [];
    const prepared = this.withinSearchBudget(prepareQuery(text, this.glossary));
    if (prepared.tokens.length + prepared.expansions.length + prepared.situation.length + prepared.asked.length === 0) return [];
    const { results, boosts } = this.runQuery(prepared);
    const whole = this.confident(prepared, results.slice(0, RERANK_DEPTH).map(candidateOf));
    const parts = questionParts(text);
    if (parts.length < 2) return whole.slice(0, MAX_HITS);
    return mergeBestFirst(whole, parts.map((part) => this.partHits(part, results, boosts))).slice(0, MAX_HITS);
  }

  /** The one Lunr query, and each queried stem's total boost (for scoring parts from its results). */
  private runQuery(prepared: PreparedQuery): { results: lunr.Index.Result[]; boosts: Map<string, number> } {
    let clauses: lunr.Query.Clause[] = [];
    const results = this.index.query((query) => {
      addClauses(query, prepared, this.isUnknownWord);
      clauses = query.clauses;
    });
    const boosts = new Map<string, number>();
    for (const clause of clauses) {
      if (clause.editDistance || clause.wildcard !== lunr.Query.wildcard.NONE) continue;
      const stem = stemOf(clause.term);
      boosts.set(stem, (boosts.get(stem) ?? 0) + (clause.boost ?? 1));
    }
    return { results, boosts };
  }

  /** The confident hits among candidates, ranked for the question `prepared` describes. */
  private confident(prepared: PreparedQuery, candidates: Candidate[]): SearchHit[] {
    return this.rank(prepared, candidates)
      .filter((hit) => isConfident(hit) && isAboutSafeguarding(prepared, hit))
      .map(({ answer, score }) => ({ answer, score }));
  }

  /**
   * One part of a two-part question, ranked from the whole question's Lunr results: each answer is scored
   * on the part's own words only, as Lunr would score it for the part alone (the same field weights and
   * boosts, normalised by the part's query length), then judged by the same confidence rules.
   */
  private partHits(part: string, results: lunr.Index.Result[], boosts: ReadonlyMap<string, number>): SearchHit[] {
    const prepared = prepareQuery(part, this.glossary);
    const words = [...prepared.tokens, ...prepared.expansions, ...prepared.meanings.map(({ word }) => word), ...prepared.situation, ...prepared.asked];
    const stems = new Set(words.map(stemOf).filter((stem) => boosts.has(stem)));
    if (stems.size === 0) return [];
    const length = Math.sqrt([...stems].reduce((sum, stem) => sum + boosts.get(stem)! ** 2, 0));
    const candidates: Candidate[] = [];
    for (const result of results) {
      let dot = 0;
      for (const [stem, fields] of Object.entries(result.matchData.metadata)) {
        if (!stems.has(stem)) continue;
        for (const field of Object.keys(fields)) dot += boosts.get(stem)! * this.termWeight(field, result.ref, stem);
      }
      if (dot > 0) candidates.push({ ref: result.ref, score: dot / length, matched: Object.keys(result.matchData.metadata) });
    }
    return this.confident(prepared, candidates.sort((a, b) => b.score - a.score).slice(0, RERANK_DEPTH));
  }

  /** The weight Lunr's index gives a term in one field of one answer (BM25 with the field's boost). */
  private termWeight(field: string, ref: string, stem: string): number {
    const vector = this.fieldVectors[`${field}/${ref}`];
    const termIndex = (this.vocabulary[stem] as { _index?: number } | undefined)?._index;
    if (!vector || termIndex === undefined) return 0;
    const position = vector.positionForIndex(termIndex);
    return vector.elements[position] === termIndex ? vector.elements[position + 1] : 0;
  }

  /**
   * Lunr's BM25 order, re-weighted by how many of the user's meaningful words each answer holds (strongly
   * for short questions: "what does level 3 mean" should prefer the answer with "level" and "3" over one
   * that only says "mean"), and raised for each of the answer's multi-word tags the question contains.
   */
  private rank(prepared: PreparedQuery, candidates: Candidate[]): RankedHit[] {
    const short = prepared.tokens.length <= SHORT_QUESTION_WORDS;
    const paddedWords = ` ${contentWords(prepared.text).join(' ')} `;
    return candidates
      .map(({ ref, score, matched }) => {
        // A recognised situation speaks for the story: its professional terms count like the user's words.
        const share = Math.max(coverage(prepared, matched), situationCoverage(prepared, matched));
        const phrases = this.phrasesIn(ref, paddedWords);
        // Stories are re-weighted less and judged on score alone: most of their words are not meant to match.
        const weight = short ? 0.4 + 0.6 * share : 0.7 + 0.3 * share;
        return { answer: this.answersById.get(ref)!, score: score * weight * (1 + PHRASE_BONUS * phrases), covered: short ? share : 1, matched };
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Lunr's cost grows with the (answer, field) postings of the query's words: it allocates, walks and
   * scores each one, so a word in every field of 600 answers costs 3,000, not 600 (counting answers, as
   * before, let a query walk five times its budget; profiling the 10,000-answer pack showed Lunr's query
   * and the garbage it makes as nearly all of the time). In a large pack, words found in thousands of
   * answers ("child", "refer") barely change BM25's order but make Lunr score most of the pack. So words
   * are taken rarest first until the budget is spent; a word that no longer fits everywhere is still
   * searched in the topic fields (title, questions, tags) if those fit, and the rarest word of each kind
   * is always kept, at least there. A council-sized pack rarely reaches the budget.
   */
  private withinSearchBudget(prepared: PreparedQuery): PreparedQuery {
    let spent = 0;
    const narrow = new Set<string>();
    // A word too costly in every field may still fit in the short fields that name an answer's topic.
    const affordable = (word: string, mustKeep: boolean) => {
      const { postings, topicPostings } = this.frequencyOf(word);
      if (spent + postings <= SEARCH_BUDGET_POSTINGS) {
        spent += postings;
        return true;
      }
      if (!mustKeep && spent + topicPostings > SEARCH_BUDGET_POSTINGS) return false;
      spent += topicPostings;
      narrow.add(word);
      return true;
    };
    const rarestFirst = (words: string[]) => [...words].sort((a, b) => this.answersContaining(a) - this.answersContaining(b));
    // What is asked and the recognised situation come first: they decide the answer in a story.
    const asked = rarestFirst(prepared.asked).filter((word, index) => affordable(word, index === 0));
    const situation = rarestFirst(prepared.situation).filter((word, index) => affordable(word, index === 0 && asked.length === 0));
    const tokens = new Set(rarestFirst(prepared.tokens).filter((word, index) => affordable(word, index === 0)));
    const meanings = prepared.meanings.filter(({ word }) => affordable(word, false));
    const expansions = rarestFirst(prepared.expansions).filter((word) => affordable(word, false));
    // In a short question every word was chosen; in a story, pack-wide words are mostly incidental.
    const common = prepared.tokens.length > SHORT_QUESTION_WORDS ? this.commonWordsIn(prepared.tokens) : undefined;
    return { ...prepared, tokens: prepared.tokens.filter((word) => tokens.has(word)), expansions, meanings, situation, asked, common, narrow };
  }

  /** The question's words that appear in so many answers that they cannot tell answers apart. */
  private commonWordsIn(tokens: string[]): Set<string> {
    const answers = this.answersById.size;
    return new Set(tokens.filter((word) => this.answersContaining(word) >= answers * COMMON_WORD_SHARE && !this.inTagPhrase(word, tokens)));
  }

  /**
   * True when the word belongs to one of the pack's multi-word tags found in the question ("levels of
   * need"). Looks up the question's own runs of 2 to MAX_PHRASE_WORDS words, so the cost does not grow
   * with the pack.
   */
  private inTagPhrase(word: string, tokens: string[]): boolean {
    for (let start = 0; start < tokens.length; start++) {
      for (let end = start + 2; end <= Math.min(tokens.length, start + MAX_PHRASE_WORDS); end++) {
        const run = tokens.slice(start, end);
        if (run.includes(word) && this.allTagPhrases.has(run.join(' '))) return true;
      }
    }
    return false;
  }

  /** How many answers contain the word in any field. */
  private answersContaining(word: string): number {
    return this.frequencyOf(word).answers;
  }

  /** Memoised per stem: the pack never changes while running. */
  private frequencyOf(word: string): WordFrequency {
    const stem = stemOf(word);
    let frequency = this.documentFrequency.get(stem);
    if (frequency === undefined) {
      const fields = (this.vocabulary[stem] ?? {}) as Record<string, Record<string, unknown>>;
      const refs = new Set<string>();
      let postings = 0;
      let topicPostings = 0;
      for (const [field, docs] of Object.entries(fields)) {
        if (field === '_index') continue;
        const refsHere = Object.keys(docs);
        for (const ref of refsHere) refs.add(ref);
        postings += refsHere.length;
        if ((TOPIC_FIELDS as readonly string[]).includes(field)) topicPostings += refsHere.length;
      }
      frequency = { answers: refs.size, postings, topicPostings };
      this.documentFrequency.set(stem, frequency);
    }
    return frequency;
  }

  /** True for a word no answer contains (after stemming): likely a typo worth a fuzzy try. */
  private readonly isUnknownWord = (word: string): boolean => !Object.hasOwn(this.vocabulary, stemOf(word));

  private get vocabulary(): Record<string, unknown> {
    return (this.index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex;
  }

  private get fieldVectors(): Record<string, lunr.Vector & { elements: number[] }> {
    return (this.index as unknown as { fieldVectors: Record<string, lunr.Vector & { elements: number[] }> }).fieldVectors;
  }

}

/**
 * A recognised situation is about safeguarding by definition; otherwise the best answer must hold one of
 * the question's meaningful words, not just "staff", "meeting" or a story's "mum" (see outOfScope.ts).
 */
function isAboutSafeguarding(prepared: PreparedQuery, best: RankedHit): boolean {
  if (prepared.situation.length + prepared.asked.length > 0) return true;
  return meaningfulWords(prepared.tokens).some((word) => isCovered(word, best.matched));
}

/** Share of the situation's professional terms that the answer holds (0 when no situation was recognised). */
function situationCoverage(prepared: PreparedQuery, matched: string[]): number {
  const words = [...prepared.situation, ...prepared.asked];
  if (words.length === 0) return 0;
  return words.filter((word) => isCovered(word, matched)).length / words.length;
}

/** A weak match is worse than none: "book a meeting room" must not answer with the TAF meeting page. */
function isConfident(hit: RankedHit): boolean {
  return hit.score >= MIN_CONFIDENT_SCORE && hit.covered >= MIN_COVERAGE;
}
