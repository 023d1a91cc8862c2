/**
 * Which Teams channels belong to which school. The bot records every channel it is added to (bot/
 * conversationMemory.ts); a school's DSL or head, or an admin, links a channel to the school with one card
 * action; the school can mute categories there; removal of the bot or the channel stops posting to it.
 */
import { canLinkChannel } from '../directory/policies';
import type { Person, School } from '../directory/schema';
import { findChannel, linkChannel, setMutedCategories, unlinkChannel, type StoredChannel } from '../storage/channelRows';
import { isCategory, UPDATE_CATEGORIES, type UpdateCategory } from './updateCategories';
import type { UpdateDeps } from './updateDeps';

export interface ChannelStatus {
  channel: StoredChannel;
  /** The school it is linked to. */
  school?: School;
  /** The school whose Teams team this is, per the directory (teamsTeamId), offered when linking. */
  suggestedSchool?: School;
  muted: UpdateCategory[];
}

export type ChannelChange = { status: 'done'; channel: ChannelStatus } | { status: 'not-allowed' } | { status: 'unknown-channel' };

export async function channelStatus(deps: UpdateDeps, conversationId: string): Promise<ChannelStatus | undefined> {
  const channel = await findChannel(deps.sql, conversationId);
  if (!channel) return undefined;
  const schools = deps.directory.snapshot().schools;
  return {
    channel,
    school: schools.find((school) => school.id === channel.schoolId),
    suggestedSchool: schools.find((school) => school.teamsTeamId !== undefined && school.teamsTeamId === channel.teamId),
    muted: mutedCategoriesOf(channel),
  };
}

/**
 * Links the channel to a school: the one asked for (admins), else the team's school per the directory,
 * else the person's own. DSLs and heads may link only to their own school.
 */
export async function linkChannelToSchool(deps: UpdateDeps, user: Person | undefined, conversationId: string, requestedSchoolId?: string): Promise<ChannelChange> {
  const status = await channelStatus(deps, conversationId);
  if (!status || status.channel.removedAt !== null) return { status: 'unknown-channel' };
  const schoolId = requestedSchoolId || status.suggestedSchool?.id || user?.school;
  if (!schoolId || !deps.directory.school(schoolId) || !canLinkChannel(user, schoolId)) return { status: 'not-allowed' };
  await linkChannel(deps.sql, conversationId, schoolId, user!.aadObjectId.toLowerCase(), deps.now());
  deps.logger.info({ conversation: conversationId, school: schoolId }, 'channel linked to a school');
  return { status: 'done', channel: (await channelStatus(deps, conversationId))! };
}

export async function unlinkChannelFromSchool(deps: UpdateDeps, user: Person | undefined, conversationId: string): Promise<ChannelChange> {
  return changeLinkedChannel(deps, user, conversationId, () => unlinkChannel(deps.sql, conversationId));
}

/** Sets the categories the channel receives; the others are muted. */
export async function saveSubscriptions(deps: UpdateDeps, user: Person | undefined, conversationId: string, received: string[]): Promise<ChannelChange> {
  const muted = UPDATE_CATEGORIES.filter((category) => !received.includes(category));
  return changeLinkedChannel(deps, user, conversationId, () => setMutedCategories(deps.sql, conversationId, muted));
}

export function mutedCategoriesOf(channel: StoredChannel): UpdateCategory[] {
  return channel.mutedCategories.split(',').filter(isCategory);
}

/** Changes to a linked channel are for its school's DSLs and heads, and admins. */
async function changeLinkedChannel(deps: UpdateDeps, user: Person | undefined, conversationId: string, change: () => Promise<void>): Promise<ChannelChange> {
  const before = await channelStatus(deps, conversationId);
  if (!before?.channel.schoolId) return { status: 'unknown-channel' };
  if (!canLinkChannel(user, before.channel.schoolId)) return { status: 'not-allowed' };
  await change();
  return { status: 'done', channel: (await channelStatus(deps, conversationId))! };
}
