/**
 * Finding the links in Markdown someone typed (an early-help update's message), so the form can refuse any
 * link that is not https and the card can neutralise one that slipped through. Deliberately wider than
 * CommonMark: a space between "]" and "(" counts, entities and escapes are not decoded (so "&#104;ttp:" is
 * refused rather than trusted), and bare addresses count because Teams and the Playground make them live.
 */

/** `[text](target)` and `![alt](target)`: the target, up to a space, ")" or ">". */
const INLINE_LINK_TARGET = /\]\s*\(\s*<?([^\s)>]*)/g;
/** `[name]: target` at the start of a line: a reference definition. */
const REFERENCE_DEFINITION = /^[ \t]{0,3}\[[^\]\n]*\]:[ \t]*<?([^\s>]*)/gm;
/** `<scheme:…>`: an autolink. */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;
/** A bare address with a scheme (`http://…`, `ftp://…`), or starting `www.`, which clients link as http. */
const BARE_ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()\]]*|(?<![\w/.])www\.[^\s<>()\]]+/gi;

export function isHttpsAddress(target: string): boolean {
  return /^https:\/\/[^\s/?#]+/i.test(target);
}

/** Every link target in the text, in the order found (a target may appear more than once). */
export function linkTargets(markdown: string): string[] {
  const found: string[] = [];
  for (const pattern of [INLINE_LINK_TARGET, REFERENCE_DEFINITION, AUTOLINK]) {
    for (const match of markdown.matchAll(pattern)) found.push(match[1]);
  }
  for (const match of markdown.matchAll(BARE_ADDRESS)) found.push(match[0]);
  return found;
}

/** The distinct targets that are not https addresses: each one is a reason to refuse the text. */
export function nonHttpsLinks(markdown: string): string[] {
  return [...new Set(linkTargets(markdown).filter((target) => !isHttpsAddress(target)))];
}
