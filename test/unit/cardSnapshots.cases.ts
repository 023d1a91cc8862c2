/**
 * The cards the snapshot tests render: one realistic data set per template (more where a template has
 * branches a user would see). Shared by cardSnapshots.test.ts and cardSnapshots.compiled.test.ts.
 *
 * The pack content is a frozen copy (cardSnapshots.fixture.json, taken from knowledge/ on 2026-12-02), so
 * editing an answer does not move the snapshots; times are fixed instants and nonces are given.
 */
import { answerCard, noMatchCard } from '../../src/cards/answerCards';
import { directoryAdminCard } from '../../src/cards/directoryAdminCard';
import { feedbackReportCard } from '../../src/cards/feedbackReportCard';
import { guidanceCard } from '../../src/cards/guidanceCards';
import {
  currentReceiptCard,
  immediateDangerCheckCard,
  immediateDangerStopCard,
  inboxCard,
  referralChooserCard,
  referralDetailCard,
  referralListCard,
  referralReceiptCard,
  type ReferralCardContext,
} from '../../src/cards/referralCards';
import { referralFormCard } from '../../src/cards/referralFormCard';
import { notificationCard } from '../../src/cards/referralNoticeCards';
import { listUnavailableCard, referralUnavailableCard, reportUnavailableCard } from '../../src/cards/refreshCards';
import { schoolPeopleCard } from '../../src/cards/schoolPeopleCard';
import { thresholdHelperCard, thresholdResultCard } from '../../src/cards/thresholdCards';
import {
  channelLinkCard,
  channelSubscriptionsCard,
  updateFormCard,
  updatePostCard,
  updatePreviewCard,
  updateReportCard,
} from '../../src/cards/updateCards';
import { helpCard, welcomeCard } from '../../src/cards/welcomeCards';
import { whoamiCard } from '../../src/cards/whoamiCard';
import type { DirectoryData } from '../../src/directory/schema';
import type { Answer, Contact, LevelOfNeed, NeedIndicator } from '../../src/knowledge/schema';
import type { ReferralForm } from '../../src/referrals/referralForm';
import type { ReferralSummary } from '../../src/referrals/referralSummary';
import type { ThresholdSuggestion } from '../../src/thresholds/suggestLevel';
import type { ChannelStatus } from '../../src/updates/channelRegistry';
import { validForm } from '../support/referralForms';
import frozen from './cardSnapshots.fixture.json';

type Suggested = Extract<ThresholdSuggestion, { kind: 'suggested' }>;
const pack = frozen as unknown as {
  answers: Answer[];
  contacts: Record<string, Contact>;
  levels: LevelOfNeed[];
  indicators: NeedIndicator[];
  emergencyContacts: Contact[];
  disclaimer: string;
  organisation: string;
  packVersion: string;
  suggestion: Suggested;
  harmSuggestion: Suggested;
  outcomeChoices: Record<'front-door' | 'early-help', Array<{ code: string; label: string; forSchool: string }>>;
  directory: DirectoryData;
};

const [consentAnswer, uncollectedAnswer, indicatorsAnswer] = pack.answers;
const contactsOf = (answer: Answer) => (answer.contacts ?? []).map((id) => pack.contacts[id]);
const levelOf = (answer: Answer) => pack.levels.find((level) => level.number === answer.level);
const frontDoor = pack.contacts['front-door'];
const TODAY_REASON = 'the child says they are scared to go home tonight.';
const EMERGENCY_REASON = 'the message says a child is being hurt right now.';
/** Typed text that would render live if it were not shown as plain text. */
const TYPED = 'Alex [ring me](tel:+447700900123) **now** <b>x</b>';

const context: ReferralCardContext = {
  timeZone: 'Europe/London',
  frontDoor,
  emergencyContacts: pack.emergencyContacts,
  disclaimer: pack.disclaimer,
};
const NOV_23_10_02 = Date.UTC(2026, 10, 23, 10, 2);
const HOUR = 3_600_000;

function summary(overrides: Partial<ReferralSummary> = {}): ReferralSummary {
  return {
    reference: 'FD-2026-000124',
    kind: 'front-door',
    kindName: 'Front door (MASH) referral',
    schoolId: 'sample-primary',
    schoolName: 'Sample Primary School (fictional)',
    referrerName: 'Alex Wilber',
    childInitials: 'JO',
    submittedAt: NOV_23_10_02,
    decisionDueAt: NOV_23_10_02 + 24 * HOUR,
    status: 'awaiting-decision',
    personalDataDeleted: false,
    ...overrides,
  };
}

