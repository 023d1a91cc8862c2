/**
 * Two questions in one message ("when's the conference and do I need a report?") often need two answers.
 * The message is split where a second question starts: after a question mark, at "also", "+" or ";",
 * or at "and" followed by a question word. Each part is searched on its own and its best answer is shown
 * next to the best answer for the whole message (see PackSearch). A part too short to search on its own
 * ("and why?") stays with the rest.
 */
import type { SearchHit } from './schema';

/** Words that start a second question after "and". Not "i" or "we": "and we searched the school" goes on the story. */
const QUESTION_START = '(?:do|does|did|is|are|can|could|should|shall|will|would|who|whos|what|whats|when|whens|where|how|which|if|must|have|has)';
const SPLITTERS = new RegExp(`\\?+\\s+(?=\\S)|\\s(?:also|plus|as well as)\\s|\\s[+;]\\s?|[;]|\\s(?:and|&)\\s(?=${QUESTION_START}\\b)`, 'gi');
/** A part needs this many letters-only words to be a question of its own. */
const MIN_PART_WORDS = 3;

export function questionParts(text: string): string[] {
  const parts = text
    .split(SPLITTERS)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length < 2) return [text];
  const usable = parts.filter((part) => (part.match(/[a-z]{2,}/gi) ?? []).length >= MIN_PART_WORDS);
  return usable.length >= 2 ? usable : [text];
}

/**
 * The whole message's best answer first, then each part's best answer not already shown, then the rest
 * of the whole message's answers. When the whole message found nothing, the parts' answers stand alone.
 */
export function mergeBestFirst(whole: SearchHit[], perPart: SearchHit[][]): SearchHit[] {
  const merged: SearchHit[] = [];
  const seen = new Set<string>();
  const add = (hit: SearchHit | undefined) => {
    if (!hit || seen.has(hit.answer.id)) return;
    seen.add(hit.answer.id);
    merged.push(hit);
  };
  add(whole[0]);
  for (const hits of perPart) add(hits[0]);
  for (const hit of whole.slice(1)) add(hit);
  for (const hits of perPart) for (const hit of hits.slice(1)) add(hit);
  return merged;
}
