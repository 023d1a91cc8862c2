/**
 * Presenters for early-help updates: the form, the preview, the post schools see in their channel, the
 * author's delivery report, and the channel's link and subscriptions cards.
 *
 * Titles, names, school and channel names and delivery errors are shown as plain text; an update's message
 * keeps the formatting the form offers, with https links only (see plainText.ts).
 */
import { randomUUID } from 'node:crypto';
import type { School } from '../directory/schema';
import type { ChannelStatus } from '../updates/channelRegistry';
import type { UpdatePlan } from '../updates/postUpdate';
import { CATEGORY_NAMES, describeAudience, UPDATE_CATEGORIES, type UpdateCategory } from '../updates/updateCategories';
import type { UpdateDraft, UpdateErrors, UpdateValues } from '../updates/updateForm';
import { UPDATE_FIELDS } from '../updates/updateForm';
import type { UpdateReport } from '../updates/updateReport';
import { isHttpsAddress } from '../validation/markdownLinks';
import { noticeView, type CardNotice } from './cardNotice';
import { plainText, updateMessageForCard } from './plainText';
import { formatDate, formatDateTime } from './formatTime';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import linkTemplate from './templates/channelLink.json';
import subscriptionsTemplate from './templates/channelSubscriptions.json';
import formTemplate from './templates/updateForm.json';
import postTemplate from './templates/updatePost.json';
import previewTemplate from './templates/updatePreview.json';
import reportTemplate from './templates/updateReport.json';

/** With more schools than this, "chosen schools" is a drop-down rather than a list of tick boxes. */
const TICK_BOXES_UP_TO = 12;
/** A new update is relevant for four weeks unless its author says otherwise. */
const DEFAULT_RELEVANCE_DAYS = 28;

const categoryChoices = UPDATE_CATEGORIES.map((category) => ({ title: CATEGORY_NAMES[category], value: category }));
const blank = Object.fromEntries(UPDATE_FIELDS.map((field) => [field, ''])) as Record<(typeof UPDATE_FIELDS)[number], string>;

export interface UpdateFormInput {
  schools: School[];
  /** Today in the council's calendar (YYYY-MM-DD). */
  today: string;
  values?: UpdateValues;
  errors?: UpdateErrors;
  notice?: string;
  nonce?: string;
}

export function updateFormCard(input: UpdateFormInput): AdaptiveCardJson {
  const defaults = { ...blank, expiresOn: addDays(input.today, DEFAULT_RELEVANCE_DAYS) };
  return renderCard(formTemplate, {
    notice: input.notice ?? '',
    values: input.values ? { ...blank, ...input.values } : defaults,
    // An error may quote what was typed (a refused link), so it is shown as plain text too.
    errors: {
      ...blank,
      ...Object.fromEntries(Object.entries(input.errors ?? {}).map(([field, error]) => [field, plainText(error ?? '')])),
    },
    categories: categoryChoices,
    schools: input.schools.map((school) => ({ id: school.id, name: plainText(school.name) })),
    schoolsStyle: input.schools.length > TICK_BOXES_UP_TO ? 'compact' : 'expanded',
    today: input.today,
    nonce: input.nonce ?? randomUUID(),
  });
}

/** What the channel post shows of an update (a stored update has these fields and more). */
export interface UpdatePostView {
  title: string;
  message: string;
  category: string;
  link: string | null;
  /** YYYY-MM-DD */
  expiresOn: string;
  authorName: string;
}

/** The post schools see in their channel. A link that is not https (an old row, say) is left off. */
export function updatePostCard(update: UpdatePostView, timeZone: string): AdaptiveCardJson {
  const categoryName = CATEGORY_NAMES[update.category as UpdateCategory] ?? update.category;
  return renderCard(postTemplate, {
    categoryName: plainText(categoryName),
    categoryLower: plainText(categoryName.toLowerCase()),
    title: plainText(update.title),
    message: updateMessageForCard(update.message),
    from: plainText(update.authorName),
    until: formatDate(Date.parse(`${update.expiresOn}T12:00:00Z`), timeZone),
    link: update.link && isHttpsAddress(update.link) ? update.link : '',
  });
}

export interface UpdatePreviewInput {
  draft: UpdateDraft;
  plan: UpdatePlan;
  /** What was typed, carried by the Send and Edit buttons (the server checks it again on Send). */
  values: UpdateValues;
  nonce: string;
  authorName: string;
  timeZone: string;
}

