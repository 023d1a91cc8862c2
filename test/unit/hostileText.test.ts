/**
 * Everything a person typed, or that came from the directory or from Teams, is shown as text: one table of
 * hostile strings, put into every typed field of every card such text reaches (issue 11, items 2 and 6).
 *
 * How "nothing renders live" is judged: each card is built twice, once with plain words in every typed field
 * and once with the hostile string, and the Markdown/HTML constructs a renderer could act on (links, images,
 * HTML tags and mentions, entities, emphasis and code markers, block starts, Teams {{…}} functions) are
 * counted in every TextBlock, FactSet, RichTextBlock and expanded choice. The counts must be the same: the
 * hostile string added none. The hostile string's words must still be on the card, and no bidi control.
 */
import { describe, expect, it } from 'vitest';
import {
  channelLinkCard,
  channelSubscriptionsCard,
  updateFormCard,
  updatePostCard,
  updatePreviewCard,
  updateReportCard,
} from '../../src/cards/updateCards';
import { directoryAdminCard } from '../../src/cards/directoryAdminCard';
import {
  inboxCard,
  referralDetailCard,
  referralListCard,
  referralReceiptCard,
  type ReferralCardContext,
} from '../../src/cards/referralCards';
import { referralFormCard } from '../../src/cards/referralFormCard';
import { notificationCard } from '../../src/cards/referralNoticeCards';
import type { AdaptiveCardJson } from '../../src/cards/renderCard';
import { schoolPeopleCard } from '../../src/cards/schoolPeopleCard';
import { whoamiCard } from '../../src/cards/whoamiCard';
import type { Person, School } from '../../src/directory/schema';
import type { ReferralDetail } from '../../src/referrals/readReferrals';
import { FORM_FIELDS, type FrontDoorForm, type EarlyHelpForm } from '../../src/referrals/referralForm';
import type { ReferralSummary } from '../../src/referrals/referralSummary';
import type { StoredChannel } from '../../src/storage/channelRows';
import type { StoredUpdate } from '../../src/storage/updateRows';
import type { ChannelStatus } from '../../src/updates/channelRegistry';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const context: ReferralCardContext = {
  timeZone: 'Europe/London',
  frontDoor: knowledge.contact('front-door')!,
  emergencyContacts: knowledge.emergencyContacts(),
  disclaimer: knowledge.pack.info.disclaimer,
};

const HOSTILE: Record<string, string> = {
  'a tel: link with a wrong number': '[Call the front door](tel:+447700900123)',
  'a tracking-pixel image': '![t](https://evil.example/p.png)',
  'an HTML image': '<img src=https://evil.example/x>',
  bold: '**bold**',
  'italics and code': '_italic_ and `code` and *star*',
  'a heading': '# heading',
  'a list': '- list',
  'a numbered list': '1. first',
  'a quote': '> quoted',
  'a Teams mention': '<at>Alex</at>',
  entities: '&lt;b&gt; &amp; &#60;i&#62;',
  'a template expression': '${name}',
  'a Teams function or handlebars': '{{name}} {{DATE(2026-11-23T10:00:00Z, SHORT)}}',
  'a right-to-left override': 'Sam \u202Egnp.exe\u202C Smith \u2066isolated\u2069 \u200Fmark',
  'a reference-style link': '[click][1]\n\n[1]: tel:+447700900123',
  'an autolink': '<tel:+447700900123> <https://evil.example/a>',
  'strikethrough and a rule': '~~struck~~\n\n---',
  'a very long string': '[Call](tel:+447700900123) ![t](https://evil.example/p.png) **loud** 😀 '.repeat(6),
  'emoji and four-byte letters': '😀 Zoë 𝒜lice 👩‍👧 family',
  'new lines with block starts': 'first line\n# heading\n- item\n1. one\n> quote\n\n    indented code\n| a | b |',
};

const PLAIN = 'Plain words';
/** An update's message keeps its author's formatting, so it is judged by the looser rule below. */
const MESSAGE_MARK = 'Message:';