const earlyHelpSummary = summary({
  reference: 'EH-2026-000031',
  kind: 'early-help',
  kindName: 'Early-help request',
  childInitials: 'MB',
  status: 'decided',
  outcomeLabel: 'Family support offered',
});
const frontDoorForm = validForm('front-door') as unknown as ReferralForm;
const detailBase = {
  delivery: { adapter: 'teams-inbox', deliveredAt: NOV_23_10_02 + 60_000, receiverReference: 'CASE-88 [x](tel:1)', error: null },
  canRetryDelivery: false,
  viewerIsCouncil: true,
};
const outcome = {
  label: 'Referred to children’s social care',
  forSchool: 'A social worker will contact the school.',
  note: 'Spoke to mum; strategy meeting **today**',
  recordedAt: NOV_23_10_02 + 5 * HOUR,
};

const sampleSchools = pack.directory.schools;
const linkedChannel = {
  conversationId: '19:general@thread.tacv2',
  teamId: 'team-id',
  channelName: 'General',
  schoolId: 'sample-primary',
  linkedBy: 'user-1',
  linkedAt: NOV_23_10_02,
  mutedCategories: 'reminder',
} as unknown as ChannelStatus['channel'];
const update = {
  title: 'New parenting course: _Triple P_ in Chelmsley Wood',
  message: '## Book now\nFree for families at **level 2**. See [the booking page](https://example.org/book).\n- Tuesdays\n- 10am',
  category: 'course',
  link: 'https://example.org/book',
  expiresOn: '2026-12-20',
  authorName: 'Adele Vance',
};

