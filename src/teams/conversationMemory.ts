/**
 * Remembers where the bot can post later, from the activities Teams sends:
 *  - each known person's personal chat (for outcome cards and chase prompts), from any activity there,
 *    including the app being installed for them;
 *  - each team channel the bot is in (for early-help updates), from the install event or any post there.
 * Written only when something changed (or this instance's memory of the last write is more than a few
 * minutes old, since another instance may have written a newer reference meanwhile).
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { ConversationDeps } from '../conversation/conversationDeps';
import { rememberChannel, type SeenChannel } from '../storage/channelRows';
import { saveConversationReference } from '../storage/conversationRows';
import { tenantOf } from './tenantGuard';
import { placeOf, turnLogger } from './turnContext';

export function personConversationKey(aadObjectId: string): string {
  return `person:${aadObjectId.toLowerCase()}`;
}

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
}

/** The channel a team activity belongs to (placeOf names it), with the reference to post there later. */
function channelOf(activity: Partial<Activity>): SeenChannel | undefined {
  const conversationId = placeOf(activity).channelId;
  if (conversationId === undefined) return undefined;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  return {
    conversationId,
    tenantId: tenantOf(activity) ?? '',
    teamId: data.team?.id,
    teamName: data.team?.name,
    channelName: data.channel?.name,
    reference: { ...stableReference(activity), conversation: { ...activity.conversation, id: conversationId } },
  };
}

/**
 * How long this instance trusts its own memory of what it last saved. With several instances another one
 * may have saved a newer reference meanwhile; after this long the reference is written again regardless.
 */
const TRUST_LAST_SAVED_MS = 5 * 60_000;

export function registerConversationMemory(app: Application, deps: ConversationDeps): void {
  const lastSaved = new Map<string, { json: string; at: number }>();
  const saveIfChanged = async (context: TurnContext, key: string, value: object, save: () => Promise<void>) => {
    const json = JSON.stringify(value);
    const last = lastSaved.get(key);
    if (last?.json === json && Date.now() - last.at < TRUST_LAST_SAVED_MS) return;
    try {
      await save();
      lastSaved.set(key, { json, at: Date.now() });
    } catch (error) {
      // Not being able to remember a chat must not stop the person's question being answered.
      turnLogger(context, deps.logger).warn({ err: { name: (error as Error).name } }, 'could not save a conversation reference');
    }
  };

  app.turn('beforeTurn', async (context) => {
    const { activity } = context;
    const person = deps.directory.findPerson(activity.from?.aadObjectId);
    if (activity.conversation?.conversationType === 'personal' && person) {
      const key = personConversationKey(person.aadObjectId);
      const reference = stableReference(activity);
      await saveIfChanged(context, key, reference, () => saveConversationReference(deps.database.sql, key, reference, Date.now()));
    }
    const channel = channelOf(activity);
    if (channel && !isRemoval(activity)) {
      await saveIfChanged(context, `channel:${channel.conversationId}`, channel, () =>
        rememberChannel(deps.database.sql, channel, Date.now()),
      );
    }
    return true;
  });
}

/** The activity id changes with every message; without it the reference is stable. */
function stableReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const { activityId: _ignored, ...reference } = TurnContext.getConversationReference(activity) as ConversationReference & {
    activityId?: string;
  };
  return reference;
}

/** Activities that say the bot is leaving; remembering the channel from them would bring it back. */
function isRemoval(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  const eventType = (activity.channelData as TeamsChannelData | undefined)?.eventType ?? '';
  return (
    (activity.type === 'installationUpdate' && String((activity as { action?: string }).action ?? '').startsWith('remove')) ||
    (activity.membersRemoved ?? []).some((member) => member.id === botId) ||
    ['channelDeleted', 'teamDeleted', 'teamHardDeleted'].includes(eventType)
  );
}
