/**
 * The shape every inbound Bot Framework activity must have before the adapter sees it. botbuilder trusts the
 * body: `{}`, a missing conversation or a number where a string belongs made it throw deep inside and answer
 * 500. Here the fields the pipeline routes on (ids, tenant, conversation type) must have the right type or the
 * request gets 400; content fields a person controls (text, card values, mention entities) that have the wrong
 * type are dropped instead, so the chat answers with the help card rather than an error.
 * Permissive about everything else: Teams adds fields over time, and unknown keys pass through untouched.
 */
import { z } from 'zod';

const optionalString = z.string().optional();

/** A user, bot or member: botbuilder's turn state needs `id`; the directory keys on `aadObjectId`. */
const channelAccount = z
  .object({ id: z.string().min(1), name: optionalString, aadObjectId: optionalString, role: optionalString })
  .passthrough();

const conversation = z
  .object({
    id: z.string().min(1),
    conversationType: optionalString,
    tenantId: optionalString,
    isGroup: z.boolean().optional(),
    name: optionalString,
  })
  .passthrough();

const idOnly = z.object({ id: optionalString }).passthrough();

const channelData = z
  .object({ tenant: idOnly.optional(), team: idOnly.optional(), channel: idOnly.optional(), eventType: optionalString })
  .passthrough();

const plainObject = z.record(z.unknown());

/** Mention entities as Teams sends them; anything else in the list is dropped, not refused. */
const entities = z
  .array(z.unknown())
  .transform((items) => items.filter((item): item is Record<string, unknown> => plainObject.safeParse(item).success))
  .optional()
  .catch(undefined);

export const inboundActivitySchema = z
  .object({
    type: z.string().min(1),
    id: optionalString,
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    from: channelAccount,
    recipient: channelAccount,
    conversation,
    channelData: channelData.optional(),
    name: optionalString,
    replyToId: optionalString,
    timestamp: optionalString,
    localTimestamp: optionalString,
    locale: optionalString,
    // What a person typed or a card sent: a wrong type means "nothing usable", not a bad request.
    text: z.string().optional().catch(undefined),
    value: z.unknown().optional(),
    entities,
    membersAdded: z.array(channelAccount).optional(),
    membersRemoved: z.array(channelAccount).optional(),
  })
  .passthrough()
  .transform(({ value, ...activity }) => ({ ...activity, value: keepValue(activity.type, value) }));

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

export type InboundParse = { ok: true; activity: InboundActivity } | { ok: false; field: string };

/** Parses a request body; on failure names the first field at fault (a path, never the value sent). */
export function parseInboundActivity(body: unknown): InboundParse {
  const parsed = inboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const path = parsed.error.issues[0]?.path.join('.');
  return { ok: false, field: path && path.length > 0 ? path : '(body)' };
}

/** A card submit's value is an object; a message with any other value (null, a number) is treated as having none. */
function keepValue(type: string, value: unknown): unknown {
  if (type !== 'message') return value;
  return plainObject.safeParse(value).success ? value : undefined;
}
