/**
 * Turns a question typed in Teams into a Lunr query without ever using Lunr's query-string parser:
 * `idx.search()` throws on input such as "a:b" or "fgm^", and "*" matches every answer. We tokenise,
 * trim, drop stop words, expand acronyms and everyday words with the glossary, and build clauses with
 * the query builder, so no input can throw.
 */
import lunr from 'lunr';
import type { GlossaryTerm } from './schema';

/** Long stories are fine, but only the start is searched: enough for any real question, cheap for any input. */
const MAX_CHARS = 2000;
const MAX_TOKENS = 30;
const GLOSSARY_BOOST = 0.7;

export interface PreparedQuery {
  /** Words from the user's own text, lower-cased, stop words removed. */
  tokens: string[];
  /** Extra words the glossary added for acronyms and everyday terms. */
  expansions: string[];
}

export function normalise(text: string): string {
  return text
    .slice(0, MAX_CHARS)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents
    .replace(/['’‘`]/g, '') // "mum's" → "mums"
    .replace(/<[^>]*>/g, ' ') // HTML tags, including Teams' <at> mentions
    .replace(/[^a-z0-9\s]/g, ' ') // everything Lunr could read as syntax: * : ^ ~ + - and more
    .replace(/\s+/g, ' ')
    .trim();
}

function contentWords(text: string): string[] {
  return text
    .split(' ')
    .filter((word) => word.length > 0)
    .filter((word) => lunr.stopWordFilter(new lunr.Token(word, {})) !== undefined);
}

export function prepareQuery(text: string, glossary: GlossaryTerm[]): PreparedQuery {
  const normalised = normalise(text);
  const tokens = [...new Set(contentWords(normalised))].slice(0, MAX_TOKENS);
  const padded = ` ${normalised} `;
  const expansions = new Set<string>();
  for (const entry of glossary) {
    if (!padded.includes(` ${normalise(entry.term)} `)) continue;
    for (const phrase of entry.means) for (const word of contentWords(normalise(phrase))) expansions.add(word);
  }
  for (const token of tokens) expansions.delete(token);
  return { tokens, expansions: [...expansions] };
}

export function stemOf(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

/**
 * Adds the prepared words as optional clauses. With `misspelt` (the fallback pass), each word the index
 * does not know is also tried with one typo and by its opening letters; fuzzy terms are costly on a large
 * pack, so known words are never fuzzed.
 */
export function addClauses(query: lunr.Query, prepared: PreparedQuery, misspelt?: (word: string) => boolean): void {
  for (const token of prepared.tokens) {
    query.term(token, { boost: 1 });
    if (!misspelt?.(token)) continue;
    if (token.length >= 6) query.term(token, { boost: 0.3, editDistance: 1, usePipeline: false });
    // A misspelling late in a long word ("radicalisaton") is caught by its opening letters.
    if (token.length >= 8) {
      query.term(token.slice(0, Math.min(token.length - 2, 7)), { boost: 0.2, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    }
  }
  for (const word of prepared.expansions) query.term(word, { boost: GLOSSARY_BOOST });
}

/**
 * Share of the user's own words that the matched answer contains, as the index stores them (stemmed).
 * A word also counts when a matched term is one typo away or shares its first six letters, so the
 * fuzzy fallback is judged by the same rule.
 */
export function coverage(prepared: PreparedQuery, matchedTerms: string[]): number {
  if (prepared.tokens.length === 0) return 0;
  const covered = prepared.tokens.filter((token) => {
    const stem = stemOf(token);
    return matchedTerms.some((term) => term === stem || nearlyEqual(term, stem) || (stem.length >= 6 && term.startsWith(stem.slice(0, 6))));
  });
  return covered.length / prepared.tokens.length;
}

/** True when a and b differ by at most one edit (insert, delete, substitute or swap two neighbours). */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return restA === restB || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || swapped;
}
