import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { channelLinkCard, channelSubscriptionsCard, type ChannelCardState } from '../cards/updateCards';
import { markChannelRemoved, markTeamRemoved } from '../storage/channelRows';
import { channelStatus, linkChannelToSchool, saveSubscriptions, unlinkChannelFromSchool, type ChannelChange, type ChannelStatus } from '../updates/channelRegistry';
import type { BotDependencies } from './app';
import { channelOf } from './conversationMemory';
import { currentUser } from './currentUser';
import { channelOnly } from './personalChatOnly';
import { replaceCard, sendCard } from './sendCard';

type CardData = { schoolId?: unknown; receive?: unknown };

const NOT_ALLOWED = 'Only this school’s DSL or headteacher, or a council admin, can change where early-help updates go.';

/**
 * A school's Teams channel: `link` shows whether it is linked to a school (and links it, with one button);
 * `subscriptions` chooses which kinds of update it receives. When the bot is removed from a channel or
 * team, or the channel or team is deleted, nothing more is posted there.
 */
export function registerChannelRoutes(app: Application, deps: BotDependencies): void {
  const linkCard = (status: ChannelStatus, state?: ChannelCardState) => linkCardFor(deps, status, state);
  const statusHere = async (context: TurnContext) => channelStatus(deps.updates, channelOf(context.activity)!.conversationId);

  /** Shows the outcome of a change in place of the card that was pressed; a refusal is said in words. */
  const afterChange = async (context: TurnContext, change: ChannelChange, card: (status: ChannelStatus) => object) => {
    if (change.status === 'done') return replaceCard(context, card(change.channel));
    await context.sendActivity(change.status === 'not-allowed' ? NOT_ALLOWED : 'This channel is not linked to a school yet: mention me with **link**.');
  };

  app.message(/^\s*link(\s+(this\s+)?channel)?\s*$/i, channelOnly(async (context) => sendCard(context, linkCard((await statusHere(context))!))));

  app.message(
    /^\s*subscriptions?\s*$/i,
    channelOnly(async (context) => {
      const status = (await statusHere(context))!;
      await sendCard(context, status.school ? channelSubscriptionsCard(status) : linkCard(status));
    }),
  );

  app.adaptiveCards.actionSubmit(
    'linkChannel',
    channelOnly(async (context: TurnContext, _state: unknown, data: CardData) => {
      const requested = typeof data.schoolId === 'string' ? data.schoolId : undefined;
      const change = await linkChannelToSchool(deps.updates, currentUser(context, deps.directory), channelOf(context.activity)!.conversationId, requested);
      await afterChange(context, change, (status) => linkCard(status, { notice: { text: `Linked to ${status.school!.name}. Early-help updates will arrive here.`, good: true } }));
    }),
  );

  app.adaptiveCards.actionSubmit(
    'unlinkChannel',
    channelOnly(async (context: TurnContext) => {
      const change = await unlinkChannelFromSchool(deps.updates, currentUser(context, deps.directory), channelOf(context.activity)!.conversationId);
      await afterChange(context, change, (status) => linkCard(status, { notice: { text: 'Unlinked. Early-help updates no longer arrive here.', good: true } }));
    }),
  );

  app.adaptiveCards.actionSubmit('showSubscriptions', channelOnly(async (context: TurnContext) => replaceCard(context, channelSubscriptionsCard((await statusHere(context))!))));

  app.adaptiveCards.actionSubmit(
    'saveSubscriptions',
    channelOnly(async (context: TurnContext, _state: unknown, data: CardData) => {
      const received = typeof data.receive === 'string' ? data.receive.split(',').filter(Boolean) : [];
      const change = await saveSubscriptions(deps.updates, currentUser(context, deps.directory), channelOf(context.activity)!.conversationId, received);
      await afterChange(context, change, (status) => channelSubscriptionsCard(status, { notice: { text: 'Saved.', good: true } }));
    }),
  );

  registerRemovals(app, deps);
}

/** When the app is added to a team, the channel is offered a link at once (after the welcome card). */
export async function offerChannelLink(context: TurnContext, deps: BotDependencies): Promise<void> {
  const channel = channelOf(context.activity);
  const status = channel ? await channelStatus(deps.updates, channel.conversationId) : undefined;
  if (status) await sendCard(context, linkCardFor(deps, status));
}

/** The channel's link card: who linked it (by name, from the directory) and to which school, or how to link it. */
function linkCardFor(deps: BotDependencies, status: ChannelStatus, state?: ChannelCardState): object {
  const linkedBy = status.channel.linkedBy ? (deps.directory.findPerson(status.channel.linkedBy)?.name ?? 'council staff') : '';
  return channelLinkCard(status, deps.directory.snapshot().schools, linkedBy, deps.cardContext.timeZone, state);
}

function registerRemovals(app: Application, deps: BotDependencies): void {
  const sql = deps.updates.sql;
  const teamIdOf = (context: TurnContext) => (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;

  app.conversationUpdate('membersRemoved', async (context) => {
    const botRemoved = (context.activity.membersRemoved ?? []).some((member) => member.id === context.activity.recipient.id);
    const teamId = teamIdOf(context);
    if (botRemoved && teamId) await markTeamRemoved(sql, teamId, Date.now());
  });
  app.conversationUpdate('channelDeleted', async (context) => {
    const channel = channelOf(context.activity);
    if (channel) await markChannelRemoved(sql, channel.conversationId, Date.now());
  });
  app.conversationUpdate('teamDeleted', async (context) => {
    const teamId = teamIdOf(context);
    if (teamId) await markTeamRemoved(sql, teamId, Date.now());
  });
  app.activity('installationUpdate', async (context) => {
    const removed = String((context.activity as { action?: string }).action ?? '').startsWith('remove');
    const teamId = teamIdOf(context);
    if (removed && teamId) await markTeamRemoved(sql, teamId, Date.now());
  });
}
