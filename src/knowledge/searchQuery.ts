/**
 * Turns a question typed in Teams into a Lunr query without ever using Lunr's query-string parser:
 * `idx.search()` throws on input such as "a:b" or "fgm^", and "*" matches every answer. We tokenise,
 * trim, drop stop words, expand acronyms and everyday words with the glossary, and build clauses with
 * the query builder, so no input can throw.
 */
import lunr from 'lunr';
import type { GlossaryTerm } from './schema';
import { ASKED_BOOST, situationWords, SITUATION_BOOST } from './situationRouting';
import { acronymMeaning, MAX_CHARS, normaliseTeamsText } from './textNormaliser';

const MAX_TOKENS = 30;
const MAX_WORD_LENGTH = 30;
const GLOSSARY_BOOST = 0.7;
/** Boost for the incidental words of a story (see STORY_WORDS). */
const STORY_WORD_BOOST = 0.25;
/** Boost for a word found in a large share of the pack's answers, in a story (see PackSearch). */
const COMMON_WORD_BOOST = 0.5;

/**
 * Words that fill most stories ("yr 7 boy told me this morning his mum…") and say little about which
 * answer fits. They still count a little, but a story is ranked on its other words and its situation.
 */
const STORY_WORDS = new Set(
  (
    'boy girl lad lass son daughter child children childs pupil pupils student students young person people kid year years old ' +
    'today yesterday tonight morning afternoon evening week weeks day days night last time just really very think thought ' +
    'know knew said says say told tell tells came come comes got get gets going go went want wants thing things bit lot lots ' +
    'like still now one two three mum mums dad dads mother father school class classroom someone something saw seen seems ' +
    'bring brought back little much many well ok okay hi hello please thanks thank actually anyway goes going ' +
    'instead fine alright sure allowed able difference diffrence differences between versus vs'
  ).split(' '),
);

export interface PreparedQuery {
  /** Words from the user's own text, lower-cased, stop words removed. */
  tokens: string[];
  /** Extra words the glossary added for acronyms and everyday terms. */
  expansions: string[];
  /**
   * What the question's acronyms stand for ("cin" → child, need), each word with its boost: the words of
   * one acronym share the weight of one word, so "dsl" (three words) does not outweigh "strat" (one).
   */
  meanings: Array<{ word: string; boost: number }>;
  /** Professional terms for the situation the message describes (situationRouting.ts). */
  situation: string[];
  /** Professional terms for what the message asks (e.g. whether to tell the parents); see Situation.asks. */
  asked: string[];
  /** In a story that ends with a question, the question's own words: they say what the user wants to know. */
  focus: string[];
  /** The whole message, normalised (for phrase matching). */
  text: string;
  /** Words so common in the pack that they cannot tell answers apart; set by the searcher. */
  common?: ReadonlySet<string>;
  /** Words searched in TOPIC_FIELDS only, to keep a large pack's query within budget; set by the searcher. */
  narrow?: ReadonlySet<string>;
}

/** A story this long (content words) with a question in it is ranked with the question's words first. */
const STORY_WORDS_BEFORE_FOCUS = 8;
const FOCUS_BOOST = 2;

/**
 * The words of the message's last real question ("... do I have to tell her before we refer?"), when the
 * message also tells a story. Empty for a plain question: then every word is the question.
 */
function focusWords(text: string, tokens: string[]): string[] {
  if (tokens.length < STORY_WORDS_BEFORE_FOCUS) return [];
  const sentences = text.slice(0, MAX_CHARS).split(/(?<=[.!?\n])\s*|\s+-\s+/).filter((sentence) => sentence.trim().length > 0);
  if (sentences.length < 2) return [];
  const asking = sentences.filter((sentence) => /\?\s*$/.test(sentence) || /^\s*(do|does|can|could|should|shall|will|would|who|what|whats|when|where|how|which|is|are|must)\b/i.test(sentence));
  const question = asking[asking.length - 1];
  if (!question) return [];
  return contentWords(normalise(question)).filter((word) => !isStoryWord(word));
}

/** The question as plain words (see textNormaliser.ts). */
export function normalise(text: string): string {
  return normaliseTeamsText(text);
}

/** The words of normalised text, without Lunr's stop words. */
export function contentWords(text: string): string[] {
  return text
    .split(' ')
    // No word staff type is longer than this; a 2,000-letter "word" would make Lunr's fuzzy match take seconds.
    .filter((word) => word.length > 0 && word.length <= MAX_WORD_LENGTH)
    .filter((word) => lunr.stopWordFilter(new lunr.Token(word, {})) !== undefined);
}

/** True for a word that fills stories rather than naming the situation. */
export function isStoryWord(word: string): boolean {
  return STORY_WORDS.has(word);
}

const glossaryCache = new WeakMap<GlossaryTerm[], Array<{ term: string; words: string[] }>>();

