/**
 * Text helpers for the rules: plain sentences from an answer's Markdown (emphasis, links and list marks are
 * stripped so a phrase split by `**` or a link still matches) and the words search would index.
 */
import lunr from 'lunr';

export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/[ \t]+/g, ' ');
}

/**
 * Sentences, list items and headings, trimmed. A single line break inside a paragraph is only wrapping
 * ("you must not\ntalk to the parents first" is one sentence); a blank line, a list item or a heading
 * starts a new block.
 */
export function sentencesOf(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#+)\s)|(?<=^#+\s[^\n]*)\n/m)
    .map((block) => plainText(block).replace(/\s*\n\s*/g, ' '))
    .flatMap((block) => block.split(/(?<=[.!?])\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Lower-cased words without Lunr's stop words, split as searchQuery.normalise splits a question
 * (apostrophes dropped, anything else not a letter or digit is a break), but without its length limits.
 */
export function contentWordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && lunr.stopWordFilter(new lunr.Token(word, {})) !== undefined);
}
