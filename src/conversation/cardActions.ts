/**
 * The data each card button sends, one zod schema per verb, in this one place. Anyone can forge a card
 * press, so nothing from `activity.value` reaches a handler unparsed. Each field is read as "the right type,
 * or nothing": a field of the wrong type becomes undefined (a form's text field becomes ''), never an error,
 * so each handler keeps answering a forged or stale press with its own plain refusal, as it always has.
 * Form verbs keep their other fields (passthrough): the use case reads the form's fields itself.
 */
import { z } from 'zod';
import { DIRECTORY_FORM_FIELDS } from '../directory/directoryForms';
import { DOMAIN_INPUTS } from '../cards/thresholdCards';
import { REFERRAL_KINDS } from '../referrals/referralKinds';

/** A string, or undefined when the press sent anything else. */
const text = z.string().optional().catch(undefined);
/** A form's text box: what was typed, or '' when the press sent anything else. */
const formText = z.string().catch('');
const nothing = z.object({});

const formOf = <const Fields extends readonly string[]>(fields: Fields) =>
  z.object(Object.fromEntries(fields.map((field) => [field, formText])) as { [Field in Fields[number]]: typeof formText });

const inputsOf = <const Fields extends readonly string[]>(fields: Fields) =>
  z.object(Object.fromEntries(fields.map((field) => [field, text])) as { [Field in Fields[number]]: typeof text });

export const CARD_ACTIONS = {
  help: nothing,
  showAnswer: z.object({ answerId: text }),
  answerFeedback: z.object({ answerId: text, helpful: z.boolean().optional().catch(undefined) }),
  directoryAddPerson: formOf(DIRECTORY_FORM_FIELDS),
  directoryAddSchool: formOf(DIRECTORY_FORM_FIELDS),
  directoryRemovePerson: z.object({ aadObjectId: text }),
  directoryRemoveSchool: z.object({ schoolId: text }),
  makeReferral: nothing,
  startReferral: z.object({ kind: z.enum(REFERRAL_KINDS).optional().catch(undefined) }),
  immediateDanger: z.object({ answer: text }),
  // The form's fields are read by referrals/referralForm.ts (formValuesFrom), for the kind the form names.
  submitReferral: z.object({ kind: z.enum(REFERRAL_KINDS).optional().catch(undefined), nonce: text }).passthrough(),
  showReferral: z.object({ reference: text }),
  thresholdHelper: nothing,
  suggestLevel: inputsOf(Object.values(DOMAIN_INPUTS)),
  recordOutcome: z.object({ reference: text, outcome: formText, note: formText }),
  retryDelivery: z.object({ reference: text }),
  linkChannel: z.object({ schoolId: text }),
  unlinkChannel: nothing,
  showSubscriptions: nothing,
  saveSubscriptions: z.object({ receive: text }),
  // The form's fields are read by updates/updateForm.ts (updateValuesFrom).
  previewUpdate: z.object({ nonce: text }).passthrough(),
  editUpdate: z.object({ nonce: text }).passthrough(),
  sendUpdate: z.object({ nonce: text }).passthrough(),
  updateReport: z.object({ updateId: z.number().optional().catch(undefined) }),
  // Universal Actions refreshes (answered in the invoke response with the card as it is now).
  refreshReferral: z.object({ reference: text, view: text }),
  refreshReferralList: nothing,
  refreshInbox: nothing,
  refreshUpdateReport: z.object({ updateId: z.number().optional().catch(undefined) }),
} as const;

export type CardVerb = keyof typeof CARD_ACTIONS;
export type CardData<Verb extends CardVerb> = z.infer<(typeof CARD_ACTIONS)[Verb]>;

/** The verbs answered with a card in the invoke response itself; every other verb runs as an Action.Submit. */
export const CARD_REFRESH_VERBS = [
  'refreshReferral',
  'refreshReferralList',
  'refreshInbox',
  'refreshUpdateReport',
] as const satisfies readonly CardVerb[];
export type CardRefreshVerb = (typeof CARD_REFRESH_VERBS)[number];

/** The press's data for this verb; anything that is not an object reads as an empty press. */
export function parseCardData<Verb extends CardVerb>(verb: Verb, value: unknown): CardData<Verb> {
  const { verb: _verb, ...data } = isObject(value) ? value : {};
  return CARD_ACTIONS[verb].parse(data) as CardData<Verb>;
}

/** What Teams sends back when a compose-box result is chosen: the tap value of the preview (anyone can forge it). */
export const chosenGuidanceSchema = z.object({ answerId: text, query: text });

export function parseChosenGuidance(value: unknown): z.infer<typeof chosenGuidanceSchema> {
  return chosenGuidanceSchema.parse(isObject(value) ? value : {});
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