/** The glossary's terms and meanings, normalised once per pack rather than on every question. */
function normalisedGlossary(glossary: GlossaryTerm[]): Array<{ term: string; words: string[] }> {
  let entries = glossaryCache.get(glossary);
  if (!entries) {
    entries = glossary.map((entry) => ({ term: normalise(entry.term), words: entry.means.flatMap((phrase) => contentWords(normalise(phrase))) }));
    glossaryCache.set(glossary, entries);
  }
  return entries;
}

export function prepareQuery(text: string, glossary: GlossaryTerm[]): PreparedQuery {
  const normalised = normalise(text);
  const tokens = [...new Set(contentWords(normalised))].slice(0, MAX_TOKENS);
  const padded = ` ${normalised} `;
  const expansions = new Set<string>();
  for (const entry of normalisedGlossary(glossary)) {
    if (!padded.includes(` ${entry.term} `)) continue;
    for (const word of entry.words) expansions.add(word);
  }
  const meanings = new Map<string, number>();
  for (const token of tokens) {
    const words = contentWords(acronymMeaning(token) ?? '').filter((word) => !tokens.includes(word));
    for (const word of words) meanings.set(word, Math.max(meanings.get(word) ?? 0, 1 / Math.sqrt(words.length)));
  }
  for (const word of meanings.keys()) expansions.delete(word);
  const recognised = situationWords(normalised);
  const situation = contentWords(recognised.story.join(' '));
  const asked = contentWords(recognised.asked.join(' '));
  for (const word of [...tokens, ...situation, ...asked]) expansions.delete(word);
  return { tokens, expansions: [...expansions], meanings: [...meanings].map(([word, boost]) => ({ word, boost })), situation: [...new Set(situation)], asked: [...new Set(asked)], focus: focusWords(text, tokens), text: normalised };
}

/** Stems seen so far: coverage checks stem the same few words for every candidate answer. */
const stems = new Map<string, string>();
/** Bounds the cache: typed words are unbounded, and a cleared cache only costs a little time. */
const MAX_CACHED_STEMS = 20_000;

export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/**
 * Adds the prepared words as optional clauses. With `misspelt` (the fallback pass), each word the index
 * does not know is also tried with one typo and by its opening letters; fuzzy terms are costly on a large
 * pack, so known words are never fuzzed.
 */
/** Story and pack-wide words count little; in a story, the words of its question count most. */
function boostFor(token: string, prepared: PreparedQuery): number {
  if (isStoryWord(token)) return STORY_WORD_BOOST;
  if (prepared.common?.has(token)) return COMMON_WORD_BOOST;
  return prepared.focus.includes(token) ? FOCUS_BOOST : 1;
}

/** The short fields that name an answer's topic (see PreparedQuery.narrow). */
export const TOPIC_FIELDS = ['title', 'questions', 'tags'] as const;

export function addClauses(query: lunr.Query, prepared: PreparedQuery, misspelt?: (word: string) => boolean): void {
  const fields = (word: string) => (prepared.narrow?.has(word) ? { fields: [...TOPIC_FIELDS] } : {});
  for (const token of prepared.tokens) {
    query.term(token, { boost: boostFor(token, prepared), ...fields(token) });
    if (!misspelt?.(token)) continue;
    if (token.length >= 6) query.term(token, { boost: 0.3, editDistance: 1, usePipeline: false });
    // A misspelling late in a long word ("radicalisaton") is caught by its opening letters.
    if (token.length >= 8) {
      query.term(token.slice(0, Math.min(token.length - 2, 7)), { boost: 0.2, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    }
  }
  for (const word of prepared.expansions) query.term(word, { boost: GLOSSARY_BOOST, ...fields(word) });
  for (const { word, boost } of prepared.meanings) query.term(word, { boost, ...fields(word) });
  for (const word of prepared.situation) query.term(word, { boost: SITUATION_BOOST, ...fields(word) });
  for (const word of prepared.asked) query.term(word, { boost: ASKED_BOOST, ...fields(word) });
}

/**
 * Share of the user's own words that the matched answer contains, as the index stores them (stemmed).
 * A word also counts when a matched term is one typo away or shares its first six letters, so the
 * fuzzy fallback is judged by the same rule.
 */
export function coverage(prepared: PreparedQuery, matchedTerms: string[]): number {
  const meaningful = prepared.tokens.filter((token) => !isStoryWord(token));
  if (meaningful.length === 0) return prepared.tokens.length === 0 ? 0 : 1;
  return meaningful.filter((token) => isCovered(token, matchedTerms) || meaningCovered(token, matchedTerms)).length / meaningful.length;
}

/** An acronym counts as found when the answer spells it out ("child in need" for "cin"). */
function meaningCovered(token: string, matchedTerms: string[]): boolean {
  const meaning = contentWords(acronymMeaning(token) ?? '');
  return meaning.length > 0 && meaning.every((word) => isCovered(word, matchedTerms));
}

/** True when a matched index term is the word's stem, one typo from it, or shares its first six letters. */
export function isCovered(token: string, matchedTerms: string[]): boolean {
  const stem = stemOf(token);
  return matchedTerms.some((term) => term === stem || nearlyEqual(term, stem) || (stem.length >= 6 && term.startsWith(stem.slice(0, 6))));
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