type CardBuilder = (typed: string) => AdaptiveCardJson[];

const school = (name: string, id = 'sample-primary'): School => ({ id, name, urn: '123456', phase: 'primary' });
const person = (name: string): Person => ({
  name,
  aadObjectId: '00000000-0000-0000-0000-000000000001',
  role: 'dsl',
  school: 'sample-primary',
});

const summary = (typed: string, overrides: Partial<ReferralSummary> = {}): ReferralSummary => ({
  reference: 'FD-2026-000124',
  kind: 'front-door',
  kindName: 'Front door (MASH) referral',
  schoolId: 'sample-primary',
  schoolName: typed,
  referrerName: typed,
  childInitials: typed,
  submittedAt: Date.UTC(2026, 10, 23, 10, 2),
  decisionDueAt: Date.UTC(2026, 10, 24, 10, 2),
  status: 'decided',
  outcomeLabel: 'Early help recommended',
  personalDataDeleted: false,
  ...overrides,
});

/** Every typed answer of a form of either kind set to the same text. */
function typedForm(kind: 'front-door' | 'early-help', typed: string): FrontDoorForm | EarlyHelpForm {
  const all = Object.fromEntries(FORM_FIELDS[kind].map((field) => [field, typed])) as Record<string, string>;
  return kind === 'front-door'
    ? ({ ...all, childAge: undefined, parentsKnow: 'no', parentsAgree: 'not-asked' } as unknown as FrontDoorForm)
    : ({ ...all, childAge: undefined, parentsAgree: 'yes' } as unknown as EarlyHelpForm);
}

function detail(typed: string, kind: 'front-door' | 'early-help', viewerIsCouncil: boolean): ReferralDetail {
  return {
    summary: summary(typed, { kind }),
    form: typedForm(kind, typed),
    delivery: { adapter: 'inbox', deliveredAt: Date.UTC(2026, 10, 23, 10, 3), receiverReference: typed, error: typed },
    outcome: {
      label: 'Early help recommended',
      forSchool: 'Offer the family early help.',
      note: typed,
      recordedAt: Date.UTC(2026, 10, 23, 15, 0),
      recordedBy: typed,
    },
    outcomeChoices: viewerIsCouncil ? [{ code: 'early-help', label: 'Early help recommended' } as never] : [],
    canRetryDelivery: viewerIsCouncil,
    viewerIsCouncil,
  };
}

const channel = (typed: string): StoredChannel => ({
  conversationId: '19:general@thread.tacv2',
  tenantId: 'tenant',
  teamId: 'team-id',
  teamName: typed,
  channelName: typed,
  reference: '{}',
  schoolId: 'sample-primary',
  linkedBy: 'someone',
  linkedAt: Date.UTC(2026, 10, 23, 9, 0),
  mutedCategories: '',
  addedAt: Date.UTC(2026, 10, 23, 9, 0),
  removedAt: null,
});

const storedUpdate = (typed: string): StoredUpdate => ({
  id: 7,
  sourceKey: 'teams:author:nonce',
  title: typed,
  message: `${MESSAGE_MARK} ${typed}`,
  category: 'course',
  link: 'https://example.org/course',
  expiresOn: '2026-12-31',
  audience: '{"type":"all"}',
  authorId: 'author',
  authorName: typed,
  createdAt: Date.UTC(2026, 10, 23, 9, 0),
  reportSentAt: null,
});

