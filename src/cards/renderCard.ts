/**
 * The one place that turns a template and data into an Adaptive Card. Every reply the bot sends goes
 * through here, so the size limit and the "no unfilled field" rule are checked in one spot.
 */
import { randomBytes } from 'node:crypto';
import * as ACData from 'adaptivecards-templating';
import { compileTemplate, NeedsReferenceRenderer, type CompiledTemplate } from './compiledTemplate';

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

/**
 * Each template's expressions, parsed once. `new Template()` parses every `${…}` with adaptive-expressions'
 * ANTLR parser, which cost more than the rest of a turn together; `expand` only evaluates what was parsed.
 * Keyed by the template object (the imported JSON), so a template is parsed the first time it is used.
 * Reusing a Template is safe: `expand` is synchronous and keeps nothing from one card to the next.
 */
const parsedTemplates = new WeakMap<object, ACData.Template>();

function parsedTemplate(template: object): ACData.Template {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/** Each template compiled to functions (compiledTemplate.ts), or null where only the library can fill it. */
const compiledTemplates = new WeakMap<object, CompiledTemplate | null>();

function compiledTemplate(template: object): CompiledTemplate | null {
  let compiled = compiledTemplates.get(template);
  if (compiled === undefined) {
    compiled = compileTemplate(template) ?? null;
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

/**
 * The card, filled by the compiled template; by adaptivecards-templating when the template could not be
 * compiled or the data has something only the library can answer exactly (a missing field, above all, which
 * the library marks as unfilled for the check below).
 */
function filled(template: object, data: object): AdaptiveCardJson {
  const compiled = compiledTemplate(template);
  if (compiled) {
    try {
      return compiled.expand(data) as AdaptiveCardJson;
    } catch (error) {
      if (!(error instanceof NeedsReferenceRenderer)) throw error;
    }
  }
  return parsedTemplate(template).expand({ $root: data }) as AdaptiveCardJson;
}

export function renderCard(template: object, data: object, options: { maxBytes?: number } = {}): AdaptiveCardJson {
  const card = filled(template, data);
  const json = JSON.stringify(card);
  const unfilled = json.indexOf(UNFILLED);
  if (unfilled >= 0)
    throw new Error(
      `Card template left \${${json.slice(unfilled + UNFILLED.length).split(';')[0]}} unfilled: the data is missing that field`,
    );
  const maxBytes = options.maxBytes ?? MAX_CARD_BYTES;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) throw new Error(`Card is ${bytes} bytes, over the ${maxBytes}-byte limit`);
  return card;
}
