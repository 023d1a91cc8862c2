/**
 * The one place that turns a template and data into an Adaptive Card. Every reply the bot sends goes
 * through here, so the size limit and the "no unfilled field" rule are checked in one spot.
 */
import { randomBytes } from 'node:crypto';
import * as ACData from 'adaptivecards-templating';

/** Teams refuses cards over 28 KB in some surfaces; we keep every card under it everywhere… */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * …except cards that carry what a person typed (a referral form sent back with its values, a referral shown
 * in full). Those are only ever sent as bot messages, whose documented limit is 100 KB (80 KB recommended).
 */
export const MAX_FORM_CARD_BYTES = 80 * 1024;

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/**
 * A field the data lacks is filled with this marker, so we can refuse the card. The marker is random per
 * process: text a person typed (which may itself contain "${…}") can never be mistaken for it.
 */
const UNFILLED = `unfilled-${randomBytes(8).toString('hex')}:`;
ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => `${UNFILLED}${path};`;

export function renderCard(template: object, data: object, options: { maxBytes?: number } = {}): AdaptiveCardJson {
  const card = new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
  const json = JSON.stringify(card);
  const unfilled = json.indexOf(UNFILLED);
  if (unfilled >= 0) throw new Error(`Card template left \${${json.slice(unfilled + UNFILLED.length).split(';')[0]}} unfilled: the data is missing that field`);
  const maxBytes = options.maxBytes ?? MAX_CARD_BYTES;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) throw new Error(`Card is ${bytes} bytes, over the ${maxBytes}-byte limit`);
  return card;
}