export function updatePreviewCard(input: UpdatePreviewInput): AdaptiveCardJson {
  const { draft, plan } = input;
  const post = updatePostCard({ ...draft, link: draft.link ?? null, authorName: input.authorName }, input.timeZone);
  const schoolNames = new Map(plan.schools.map((school) => [school.id, plainText(school.name)]));
  const channelWord = plan.channels.length === 1 ? 'channel' : 'channels';
  const reachedSchools = new Set(plan.channels.map((channel) => channel.schoolId)).size;
  const carried = { ...blank, ...input.values, nonce: input.nonce };
  return renderCard(previewTemplate, {
    post: [
      ...(post.body as object[]),
      ...(draft.link ? [{ type: 'TextBlock', text: `Link: ${plainText(draft.link)}`, size: 'Small', wrap: true }] : []),
    ],
    audience: describeAudience(draft.audience, (id) => schoolNames.get(id) ?? id),
    goesTo: `${plan.channels.length} ${channelWord} at ${reachedSchools} ${reachedSchools === 1 ? 'school' : 'schools'}`,
    notReached: notReached(plan, draft.category),
    channels: plan.channels.length,
    sendTitle: `Send to ${plan.channels.length} ${channelWord}`,
    sendData: { verb: 'sendUpdate', ...carried },
    editData: { verb: 'editUpdate', ...carried },
  });
}

export function updateReportCard(report: UpdateReport): AdaptiveCardJson {
  const { counts } = report;
  const finished = counts.pending === 0;
  return renderCard(reportTemplate, {
    title: plainText(report.update.title),
    updateId: report.update.id,
    state: finished
      ? counts.failed > 0
        ? 'Finished, with failures: see below.'
        : 'Finished.'
      : 'Still sending. Press Refresh to see progress.',
    stateColor: finished ? (counts.failed > 0 ? 'Attention' : 'Good') : 'Default',
    total: String(report.total),
    sent: String(counts.sent),
    pending: String(counts.pending),
    failed: String(counts.failed),
    skipped: String(counts.skipped),
    // School and channel names (Teams gives the latter) and the reasons (errors from outside) are plain text.
    problems: report.problems.map((problem) => ({
      where: plainText(`${problem.school} (${problem.channel})`),
      reason: `${problem.outcome === 'failed' ? 'Failed' : 'Not posted'}: ${plainText(problem.reason)}`,
    })),
  });
}

export interface ChannelCardState {
  notice?: CardNotice;
}

export function channelLinkCard(
  status: ChannelStatus,
  schools: School[],
  linkedByName: string,
  timeZone: string,
  state: ChannelCardState = {},
): AdaptiveCardJson {
  const { channel, school, suggestedSchool } = status;
  return renderCard(linkTemplate, {
    ...noticeView(state.notice),
    linked: school !== undefined,
    schoolName: plainText(school?.name ?? ''),
    linkedBy: plainText(linkedByName),
    linkedAt: channel.linkedAt ? formatDateTime(channel.linkedAt, timeZone) : '',
    receiving: receivingText(status.muted),
    suggestion: suggestedSchool ? `The directory says this team belongs to ${plainText(suggestedSchool.name)}.` : '',
    suggestedSchoolId: suggestedSchool?.id ?? '',
    schools: schools.map((s) => ({ id: s.id, name: plainText(s.name) })),
  });
}

export function channelSubscriptionsCard(status: ChannelStatus, state: ChannelCardState = {}): AdaptiveCardJson {
  return renderCard(subscriptionsTemplate, {
    ...noticeView(state.notice),
    schoolName: plainText(status.school?.name ?? ''),
    categories: categoryChoices,
    receiving: UPDATE_CATEGORIES.filter((category) => !status.muted.includes(category)).join(','),
  });
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function notReached(plan: UpdatePlan, category: UpdateCategory): string {
  const parts: string[] = [];
  if (plan.schoolsWithoutChannel.length > 0)
    parts.push(
      `${plan.schoolsWithoutChannel.length} without a linked channel (${plan.schoolsWithoutChannel.map((s) => plainText(s.name)).join(', ')})`,
    );
  if (plan.mutedChannels > 0)
    parts.push(
      `${plan.mutedChannels} ${plan.mutedChannels === 1 ? 'channel has' : 'channels have'} muted ${CATEGORY_NAMES[category].toLowerCase()}`,
    );
  return parts.length > 0 ? parts.join('; ') : 'none';
}

function receivingText(muted: UpdateCategory[]): string {
  const received = UPDATE_CATEGORIES.filter((category) => !muted.includes(category)).map((category) =>
    CATEGORY_NAMES[category].toLowerCase(),
  );
  return received.length > 0 ? received.join(', ') : 'nothing (every kind of update is muted)';
}