/** Every card typed text reaches, built with `typed` in every typed field. */
const CARDS: Record<string, CardBuilder> = {
  'referral receipt': (typed) => [referralReceiptCard(context, summary(typed), false)],
  'school’s referral list': (typed) => [
    referralListCard(context, { title: `Referrals: ${typed}`, referrals: [summary(typed)], showSchool: true }),
  ],
  'front door and early-help inbox': (typed) => [
    inboxCard(context, {
      kind: 'front-door',
      awaiting: [summary(typed, { status: 'awaiting-decision' })],
      notDelivered: [summary(typed, { status: 'not-delivered' })],
    }),
  ],
  'referral in full, for the front door and the DSL': (typed) =>
    (['front-door', 'early-help'] as const).flatMap((kind) => [
      referralDetailCard(context, detail(typed, kind, true), {
        notice: { text: typed, good: false },
        form: { outcome: 'early-help', note: typed },
      }),
      referralDetailCard(context, detail(typed, kind, false)),
    ]),
  'outcome, chase and not-delivered notices': (typed) =>
    (['outcome', 'chase', 'delivery-failed'] as const).map((message) =>
      notificationCard(context, message, summary(typed), {
        label: 'Early help recommended',
        forSchool: 'Offer early help.',
        note: typed,
        recordedAt: Date.UTC(2026, 10, 23, 15, 0),
      }),
    ),
  'referral form sent back': (typed) =>
    (['front-door', 'early-help'] as const).map((kind) =>
      referralFormCard({
        kind,
        schoolName: typed,
        referrer: `${typed}, Designated safeguarding lead`,
        today: '2026-11-23',
        frontDoorPhone: '0121 788 4300',
        values: Object.fromEntries(FORM_FIELDS[kind].map((f) => [f, typed])),
      }),
    ),
  'update form sent back': (typed) => [
    updateFormCard({
      schools: [school(typed), school(typed, 'other')],
      today: '2026-11-23',
      values: { title: typed, message: typed, link: typed, schools: 'sample-primary' },
      errors: { link: `Links must be full https:// addresses: change or remove “${typed}”` },
    }),
  ],
  'update post and preview': (typed) => {
    const update = storedUpdate(typed);
    const draft = {
      title: update.title,
      message: update.message,
      category: 'course' as const,
      audience: { type: 'schools' as const, schools: ['sample-primary', 'other'] },
      link: `https://example.org/${typed}`,
      expiresOn: '2026-12-31',
    };
    const plan = {
      channels: [channel(typed)],
      schools: [school(typed), school(typed, 'other')],
      schoolsWithoutChannel: [school(typed, 'other')],
      mutedChannels: 0,
    };
    return [
      updatePostCard(update, 'Europe/London'),
      updatePreviewCard({
        draft,
        plan,
        values: { title: typed, message: typed },
        nonce: 'nonce',
        authorName: typed,
        timeZone: 'Europe/London',
      }),
    ];
  },
  'update delivery report': (typed) => [
    updateReportCard({
      update: storedUpdate(typed),
      counts: { sent: 1, pending: 0, failed: 1, skipped: 1 } as never,
      total: 3,
      problems: [
        { school: typed, channel: typed, outcome: 'failed', reason: typed },
        { school: typed, channel: typed, outcome: 'skipped', reason: typed },
      ],
    }),
  ],
  'channel link and subscriptions': (typed) => {
    const linked: ChannelStatus = { channel: channel(typed), school: school(typed), muted: [] };
    const unlinked: ChannelStatus = { channel: { ...channel(typed), schoolId: null }, suggestedSchool: school(typed), muted: [] };
    return [
      channelLinkCard(linked, [school(typed)], typed, 'Europe/London', { notice: { text: `Linked to ${typed}.`, good: true } }),
      channelLinkCard(unlinked, [school(typed), school(typed, 'other')], '', 'Europe/London'),
      channelSubscriptionsCard(linked, { notice: { text: typed, good: true } }),
    ];
  },
  'directory admin': (typed) => [
    directoryAdminCard(
      {
        schools: [school(typed)],
        people: [person(typed), { ...person(typed), aadObjectId: 'council-1', role: 'front-door', school: undefined }],
      },
      { notice: { text: `Added ${typed}.`, good: true }, form: { personName: typed, schoolName: typed } },
    ),
  ],
  'school’s people and whoami': (typed) => [
    schoolPeopleCard(school(typed), [person(typed)]),
    whoamiCard(person(typed), school(typed), 'Ask your DSL.'),
  ],
};

