/**
 * Searching the pack: a question in, the confident matches out, best first. The query is built by
 * searchQuery.ts; this file decides which words to use, how to rank, and when a match is too weak to show.
 */
import type lunr from 'lunr';
import type { Answer, GlossaryTerm } from './schema';
import { mergeBestFirst, questionParts } from './compoundQuestions';
import { isSchoolAdmin, meaningfulWords } from './outOfScope';
import { addClauses, contentWords, coverage, isCovered, normalise, prepareQuery, stemOf, type PreparedQuery } from './searchQuery';
import { classifyUrgency, type Urgency } from './urgency/classifyUrgency';

export interface SearchHit {
  answer: Answer;
  score: number;
}

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
/** How many (word, answer) pairs one query may touch; see withinSearchBudget. */
const SEARCH_BUDGET_POSTINGS = 3000;
const RERANK_DEPTH = 30;
/** A word in at least this share of answers (the council's name, "child") barely tells them apart. */
const COMMON_WORD_SHARE = 0.35;
/** Extra weight per multi-word tag of an answer that the question contains as a phrase. */
const PHRASE_BONUS = 0.5;
/** Longest tag phrase looked for in a question, in words. */
const MAX_PHRASE_WORDS = 5;

interface RankedHit extends SearchHit {
  covered: number;
  /** The index terms (stems) the answer matched. */
  matched: string[];
}

export class PackSearch {
  private readonly documentFrequency = new Map<string, number>();
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

  /** How many of the answer's multi-word tags the question contains word for word (stop words aside). */
  private phrasesIn(answerId: string, questionText: string): number {
    const padded = ` ${contentWords(questionText).join(' ')} `;
    return (this.tagPhrases.get(answerId) ?? []).filter((phrase) => padded.includes(` ${phrase} `)).length;
  }

  search(text: string): SearchResponse {
    const { urgency, reason } = classifyUrgency(text);
    return { urgent: urgency !== 'none', urgency, reason, hits: this.answersFor(text) };
  }

  /** Best first, at most MAX_HITS; empty for school admin and for weak or meaningless matches. */
  private answersFor(text: string): SearchHit[] {
    if (isSchoolAdmin(normalise(text))) return [];
    const whole = this.confidentHits(text);
    const parts = questionParts(text);
    if (parts.length < 2) return whole.slice(0, MAX_HITS);
    return mergeBestFirst(whole, parts.map((part) => this.confidentHits(part))).slice(0, MAX_HITS);
  }

  private confidentHits(text: string): SearchHit[] {
    const prepared = this.withinSearchBudget(prepareQuery(text, this.glossary));
    if (prepared.tokens.length + prepared.expansions.length + prepared.situation.length + prepared.asked.length === 0) return [];
    const usable = (hit: RankedHit) => isConfident(hit) && isAboutSafeguarding(prepared, hit);
    let ranked = this.rank(prepared).filter(usable);
    // Typos are common in a hurry; fuzzy matching is slower, so only when the plain query found nothing good.
    if (ranked.length === 0 && prepared.tokens.some(this.isUnknownWord)) ranked = this.rank(prepared, this.isUnknownWord).filter(usable);
    return ranked.map(({ answer, score }) => ({ answer, score }));
  }

  /**
   * Lunr's BM25 order, re-weighted by how many of the user's meaningful words each answer holds (strongly
   * for short questions: "what does level 3 mean" should prefer the answer with "level" and "3" over one
   * that only says "mean"), and raised for each of the answer's multi-word tags the question contains.
   */
  private rank(prepared: PreparedQuery, misspelt?: (word: string) => boolean): RankedHit[] {
    const short = prepared.tokens.length <= SHORT_QUESTION_WORDS;
    return this.index
      .query((query) => addClauses(query, prepared, misspelt))
      .slice(0, RERANK_DEPTH)
      .map((result) => {
        const matched = Object.keys(result.matchData.metadata);
        // A recognised situation speaks for the story: its professional terms count like the user's words.
        const share = Math.max(coverage(prepared, matched), situationCoverage(prepared, matched));
        const phrases = this.phrasesIn(result.ref, prepared.text);
        // Stories are re-weighted less and judged on score alone: most of their words are not meant to match.
        const weight = short ? 0.4 + 0.6 * share : 0.7 + 0.3 * share;
        return { answer: this.answersById.get(result.ref)!, score: result.score * weight * (1 + PHRASE_BONUS * phrases), covered: short ? share : 1, matched };
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Lunr's cost grows with how many answers the query's words appear in. In a large pack, words found in
   * thousands of answers ("child", "refer") barely change BM25's order but make Lunr score most of the
   * pack. So words are taken rarest first until a budget of postings is spent; the rarest word is always
   * kept. A council-sized pack (a few hundred answers) never reaches the budget, so it is never affected.
   */
  private withinSearchBudget(prepared: PreparedQuery): PreparedQuery {
    let spent = 0;
    const affordable = (word: string, mustKeep: boolean) => {
      const cost = this.answersContaining(word);
      if (!mustKeep && spent + cost > SEARCH_BUDGET_POSTINGS) return false;
      spent += cost;
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
    return { ...prepared, tokens: prepared.tokens.filter((word) => tokens.has(word)), expansions, meanings, situation, asked, common };
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

  /** How many answers contain the word in any field (memoised: the pack never changes while running). */
  private answersContaining(word: string): number {
    const stem = stemOf(word);
    let count = this.documentFrequency.get(stem);
    if (count === undefined) {
      const postings = (this.vocabulary[stem] ?? {}) as Record<string, Record<string, unknown>>;
      const refs = new Set<string>();
      for (const [field, docs] of Object.entries(postings)) if (field !== '_index') for (const ref of Object.keys(docs)) refs.add(ref);
      count = refs.size;
      this.documentFrequency.set(stem, count);
    }
    return count;
  }

  /** True for a word no answer contains (after stemming): likely a typo worth a fuzzy try. */
  private readonly isUnknownWord = (word: string): boolean => !Object.hasOwn(this.vocabulary, stemOf(word));

  private get vocabulary(): Record<string, unknown> {
    return (this.index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex;
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
