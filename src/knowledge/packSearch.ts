/**
 * Searching the pack: a question in, the confident matches out, best first. The query is built by
 * searchQuery.ts; this file decides which words to use, how to rank, and when a match is too weak to show.
 */
import type lunr from 'lunr';
import type { Answer, GlossaryTerm } from './schema';
import { addClauses, coverage, prepareQuery, stemOf, type PreparedQuery } from './searchQuery';
import { isUrgent } from './urgentSignals';

export interface SearchHit {
  answer: Answer;
  score: number;
}

export interface SearchResponse {
  /** A child may be in danger now: show 999, the front door and out of hours first. */
  urgent: boolean;
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
const RERANK_DEPTH = 20;

interface RankedHit extends SearchHit {
  covered: number;
}

export class PackSearch {
  private readonly documentFrequency = new Map<string, number>();

  constructor(
    private readonly index: lunr.Index,
    private readonly answersById: ReadonlyMap<string, Answer>,
    private readonly glossary: GlossaryTerm[],
  ) {}

  search(text: string): SearchResponse {
    const urgent = isUrgent(text);
    const prepared = this.withinSearchBudget(prepareQuery(text, this.glossary));
    if (prepared.tokens.length + prepared.expansions.length === 0) return { urgent, hits: [] };
    let ranked = this.rank(prepared).filter(isConfident);
    // Typos are common in a hurry; fuzzy matching is slower, so only when the plain query found nothing good.
    if (ranked.length === 0 && prepared.tokens.some(this.isUnknownWord)) ranked = this.rank(prepared, this.isUnknownWord).filter(isConfident);
    return { urgent, hits: ranked.slice(0, MAX_HITS).map(({ answer, score }) => ({ answer, score })) };
  }

  /**
   * Lunr's BM25 order, re-weighted for short questions by how many of the user's words each answer holds:
   * "what does level 3 mean" should prefer the answer with "level" and "3" over one that only says "mean".
   * Long stories are left in Lunr's order; most of their words are not meant to match.
   */
  private rank(prepared: PreparedQuery, misspelt?: (word: string) => boolean): RankedHit[] {
    const short = prepared.tokens.length <= SHORT_QUESTION_WORDS;
    return this.index
      .query((query) => addClauses(query, prepared, misspelt))
      .slice(0, RERANK_DEPTH)
      .map((result) => {
        const covered = short ? coverage(prepared, Object.keys(result.matchData.metadata)) : 1;
        return { answer: this.answersById.get(result.ref)!, score: result.score * (0.4 + 0.6 * covered), covered };
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
    const tokens = new Set(rarestFirst(prepared.tokens).filter((word, index) => affordable(word, index === 0)));
    const expansions = rarestFirst(prepared.expansions).filter((word) => affordable(word, false));
    return { tokens: prepared.tokens.filter((word) => tokens.has(word)), expansions };
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

/** A weak match is worse than none: "book a meeting room" must not answer with the TAF meeting page. */
function isConfident(hit: RankedHit): boolean {
  return hit.score >= MIN_CONFIDENT_SCORE && hit.covered >= MIN_COVERAGE;
}
