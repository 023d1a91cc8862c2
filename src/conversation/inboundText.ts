/**
 * What a person typed, as the routes should see it. Teams sends message text as HTML-ish markup: the bot's
 * @mention as `<at>…</at>` (sometimes one entity per word of the bot's name, sometimes an entity with no
 * `text`), `&nbsp;` after it, and entities such as `&amp;` and `&#39;`. botbuilder's removeRecipientMention
 * removes only the first mention entity's text and crashes when the text is not a string, so the app turns
 * it off and this one place cleans the text for every route.
 */

interface MentionEntity {
  type?: unknown;
  text?: unknown;
  mentioned?: { id?: unknown; name?: unknown };
}

/** The parts of an activity this needs; botbuilder's Activity fits it. */
export interface TextActivity {
  text?: unknown;
  entities?: unknown;
  recipient?: { id?: string; name?: string };
}

const AT_TAG = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;

/** True when the activity mentions the bot by an entity naming its id, or by an `<at>` tag with its name. */
export function mentionsBot(activity: TextActivity): boolean {
  if (botMentions(activity).length > 0) return true;
  const names = botNameParts(activity);
  return typeof activity.text === 'string' && [...activity.text.matchAll(AT_TAG)].some((tag) => names.has(normalise(tag[1])));
}

/** The text with every mention of the bot removed, other people's mentions kept as their names, entities decoded. */
export function cleanMessageText(activity: TextActivity): string | undefined {
  if (typeof activity.text !== 'string') return undefined;
  let text = activity.text;
  for (const mention of botMentions(activity)) {
    if (typeof mention.text === 'string' && mention.text.length > 0) text = text.split(mention.text).join(' ');
  }
  const names = botNameParts(activity);
  text = text.replace(AT_TAG, (_tag, inner: string) => (names.has(normalise(inner)) ? ' ' : inner));
  return decodeHtmlEntities(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function botMentions(activity: TextActivity): MentionEntity[] {
  const botId = activity.recipient?.id;
  if (!botId || !Array.isArray(activity.entities)) return [];
  return (activity.entities as unknown[]).filter(
    (entity): entity is MentionEntity =>
      isObject(entity) && entity.type === 'mention' && isObject(entity.mentioned) && entity.mentioned.id === botId,
  );
}

/** The bot's name, whole and word by word (Teams may split a two-word name into two mentions). */
function botNameParts(activity: TextActivity): Set<string> {
  const names = botMentions(activity)
    .map((mention) => mention.mentioned?.name)
    .concat(activity.recipient?.name)
    .filter((name): name is string => typeof name === 'string' && name.trim().length > 0);
  return new Set(names.flatMap((name) => [normalise(name), ...normalise(name).split(' ')]).filter((part) => part.length > 0));
}

function normalise(name: string): string {
  return decodeHtmlEntities(name)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Teams uses; an unknown name is left as typed. Run once, so `&amp;lt;` becomes `&lt;`. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff) ? String.fromCodePoint(point) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
