/**
 * Text a person typed, or that came from the directory or from Teams (names, school and channel names,
 * referral answers, outcome notes, delivery errors), shown on a card as the words typed and nothing more.
 *
 * Why this is needed: Teams renders a Markdown subset in TextBlock text and in FactSet titles and values
 * (links, bold, italics, lists), and the Agents Playground / Web Chat render full Markdown, images and HTML.
 * Typed `[Call the front door](tel:+447700900123)` would become a live link with a wrong number, and
 * `![t](https://evil.example/p.png)` or `<img src=…>` a tracking pixel.
 *
 * Why not backslash escapes: Teams clients do not agree on them. Mobile clients have shown the backslashes
 * (microsoft/AdaptiveCards#5590, #7474, Teams-AdaptiveCards-Mobile#58), other renderers ignore escapes in
 * emphasis (AdaptiveCards#5758), and the same card has rendered differently on desktop and Android
 * (MicrosoftDocs/msteams-docs#5793). So the syntax is broken instead, in ways every Markdown parser agrees on:
 * - a zero-width space (U+200B) after "]", "<" and "&", so no `[text](url)`, `![img](url)`, `[x]: url`,
 *   `<tag>`, `<at>` mention, `<scheme:…>` autolink or `&entity;` can form;
 * - a zero-width space before a line that starts like a block (`#`, `>`, `-`, `+`, `=`, `|`, `1.`, `1)`,
 *   indentation), so no heading, quote, list, rule, table or code block can form;
 * - look-alike characters for the emphasis and code markers: `*` → `∗` (U+2217), `` ` `` → `ˋ` (U+02CB), and
 *   `_` at the edge of a word → `＿` (U+FF3F); `_` inside a word (a_b@school.org) is never emphasis and stays;
 * - a zero-width space inside `~~` (strikethrough) and `{{` (Teams' date and time functions).
 * The words read the same; nothing renders live. Bidi controls and other invisible characters are removed
 * too, for text that never passed through a form (Teams display and channel names, older rows).
 * Bare https addresses may still be linked by a client: they show their own target, so they cannot mislead.
 *
 * Card input values and Action.Submit data are NOT passed through this: they are not rendered as Markdown,
 * and they must carry exactly what was typed back to the server.
 */
import { withoutInvisibleCharacters } from '../validation/formFields';
import { isHttpsAddress } from '../validation/markdownLinks';
import { markdownForCard } from './markdownForCard';

const ZWSP = '\u200B';

/** A line that Markdown could read as a heading, quote, list, rule, setext underline, table or code block. */
const BLOCK_START = /^(?=[ \t]|[#>\-+=|*_`~]|\d{1,9}[.)])/gm;

/**
 * `text` as literal words on a card: see the comment at the top of this file. Applying it twice gives the
 * same result as once (it removes its own zero-width spaces before adding them), so a presenter need not
 * know whether a value was already made plain.
 */
export function plainText(text: string): string {
  return withoutInvisibleCharacters(text)
    .replace(/[\]<&]/g, `$&${ZWSP}`)
    .replace(/~(?=~)|\{(?=\{)/g, `$&${ZWSP}`)
    .replace(/\*/g, '\u2217')
    .replace(/`/g, '\u02CB')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\uFF3F')
    .replace(BLOCK_START, ZWSP);
}

/** The same for each named field of a view, so a presenter can say once which of its fields were typed. */
export function plainTextFields<T extends object, K extends keyof T>(view: T, fields: readonly K[]): T {
  const copy = { ...view };
  for (const field of fields) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = plainText(value) as T[K];
  }
  return copy;
}

/**
 * An early-help update's message: its author may use what the form offers (paragraphs, **bold**, _italics_,
 * lists and [links](https://…)); headings become bold lines, as in pack answers. Everything else that could
 * render live is neutralised as in plainText: images (the "!" is cut off the link), HTML and entities,
 * reference definitions, and any link that is not https (the form refuses those; this catches rows stored
 * before that rule, and anything the updates API let through).
 */
export function updateMessageForCard(message: string): string {
  const neutralised = withoutInvisibleCharacters(message)
    .replace(/[<&]/g, `$&${ZWSP}`)
    .replace(/!(?=\s*\[)/g, `!${ZWSP}`)
    .replace(/\]([ \t]*\(\s*<?)([^\s)>]*)/g, (link, opening: string, target: string) =>
      isHttpsAddress(target) ? link : `]${ZWSP}${opening}${target}`,
    )
    .replace(/^([ \t]{0,3}\[[^\]\n]*)\]:/gm, `$1]${ZWSP}:`)
    .replace(/\{(?=\{)/g, `{${ZWSP}`);
  return markdownForCard(neutralised);
}