export const cards: Record<string, () => object> = {
  'answer: with level, contacts, related, pack version': () =>
    answerCard({
      answer: consentAnswer,
      contacts: contactsOf(consentAnswer),
      level: levelOf(consentAnswer),
      related: [uncollectedAnswer, indicatorsAnswer],
      emergencyContacts: pack.emergencyContacts,
      disclaimer: pack.disclaimer,
      packVersion: pack.packVersion,
      urgency: 'none',
      reason: null,
    }),
  'answer: unverified, urgent today, no pack version': () =>
    answerCard({
      answer: uncollectedAnswer,
      contacts: contactsOf(uncollectedAnswer),
      related: [consentAnswer],
      emergencyContacts: pack.emergencyContacts,
      disclaimer: pack.disclaimer,
      urgency: 'today',
      reason: TODAY_REASON,
    }),
  'answer: threshold answer, emergency, no contacts': () =>
    answerCard({
      answer: indicatorsAnswer,
      contacts: [],
      related: [],
      emergencyContacts: pack.emergencyContacts,
      disclaimer: pack.disclaimer,
      packVersion: pack.packVersion,
      urgency: 'emergency',
      reason: EMERGENCY_REASON,
    }),
  'no match': () =>
    noMatchCard({
      frontDoor,
      emergencyContacts: pack.emergencyContacts,
      topics: pack.answers.map((a) => ({ id: a.id, title: a.title })),
      disclaimer: pack.disclaimer,
      urgency: 'none',
      reason: null,
    }),
  'no match: urgent today': () =>
    noMatchCard({
      frontDoor,
      emergencyContacts: pack.emergencyContacts,
      topics: [],
      disclaimer: pack.disclaimer,
      urgency: 'today',
      reason: TODAY_REASON,
    }),
  'guidance (compose box)': () =>
    guidanceCard({
      answer: consentAnswer,
      contacts: contactsOf(consentAnswer),
      level: levelOf(consentAnswer),
      emergencyContacts: pack.emergencyContacts,
      disclaimer: pack.disclaimer,
      packVersion: pack.packVersion,
      urgency: 'none',
      reason: null,
    }),
  'guidance: emergency': () =>
    guidanceCard({
      answer: uncollectedAnswer,
      contacts: contactsOf(uncollectedAnswer),
      emergencyContacts: pack.emergencyContacts,
      disclaimer: pack.disclaimer,
      packVersion: pack.packVersion,
      urgency: 'emergency',
      reason: EMERGENCY_REASON,
    }),
  welcome: () => welcomeCard({ organisation: pack.organisation, disclaimer: pack.disclaimer, emergencyContacts: pack.emergencyContacts }),
  help: () => helpCard({ organisation: pack.organisation, disclaimer: pack.disclaimer, emergencyContacts: pack.emergencyContacts }),
  'whoami: known': () => whoamiCard(pack.directory.people[0], sampleSchools[0], 'Ask your council admin.'),
  'whoami: unknown': () => whoamiCard(undefined, undefined, 'Ask your council’s directory admin to add you.'),
  'school people': () =>
    schoolPeopleCard(sampleSchools[0], [
      ...pack.directory.people.filter((p) => p.school === 'sample-primary'),
      { name: TYPED, aadObjectId: 'x', upn: 'x@example.com', role: 'staff', school: 'sample-primary' },
    ]),
  'directory admin': () => directoryAdminCard(pack.directory),
  'directory admin: refused add, typed values kept': () =>
    directoryAdminCard(pack.directory, {
      form: { personName: TYPED, upn: 'not-an-email', role: 'dsl' },
      errors: { upn: 'Enter an email address' },
      notice: { text: `Could not add ${TYPED}.`, good: false },
    }),
  'feedback report': () =>
    feedbackReportCard(
      [
        { answerId: 'consent-before-referring', packVersion: pack.packVersion, helpful: 12, notHelpful: 1 },
        { answerId: 'consent-before-referring', packVersion: '2026-10-01 · 99aa88bb', helpful: 3, notHelpful: 4 },
        { answerId: 'child-not-collected', helpful: 2, notHelpful: 0 },
      ],
      (id) => pack.answers.find((a) => a.id === id)?.title ?? id,
      pack.packVersion,
    ),
  'feedback report: empty': () => feedbackReportCard([], (id) => id, pack.packVersion),
  'referral chooser': () => referralChooserCard(context),
  'immediate danger check': () => immediateDangerCheckCard(),
  'immediate danger stop': () => immediateDangerStopCard(context),
  'referral form: front door, new': () =>
    referralFormCard({
      kind: 'front-door',
      schoolName: 'Sample Primary School (fictional)',
      referrer: 'Alex Wilber, Designated safeguarding lead',
      today: '2026-11-23',
      frontDoorPhone: frontDoor.phone ?? '',
      nonce: 'nonce-front-door-1',
    }),
  'referral form: early help, refused with typed values': () =>
    referralFormCard({
      kind: 'early-help',
      schoolName: TYPED,
      referrer: 'Alex Wilber, Designated safeguarding lead',
      today: '2026-11-23',
      frontDoorPhone: frontDoor.phone ?? '',
      nonce: 'nonce-early-help-2',
      values: { ...validForm('early-help'), childLastName: '', concernWhat: TYPED },
      errors: { childLastName: 'Enter the child’s last name' },
      notice: 'Nothing has been sent yet.',
    }),
  'referral receipt': () => referralReceiptCard(context, summary(), false),
  'referral receipt: repeated submit': () =>
    referralReceiptCard(context, { ...earlyHelpSummary, status: 'sending', childInitials: '*J*' }, true),
  'referral receipt: refreshed, decided': () =>
    currentReceiptCard(context, {
      ...detailBase,
      summary: { ...summary(), status: 'decided', outcomeLabel: outcome.label },
      form: frontDoorForm,
      outcome: { ...outcome, recordedBy: 'Isaiah Langer' },
      outcomeChoices: [],
    }),
  'referral list (status)': () =>
    referralListCard(context, {
      title: 'Referrals from Sample Primary School (fictional)',
      showSchool: false,
      referrals: [
        summary(),
        earlyHelpSummary,
        summary({ reference: 'FD-2026-000125', status: 'decision-overdue', referrerName: TYPED }),
        summary({ reference: 'FD-2026-000126', status: 'not-delivered' }),
        summary({ reference: 'FD-2026-000127', status: 'sending' }),
      ],
    }),
  'referral list: empty': () => referralListCard(context, { title: 'Your referrals', showSchool: true, referrals: [] }),
  inbox: () =>
    inboxCard(
      context,
      {
        kind: 'front-door',
        awaiting: [summary(), summary({ reference: 'FD-2026-000125', schoolName: TYPED })],
        notDelivered: [summary({ reference: 'FD-2026-000126', status: 'not-delivered' })],
      },
      'Recorded the outcome of FD-2026-000120.',
    ),
  'inbox: empty': () => inboxCard(context, { kind: 'early-help', awaiting: [], notDelivered: [] }),
  'referral detail: council, decision form with errors': () =>
    referralDetailCard(
      context,
      { ...detailBase, summary: summary(), form: frontDoorForm, outcomeChoices: pack.outcomeChoices['front-door'] as never },
      {
        form: { outcome: '', note: TYPED },
        errors: { outcome: 'Choose an outcome' },
        notice: { text: 'Not recorded: choose an outcome.', good: false },
      },
    ),
  'referral detail: school, decided, delivery problem': () =>
    referralDetailCard(context, {
      summary: { ...earlyHelpSummary },
      form: validForm('early-help') as unknown as ReferralForm,
      delivery: { adapter: 'webhook', deliveredAt: null, receiverReference: null, error: 'HTTP 502 from <case system>' },
      outcome: { ...outcome, recordedBy: 'Adele Vance' },
      outcomeChoices: [],
      canRetryDelivery: true,
      viewerIsCouncil: false,
    }),
  'referral detail: personal data deleted': () =>
    referralDetailCard(context, {
      ...detailBase,
      summary: summary({ personalDataDeleted: true, childInitials: '–', status: 'decided', outcomeLabel: 'No further action' }),
      outcomeChoices: [],
    }),
  'notice: outcome': () => notificationCard(context, 'outcome', summary({ status: 'decided' }), outcome),
  'notice: chase': () => notificationCard(context, 'chase', summary({ status: 'decision-overdue' }), undefined),
  'notice: not delivered': () =>
    notificationCard(context, 'delivery-failed', { ...earlyHelpSummary, status: 'not-delivered', referrerName: TYPED }, undefined),
  'card unavailable: referral': () => referralUnavailableCard(),
  'card unavailable: list': () => listUnavailableCard('Only school staff have referrals to show.'),
  'card unavailable: report': () => reportUnavailableCard(),
  'threshold helper': () => thresholdHelperCard({ frontDoor, disclaimer: pack.disclaimer }, pack.indicators),
  'threshold result': () =>
    thresholdResultCard({ frontDoor, disclaimer: pack.disclaimer, suggestion: pack.suggestion, levelAnswerId: 'level-3-targeted' }),
  'threshold result: significant harm, no level answer': () =>
    thresholdResultCard({ frontDoor, disclaimer: pack.disclaimer, suggestion: pack.harmSuggestion }),
  'update form: new': () => updateFormCard({ schools: sampleSchools, today: '2026-11-23', nonce: 'nonce-update-1' }),
  'update form: refused, typed values kept': () =>
    updateFormCard({
      schools: [
        ...sampleSchools,
        ...Array.from({ length: 12 }, (_, i) => ({ ...sampleSchools[0], id: `school-${i}`, name: `School ${i} ${TYPED}` })),
      ],
      today: '2026-11-23',
      nonce: 'nonce-update-2',
      values: {
        title: TYPED,
        message: 'short',
        category: 'course',
        audience: 'schools',
        schools: 'sample-primary',
        link: 'http://insecure.example',
        expiresOn: '2026-12-01',
      },
      errors: { message: 'Write the message', link: 'A link must be a full https:// address: http://insecure.example' },
      notice: 'Nothing has been posted yet.',
    }),
  'update post': () => updatePostCard(update, 'Europe/London'),
  'update post: no link, unknown category': () => updatePostCard({ ...update, link: null, category: 'other [x](y)' }, 'Europe/London'),
  'update preview': () =>
    updatePreviewCard({
      draft: {
        title: update.title,
        message: update.message,
        category: 'course',
        audience: { type: 'all' },
        link: update.link,
        expiresOn: update.expiresOn,
      } as never,
      plan: {
        channels: [linkedChannel, { ...linkedChannel, conversationId: '19:b@thread' }],
        schools: sampleSchools,
        schoolsWithoutChannel: sampleSchools.slice(1),
        mutedChannels: 1,
      },
      values: {
        title: update.title,
        message: update.message,
        category: 'course',
        audience: 'all',
        link: update.link,
        expiresOn: update.expiresOn,
      },
      nonce: 'nonce-update-3',
      authorName: 'Adele Vance',
      timeZone: 'Europe/London',
    }),
  'update report: still sending': () =>
    updateReportCard({
      update: { ...update, id: 7 } as never,
      counts: { sent: 3, pending: 2, failed: 0, skipped: 0 } as never,
      total: 5,
      problems: [],
    }),
  'update report: finished with failures': () =>
    updateReportCard({
      update: { ...update, id: 8 } as never,
      counts: { sent: 3, pending: 0, failed: 1, skipped: 1 } as never,
      total: 5,
      problems: [
        { school: 'Sample Primary School (fictional)', channel: 'General', outcome: 'failed', reason: '403 <Forbidden>' },
        { school: TYPED, channel: 'Staff **room**', outcome: 'skipped', reason: 'the channel muted courses' },
      ],
    }),
  'channel link: linked': () =>
    channelLinkCard(
      { channel: linkedChannel, school: sampleSchools[0], muted: ['reminder'] as never },
      sampleSchools,
      'Alex Wilber',
      'Europe/London',
      { notice: { text: `Linked to ${sampleSchools[0].name}.`, good: true } },
    ),
  'channel link: not linked, suggestion': () =>
    channelLinkCard(
      { channel: { ...linkedChannel, schoolId: null, linkedAt: null } as never, suggestedSchool: sampleSchools[0], muted: [] },
      sampleSchools,
      '',
      'Europe/London',
    ),
  'channel subscriptions': () =>
    channelSubscriptionsCard(
      { channel: linkedChannel, school: sampleSchools[0], muted: ['reminder'] as never },
      { notice: { text: 'Saved.', good: true } },
    ),
};
