/**
 * Words that signal a child may be in danger now. When any matches, every reply leads with 999, the front
 * door and the out-of-hours number, whatever the search finds. False positives cost a banner; false
 * negatives could cost a child, so the patterns lean towards matching.
 */
const URGENT_PATTERNS: RegExp[] = [
  /\b(immediate|imminent|serious)\s+(danger|risk)\b/,
  /\bin danger\b/,
  /\b(not|isn'?t|won'?t be|wont be|never) (be )?safe\b/,
  /\b(scared|afraid|frightened|terrified|refuses|refusing|doesn'?t want|does not want) (of going|to go|going) home\b/,
  /\bcan'?t go home\b/,
  /\b(right now|happening now|at the moment|currently|tonight)\b.*\b(hit|hitting|hurt|hurting|abus\w*|beat\w*|touch\w*|attack\w*|threat\w*|weapon|knife)\b/,
  /\b(hit|hitting|hurt|hurting|abus\w*|beat\w*|touch\w*|attack\w*|threat\w*|weapon|knife)\b.*\b(right now|happening now|at the moment|currently|tonight)\b/,
  /\b(is|are|being) (being )?(hit|beaten|hurt|abused|attacked|assaulted)\b/,
  /\b(threat\w* to kill|going to kill|kill (him|her|them)sel(f|ves)|suicide plan|plans? to (end|take) (his|her|their) (own )?life)\b/,
  /\b(taken|took) an overdose\b|\boverdosed\b/,
  /\b(has|had|carrying|brought) a (knife|gun|weapon|blade)\b/,
  /\bmissing (now|tonight|right now|since this morning)\b/,
  /\b(bleeding|unconscious|can'?t breathe)\b/,
];

export function isUrgent(text: string): boolean {
  const normalised = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  return URGENT_PATTERNS.some((pattern) => pattern.test(normalised));
}
