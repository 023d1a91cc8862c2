/**
 * Which Teams channels belong to which school. The bot records every channel it is added to (teams/
 * conversationMemory.ts); a school's DSL or head, or an admin, links a channel to the school with one card
 * action; the school can mute categories there; removal of the bot or the channel stops posting to it.
 * Every change is authorised here, not in the route, because a card's data is whatever the client sends;
 * each change and each refusal is written to the audit log.
 */
import { canChangeChannel, type ChannelClaims } from '../policies';
import type { Person, School } from '../directory/schema';
import { appendAudit } from '../storage/auditRows';
import {
  findChannel,
  linkChannel,
  markChannelRemoved,
  markTeamRemoved,
  setMutedCategories,
  unlinkChannel,
  type StoredChannel,
} from '../storage/channelRows';
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
 * Links the channel to a school: the one asked for, else the team's school per the directory, else the
 * person's own. Who may is decided by canChangeChannel, from the channel's current claims, not the card.
 */
export async function linkChannelToSchool(
  deps: UpdateDeps,
  user: Person | undefined,
  conversationId: string,
  requestedSchoolId?: string,
): Promise<ChannelChange> {
  const status = await channelStatus(deps, conversationId);
  if (!status || status.channel.removedAt !== null) return { status: 'unknown-channel' };
  const schoolId = requestedSchoolId || status.suggestedSchool?.id || user?.school;
  const known = schoolId !== undefined && deps.directory.school(schoolId) !== undefined;
  // A school id from the card is audited only if the directory knows it: card data is anyone's to write.
  if (!known || !canChangeChannel(user, claimsOn(status), schoolId))
    return refused(deps, user, 'link', conversationId, known ? schoolId : status.channel.schoolId);
  await linkChannel(deps.sql, conversationId, schoolId, user!.aadObjectId.toLowerCase(), deps.now());
  return changed(deps, user!, 'link', conversationId, schoolId);
}

export async function unlinkChannelFromSchool(deps: UpdateDeps, user: Person | undefined, conversationId: string): Promise<ChannelChange> {
  return changeLinkedChannel(deps, user, conversationId, 'unlink', () => unlinkChannel(deps.sql, conversationId));
}

/** Sets the categories the channel receives; the others are muted. */
export async function saveSubscriptions(
  deps: UpdateDeps,
  user: Person | undefined,
  conversationId: string,
  received: string[],
): Promise<ChannelChange> {
  const muted = UPDATE_CATEGORIES.filter((category) => !received.includes(category));
  return changeLinkedChannel(deps, user, conversationId, 'subscriptions', () => setMutedCategories(deps.sql, conversationId, muted));
}

export function mutedCategoriesOf(channel: StoredChannel): UpdateCategory[] {
  return channel.mutedCategories.split(',').filter(isCategory);
}

/** What a change did, for the audit log's detail: never more than the kind of change and the channel. */
type ChannelChangeKind = 'link' | 'unlink' | 'subscriptions';

/** Changes to a linked channel: canChangeChannel against the school it is linked to and the team's school. */
async function changeLinkedChannel(
  deps: UpdateDeps,
  user: Person | undefined,
  conversationId: string,
  kind: ChannelChangeKind,
  change: () => Promise<void>,
): Promise<ChannelChange> {
  const before = await channelStatus(deps, conversationId);
  if (!before?.channel.schoolId) return { status: 'unknown-channel' };
  if (!canChangeChannel(user, claimsOn(before))) return refused(deps, user, kind, conversationId, before.channel.schoolId);
  await change();
  return changed(deps, user!, kind, conversationId, before.channel.schoolId);
}

function claimsOn(status: ChannelStatus): ChannelClaims {
  return { linkedSchoolId: status.channel.schoolId ?? undefined, teamSchoolId: status.suggestedSchool?.id };
}

/** A refused change is audited and logged like a refused look at a referral; the person is told in words. */
async function refused(
  deps: UpdateDeps,
  user: Person | undefined,
  kind: ChannelChangeKind,
  conversationId: string,
  schoolId: string | null | undefined,
): Promise<ChannelChange> {
  await auditChannelChange(deps, user, kind, conversationId, schoolId ?? undefined, false);
  deps.logger.warn({ conversation: conversationId, change: kind, school: schoolId ?? undefined }, 'channel change refused');
  return { status: 'not-allowed' };
}

async function changed(
  deps: UpdateDeps,
  user: Person,
  kind: ChannelChangeKind,
  conversationId: string,
  schoolId: string,
): Promise<ChannelChange> {
  await auditChannelChange(deps, user, kind, conversationId, schoolId, true);
  deps.logger.info({ conversation: conversationId, change: kind, school: schoolId }, 'channel changed');
  return { status: 'done', channel: (await channelStatus(deps, conversationId))! };
}

function auditChannelChange(
  deps: UpdateDeps,
  user: Person | undefined,
  kind: ChannelChangeKind,
  conversationId: string,
  schoolId: string | undefined,
  allowed: boolean,
): Promise<void> {
  const actor = user?.aadObjectId.toLowerCase() ?? 'unknown';
  return appendAudit(deps.sql, {
    at: deps.now(),
    actor,
    action: 'channel.changed',
    schoolId,
    allowed,
    detail: `${kind} ${conversationId}`,
  });
}

/**
 * Teams says the bot was removed from a team, or the team or a channel was deleted: nothing more is posted
 * there. These come from Teams itself (a conversation update), not from a person, so no one's permission applies.
 */
export async function teamRemoved(deps: UpdateDeps, teamId: string): Promise<void> {
  await markTeamRemoved(deps.sql, teamId, deps.now());
}

export async function channelRemoved(deps: UpdateDeps, channelId: string): Promise<void> {
  await markChannelRemoved(deps.sql, channelId, deps.now());
}