/** The text a client renders with Markdown: TextBlocks, facts, rich-text runs, expanded choices and labels. */
function renderedTexts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) renderedTexts(item, found);
    return found;
  }
  if (!node || typeof node !== 'object') return found;
  const element = node as Record<string, unknown>;
  if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
  if (element.type === 'TextRun' && typeof element.text === 'string') found.push(element.text);
  if (element.type === 'FactSet')
    for (const fact of (element.facts as Array<{ title: string; value: string }>) ?? []) found.push(fact.title, fact.value);
  if (element.type === 'Input.ChoiceSet' && element.style === 'expanded')
    for (const choice of (element.choices as Array<{ title: string }>) ?? []) found.push(choice.title);
  if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.label === 'string') found.push(element.label);
  for (const [key, value] of Object.entries(element)) {
    // Action.Submit data carries values back to the server; it is never shown.
    if (key !== 'data') renderedTexts(value, found);
  }
  return found;
}

/** Constructs a Markdown or HTML renderer could act on, counted per kind. */
const LIVE: Record<string, RegExp> = {
  link: /\[[^\]]*\]\s*\(/g,
  image: /!\[[^\]]*\]\s*\(/g,
  referenceDefinition: /^[ \t]{0,3}\[[^\]]*\]:/gm,
  htmlTagMentionOrAutolink: /<[A-Za-z/!?]/g,
  entity: /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi,
  emphasis: /\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu,
  code: /`/g,
  strikethrough: /~~/g,
  blockStart: /^([ \t]{0,3}([#>+=|*_-]|\d{1,9}[.)])|[ \t]{4})/gm,
  teamsFunction: /\{\{/g,
};
/** What an update message may still use: its author's bold, italics, lists and https links. */
const LIVE_IN_MESSAGE = ['image', 'referenceDefinition', 'htmlTagMentionOrAutolink', 'entity', 'teamsFunction'];

function liveCounts(text: string, kinds = Object.keys(LIVE)): Record<string, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, (text.match(LIVE[kind]) ?? []).length]));
}

const nonHttpsLinks = (text: string) =>
  [...text.matchAll(/\]\s*\(\s*<?([^\s)>]*)/g)].map((m) => m[1]).filter((target) => !/^https:\/\//i.test(target));
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('everything typed is shown as text, on every card it reaches', () => {
  for (const [cardName, build] of Object.entries(CARDS)) {
    describe(cardName, () => {
      const plainTexts = build(PLAIN).flatMap((card) => renderedTexts(card));

      it.each(Object.entries(HOSTILE))('%s renders nothing live, and reads the same', (_name, hostile) => {
        const cards = build(hostile);
        const texts = cards.flatMap((card) => renderedTexts(card));
        expect(texts.length).toBe(plainTexts.length);
        texts.forEach((text, index) => {
          const message = plainTexts[index].includes(MESSAGE_MARK);
          const kinds = message ? LIVE_IN_MESSAGE : Object.keys(LIVE);
          expect({ text, live: liveCounts(text, kinds) }).toEqual({ text, live: liveCounts(plainTexts[index], kinds) });
          if (message) expect(nonHttpsLinks(text)).toEqual([]);
          expect(text).not.toMatch(BIDI);
        });
        const shown = texts.join(' ').replace(/\u200B/g, '');
        for (const word of wordsOf(hostile.replace(BIDI, ''))) expect(shown).toContain(word);
      });
    });
  }

  it('a form sent back holds exactly what was typed in its inputs (inputs never render Markdown)', () => {
    const hostile = HOSTILE['a tel: link with a wrong number'];
    const card = JSON.stringify(
      referralFormCard({
        kind: 'front-door',
        schoolName: 'Sample',
        referrer: 'Alex',
        today: '2026-11-23',
        frontDoorPhone: '0121 788 4300',
        values: { concernWhat: hostile },
      }),
    );
    expect(card).toContain(JSON.stringify(hostile));
  });
});
