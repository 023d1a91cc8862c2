/**
 * Posting an early-help update: work out which channels it goes to (linked channels of the schools in its
 * audience that have not muted its category), then store it with one delivery job per channel in one
 * transaction. Idempotent on its source (the form's nonce, or the API's event id).
 */
import type { School } from '../directory/schema';
import { canPostUpdate, UPDATES_API_AUTHOR } from '../policies/updates';
import { listLinkedChannels, type StoredChannel } from '../storage/channelRows';
import { enqueueJob } from '../storage/outboxRows';
import { findUpdateBySource, insertDelivery, insertUpdate, type StoredUpdate } from '../storage/updateRows';
import { deliverUpdateJob, queueFinalReportIfDone } from './deliverUpdate';
import { mutedCategoriesOf } from './channelRegistry';
import { schoolIsIn } from './updateCategories';
import type { UpdateDeps } from './updateDeps';
import type { UpdateDraft } from './updateForm';

export interface UpdatePlan {
  channels: StoredChannel[];
  /** Schools in the audience. */
  schools: School[];
  /** Schools in the audience with no linked channel: they will not see it. */
  schoolsWithoutChannel: School[];
  /** Linked channels in the audience that muted this category. */
  mutedChannels: number;
}

export async function planUpdate(deps: UpdateDeps, draft: UpdateDraft): Promise<UpdatePlan> {
  const schools = deps.directory.snapshot().schools.filter((school) => schoolIsIn(draft.audience, school));
  const inAudience = (await listLinkedChannels(deps.sql)).filter((channel) => schools.some((school) => school.id === channel.schoolId));
  const channels = inAudience.filter((channel) => !mutedCategoriesOf(channel).includes(draft.category));
  return {
    channels,
    schools,
    schoolsWithoutChannel: schools.filter((school) => !inAudience.some((channel) => channel.schoolId === school.id)),
    mutedChannels: inAudience.length - channels.length,
  };
}

export interface Author {
  /** Entra object id, or `system:updates-api`. */
  id: string;
  name: string;
}

export type PostResult = { status: 'posted'; update: StoredUpdate; channels: number } | { status: 'already-posted'; update: StoredUpdate };

/** Thrown when the author may not post updates; the routes check first, so only a bypass of them gets here. */
export class NotAllowedToPost extends Error {
  constructor() {
    super('not allowed to post updates');
  }
}

/**
 * Checks the author (policies/updates.ts) against the directory, not against what the caller says of them:
 * early-help staff by their Entra object id, or the signed updates API. Refused, nothing is stored.
 */
export async function postUpdate(deps: UpdateDeps, author: Author, draft: UpdateDraft, sourceKey: string): Promise<PostResult> {
  if (!canPostUpdate(author.id === UPDATES_API_AUTHOR ? UPDATES_API_AUTHOR : deps.directory.findPerson(author.id))) {
    deps.logger.warn({ source: sourceKey.split(':')[0] }, 'update refused: the author may not post updates');
    throw new NotAllowedToPost();
  }
  const earlier = await findUpdateBySource(deps.sql, sourceKey);
  if (earlier) return { status: 'already-posted', update: earlier };
  const plan = await planUpdate(deps, draft);
  const now = deps.now();
  const update = await deps.sql.transaction(async (tx) => {
    const stored = await insertUpdate(tx, {
      sourceKey,
      title: draft.title,
      message: draft.message,
      category: draft.category,
      link: draft.link ?? null,
      expiresOn: draft.expiresOn,
      audience: JSON.stringify(draft.audience),
      authorId: author.id,
      authorName: author.name,
      createdAt: now,
    });
    if (!stored) return undefined; // the same source, at the same moment
    for (const channel of plan.channels) {
      await insertDelivery(tx, stored.id, channel.conversationId, channel.schoolId!);
      await enqueueJob(tx, deliverUpdateJob(stored, channel, now), now);
    }
    await queueFinalReportIfDone(tx, stored, now); // an update that reaches no channel is reported at once
    return stored;
  });
  if (!update) return { status: 'already-posted', update: (await findUpdateBySource(deps.sql, sourceKey))! };
  deps.jobsQueued();
  deps.logger.info({ update: update.id, category: update.category, channels: plan.channels.length }, 'update posted');
  return { status: 'posted', update, channels: plan.channels.length };
}
