/**
 * The one place that turns a template and data into an Adaptive Card. Every reply the bot sends goes
 * through here, so the size limit and the "no unfilled ${field}" rule are checked in one spot.
 */
import * as ACData from 'adaptivecards-templating';

/** Teams refuses cards over 28 KB in some surfaces; we keep every card under it everywhere. */
export const MAX_CARD_BYTES = 28 * 1024;

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export function renderCard(template: object, data: object): AdaptiveCardJson {
  const card = new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
  const json = JSON.stringify(card);
  const unfilled = json.match(/\$\{[^}]+\}/);
  if (unfilled) throw new Error(`Card template left ${unfilled[0]} unfilled: the data is missing that field`);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) throw new Error(`Card is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte Teams limit`);
  return card;
}
