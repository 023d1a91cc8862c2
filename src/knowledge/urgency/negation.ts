/**
 * Negation scope: "no marks", "he says nobody hurt him" and "dad didn't hit him" describe the absence of
 * harm, but "no marks but says dad hit him" still describes harm. A negation word counts only when it
 * stands shortly before the cue in the same clause; "but", "and", a full stop or a comma ends its reach.
 */

/** Words that end a negation's reach: a new clause starts after them. */
const CLAUSE_BREAK = /[.;:!?,\n]|\s-\s|\b(?:but|however|although|though|yet|whereas|and)\b/g;
const NEGATION = /\b(?:no|not|never|nobody|no one|noone|nothing|none|without|denies|denied|deny|neither|nor)\b|n't\b/;
/** Doubt is not denial: "not sure if dad hit him" still reports that he may have. */
const DOUBT = /\b(?:not (?:sure|certain|clear|convinced)|(?:don't|do not|didn't) (?:know|think)|can't (?:tell|be sure)|no idea)\b/g;
/** How many words before the cue a negation may stand and still govern it. */
const NEGATION_REACH_WORDS = 6;

/**
 * "no" and "without" negate the noun right after them, not the rest of the sentence: in "a child with no
 * speech has a burn mark" the burn is there. A verb between such a word and the cue ends its reach.
 */
const NOUN_NEGATION = /\b(?:no(?! one\b)|without)\b/g;
const VERB_AFTER_NOUN = /\b(?:has|have|had|is|was|are|were|got|gets|came|comes|says|said|showed|shows)\b/;

/** True when the words just before `cueStart` in the same clause negate the cue. */
export function isNegatedAt(text: string, cueStart: number): boolean {
  const before = text.slice(0, cueStart);
  const clauseStart = lastClauseBreak(before);
  const clause = before.slice(clauseStart).replace(DOUBT, ' ');
  const nearby = clause.trim().split(/\s+/).slice(-NEGATION_REACH_WORDS).join(' ');
  if (!NEGATION.test(nearby)) return false;
  return NEGATION.test(nearby.replace(NOUN_NEGATION, (word, offset: number) => (VERB_AFTER_NOUN.test(nearby.slice(offset)) ? ' ' : word)));
}

function lastClauseBreak(text: string): number {
  let end = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) end = match.index + match[0].length;
  return end;
}
