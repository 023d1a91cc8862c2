/**
 * A school's Teams channel: `link` shows whether it is linked to a school (and links it, with one button);
 * `subscriptions` chooses which kinds of update it receives. When the bot is removed from a channel or
 * team, or the channel or team is deleted, nothing more is posted there.
 */
import { channelLinkCard, channelSubscriptionsCard, type ChannelCardState } from '../cards/updateCards';
import {
  channelRemoved,
  channelStatus,
  linkChannelToSchool,
  saveSubscriptions,
  teamRemoved,
  unlinkChannelFromSchool,
  type ChannelChange,
  type ChannelStatus,
} from '../updates/channelRegistry';
import type { ConversationDeps } from './conversationDeps';
import { currentUser } from './currentUser';
import { channelOnly } from './placeGuards';
import { cardAction, event, message, type Route } from './routes';
import type { Turn } from './turn';

const NOT_ALLOWED = 'Only this school’s DSL or headteacher, or a council admin, can change where early-help updates go.';

export function channelRoutes(deps: ConversationDeps): Route[] {
  const linkCard = (status: ChannelStatus, state?: ChannelCardState) => linkCardFor(deps, status, state);
  // channelOnly has checked that this is a channel, and the edge names every channel's id.
  const channelHere = (turn: Turn) => turn.place.channelId!;
  const statusHere = async (turn: Turn) => (await channelStatus(deps.updates, channelHere(turn)))!;

  /** Shows the outcome of a change in place of the card that was pressed; a refusal is said in words. */
  const afterChange = async (turn: Turn, change: ChannelChange, card: (status: ChannelStatus) => object) => {
    if (change.status === 'done') return turn.replaceCard(card(change.channel));
    await turn.sendText(
      change.status === 'not-allowed' ? NOT_ALLOWED : 'This channel is not linked to a school yet: mention me with **link**.',
    );
  };

  return [
    message(
      /^\s*link(\s+(this\s+)?channel)?\s*$/i,
      channelOnly(async (turn) => turn.sendCard(linkCard(await statusHere(turn)))),
    ),
    message(
      /^\s*subscriptions?\s*$/i,
      channelOnly(async (turn) => {
        const status = await statusHere(turn);
        await turn.sendCard(status.school ? channelSubscriptionsCard(status) : linkCard(status));
      }),
    ),
    cardAction(
      'linkChannel',
      channelOnly(async (turn, data) => {
        const change = await linkChannelToSchool(deps.updates, currentUser(turn, deps.directory), channelHere(turn), data.schoolId);
        await afterChange(turn, change, (status) =>
          linkCard(status, { notice: { text: `Linked to ${status.school!.name}. Early-help updates will arrive here.`, good: true } }),
        );
      }),
    ),
    cardAction(
      'unlinkChannel',
      channelOnly(async (turn) => {
        const change = await unlinkChannelFromSchool(deps.updates, currentUser(turn, deps.directory), channelHere(turn));
        await afterChange(turn, change, (status) =>
          linkCard(status, { notice: { text: 'Unlinked. Early-help updates no longer arrive here.', good: true } }),
        );
      }),
    ),
    cardAction(
      'showSubscriptions',
      channelOnly(async (turn) => turn.replaceCard(channelSubscriptionsCard(await statusHere(turn)))),
    ),
    cardAction(
      'saveSubscriptions',
      channelOnly(async (turn, data) => {
        const received = (data.receive ?? '').split(',').filter(Boolean);
        const change = await saveSubscriptions(deps.updates, currentUser(turn, deps.directory), channelHere(turn), received);
        await afterChange(turn, change, (status) => channelSubscriptionsCard(status, { notice: { text: 'Saved.', good: true } }));
      }),
    ),
    ...removalRoutes(deps),
  ];
}

/** When the app is added to a team, the channel is offered a link at once (after the welcome card). */
export async function offerChannelLink(turn: Turn, deps: ConversationDeps): Promise<void> {
  const status = turn.place.channelId ? await channelStatus(deps.updates, turn.place.channelId) : undefined;
  if (status) await turn.sendCard(linkCardFor(deps, status));
}

/** The channel's link card: who linked it (by name, from the directory) and to which school, or how to link it. */
function linkCardFor(deps: ConversationDeps, status: ChannelStatus, state?: ChannelCardState): object {
  const linkedBy = status.channel.linkedBy ? (deps.directory.findPerson(status.channel.linkedBy)?.name ?? 'council staff') : '';
  return channelLinkCard(status, deps.directory.snapshot().schools, linkedBy, deps.cardContext.timeZone, state);
}

function removalRoutes(deps: ConversationDeps): Route[] {
  const teamGone = async (turn: Turn) => {
    if (turn.place.teamId) await teamRemoved(deps.updates, turn.place.teamId);
  };
  return [
    event('botRemovedFromTeam', teamGone),
    event('channelDeleted', async (turn) => {
      if (turn.place.channelId) await channelRemoved(deps.updates, turn.place.channelId);
    }),
    event('teamDeleted', teamGone),
  ];
}
