/**
 * Presenters for referrals: choosing a kind, the immediate-danger check, the receipt, a school's list, the
 * council's inbox, and one referral in full (with the decision form for council staff).
 *
 * Everything typed (the form's answers, the outcome note, names, school names, delivery errors) goes
 * through plainText before it reaches a card, so it shows as text and never as live Markdown.
 */
import type { Contact } from '../knowledge/schema';
import type { Inbox, ReferralDetail } from '../referrals/readReferrals';
import type { ReferralForm } from '../referrals/referralForm';
import { KIND_INFO } from '../referrals/referralKinds';
import type { ReferralSummary } from '../referrals/referralSummary';
import { noticeView, type CardNotice } from './cardNotice';
import { plainText, plainTextFields } from './plainText';
import { contactView, emergencyBanner } from './emergencyBanner';
import { formatDate, formatDateTime } from './formatTime';
import { MAX_FORM_CARD_BYTES, renderCard, type AdaptiveCardJson } from './renderCard';
import chooserTemplate from './templates/referralChooser.json';
import dangerCheckTemplate from './templates/immediateDangerCheck.json';
import dangerStopTemplate from './templates/immediateDangerStop.json';
import detailTemplate from './templates/referralDetail.json';
import inboxTemplate from './templates/inbox.json';
import listTemplate from './templates/referralList.json';
import receiptTemplate from './templates/referralReceipt.json';

/** What every referral card may need from the pack and the council's calendar. */
export interface ReferralCardContext {
  timeZone: string;
  frontDoor: Contact;
  emergencyContacts: Contact[];
  disclaimer: string;
}

export function referralChooserCard(context: ReferralCardContext): AdaptiveCardJson {
  return renderCard(chooserTemplate, {
    emergencyBanner: emergencyBanner(context.emergencyContacts),
    frontDoor: contactView(context.frontDoor),
    disclaimer: context.disclaimer,
  });
}

export function immediateDangerCheckCard(): AdaptiveCardJson {
  return renderCard(dangerCheckTemplate, {});
}

export function immediateDangerStopCard(context: ReferralCardContext): AdaptiveCardJson {
  return renderCard(dangerStopTemplate, { emergencyBanner: emergencyBanner(context.emergencyContacts), disclaimer: context.disclaimer });
}

/** An outcome as every card shows it: the council's note is typed text, so it is shown as text. */
export function outcomeView(outcome: { label: string; forSchool: string; note?: string; recordedAt: number }, timeZone: string) {
  return {
    label: outcome.label,
    forSchool: outcome.forSchool,
    note: plainText(outcome.note ?? ''),
    recordedAt: formatDateTime(outcome.recordedAt, timeZone),
  };
}

/** A receipt as first sent: the status line and outcome appear only when it is opened again (refreshed). */
const NO_CURRENT_STATE = { showStatus: false, hasOutcome: false, outcome: {} };

/**
 * The receipt. A repeated submission (a double click, a Teams retry, or a retry after the first answer was
 * lost because an instance stopped) gets the same receipt as the first, since the referrer may never have
 * seen it: reference, decision due and what to do if it is urgent, with one line saying it was stored once.
 */
export function referralReceiptCard(context: ReferralCardContext, typedSummary: ReferralSummary, duplicate: boolean): AdaptiveCardJson {
  const summary = shownSummary(typedSummary);
  const team = KIND_INFO[summary.kind].team;
  return renderCard(receiptTemplate, {
    heading: `Received: ${summary.reference}`,
    lead: `Your referral is stored safely and is being sent to ${team}.`,
    repeatNote: duplicate ? `You sent this form before. It was stored once, as ${summary.reference}; this is its receipt again.` : '',
    ...summaryView(context, summary),
    urgentText: urgentTextFor(summary.kind),
    frontDoor: contactView(context.frontDoor),
    ...NO_CURRENT_STATE,
  });
}

/**
 * The receipt as it is now, rendered when Teams refreshes it (Universal Actions): the same card, headed by
 * where the referral is up to and, once recorded, the outcome and the council's note for the school.
 */
export function currentReceiptCard(context: ReferralCardContext, detail: ReferralDetail): AdaptiveCardJson {
  const summary = shownSummary(detail.summary);
  const { outcome } = detail;
  return renderCard(receiptTemplate, {
    heading: `${summary.kindName} ${summary.reference}`,
    lead: 'This card shows where the referral is up to each time you open it.',
    repeatNote: '',
    ...summaryView(context, summary),
    urgentText: urgentTextFor(summary.kind),
    frontDoor: contactView(context.frontDoor),
    showStatus: true,
    hasOutcome: outcome !== undefined,
    outcome: outcome ? outcomeView(outcome, context.timeZone) : {},
  });
}

/** What to do if the child is at risk of significant harm, whichever kind of referral was made. */
function urgentTextFor(kind: ReferralSummary['kind']): string {
  return kind === 'front-door'
    ? 'If you think the child is at risk of significant harm, make sure you have also phoned the front door'
    : 'If you become worried the child is at risk of significant harm, do not wait for early help: phone the front door';
}

export function referralListCard(
  context: ReferralCardContext,
  list: { title: string; referrals: ReferralSummary[]; showSchool: boolean },
): AdaptiveCardJson {
  return renderCard(listTemplate, {
    title: plainText(list.title),
    subtitle: `The ${list.referrals.length} most recent. Open one to see it in full, or type status and a reference, e.g. status FD-2026-000124.`,
    emptyText: 'No referrals yet. Type refer to make one.',
    referrals: list.referrals.map(shownSummary).map((summary) => ({
      ...summaryView(context, summary),
      line: `Made ${formatDate(summary.submittedAt, context.timeZone)} by ${summary.referrerName}${list.showSchool ? ` · ${summary.schoolName}` : ''}`,
    })),
  });
}

export function inboxCard(context: ReferralCardContext, inbox: Inbox, notice = ''): AdaptiveCardJson {
  const line = (summary: ReferralSummary) => `Made ${formatDateTime(summary.submittedAt, context.timeZone)} by ${summary.referrerName}`;
  return renderCard(inboxTemplate, {
    title: inbox.kind === 'front-door' ? 'Front door inbox' : 'Early-help inbox',
    notice,
    awaiting: inbox.awaiting.map(shownSummary).map((summary) => ({ ...summaryView(context, summary), line: line(summary) })),
    notDelivered: inbox.notDelivered.map(shownSummary).map((summary) => ({ ...summaryView(context, summary), line: line(summary) })),
  });
}

export interface DetailCardState {
  notice?: CardNotice;
  /** The decision form's values and errors, after a refused attempt. */
  form?: { outcome?: string; note?: string };
  errors?: { outcome?: string; note?: string };
}

export function referralDetailCard(context: ReferralCardContext, detail: ReferralDetail, state: DetailCardState = {}): AdaptiveCardJson {
  const { outcome } = detail;
  const summary = shownSummary(detail.summary);
  return renderCard(
    detailTemplate,
    {
      ...summaryView(context, summary),
      ...noticeView(state.notice),
      facts: detailFacts(context, summary, detail.delivery),
      hasOutcome: outcome !== undefined,
      outcome: outcome
        ? {
            ...outcomeView(outcome, context.timeZone),
            recordedBy: plainText(outcome.recordedBy),
          }
        : {},
      personalDataDeleted: summary.personalDataDeleted,
      deletedText:
        'The child’s details and the outcome note have been deleted under the retention schedule. The reference, dates and outcome remain.',
      sections: detail.form ? formSections(detail.form, summary) : [],
      canRecordOutcome: detail.outcomeChoices.length > 0,
      outcomeChoices: detail.outcomeChoices.map((choice) => ({ code: choice.code, label: choice.label })),
      form: { outcome: state.form?.outcome ?? '', note: state.form?.note ?? '' },
      errors: { outcome: state.errors?.outcome ?? '', note: state.errors?.note ?? '' },
      canRetryDelivery: detail.canRetryDelivery,
      forSchool: !detail.viewerIsCouncil,
      frontDoor: contactView(context.frontDoor),
    },
    { maxBytes: MAX_FORM_CARD_BYTES },
  );
}

/** Where a referral is up to, in words for the school, and the colour to show it in. */
export function statusLine(summary: ReferralSummary, timeZone: string): { statusText: string; statusColor: string } {
  const team = KIND_INFO[summary.kind].team;
  switch (summary.status) {
    case 'sending':
      return { statusText: `Received; being sent to ${team}`, statusColor: 'Default' };
    case 'awaiting-decision':
      return {
        statusText: `With ${team}; decision expected by ${formatDateTime(summary.decisionDueAt, timeZone)}`,
        statusColor: 'Default',
      };
    case 'decision-overdue':
      return {
        statusText: `No decision yet (expected by ${formatDateTime(summary.decisionDueAt, timeZone)}): phone the front door to chase`,
        statusColor: 'Warning',
      };
    case 'not-delivered':
      return { statusText: 'Not delivered: phone the front door now and give the reference', statusColor: 'Attention' };
    case 'decided':
      return { statusText: `Outcome: ${summary.outcomeLabel}`, statusColor: 'Good' };
  }
}

/**
 * The summary with its typed or directory-given fields made plain text (the child's initials come from the
 * typed name; names and school names from the directory). Every presenter here starts from this.
 */
function shownSummary(summary: ReferralSummary): ReferralSummary {
  return plainTextFields(summary, ['schoolName', 'referrerName', 'childInitials', 'outcomeLabel']);
}

function summaryView(context: ReferralCardContext, summary: ReferralSummary) {
  return {
    reference: summary.reference,
    kindName: summary.kindName,
    childInitials: summary.childInitials,
    schoolName: summary.schoolName,
    submitted: formatDateTime(summary.submittedAt, context.timeZone),
    decisionDue: formatDateTime(summary.decisionDueAt, context.timeZone),
    ...statusLine(summary, context.timeZone),
  };
}

function detailFacts(
  context: ReferralCardContext,
  summary: ReferralSummary,
  delivery: ReferralDetail['delivery'],
): Array<{ title: string; value: string }> {
  const facts = [
    { title: 'School', value: summary.schoolName },
    { title: 'Made by', value: `${summary.referrerName}, ${formatDateTime(summary.submittedAt, context.timeZone)}` },
    { title: 'Decision expected by', value: formatDateTime(summary.decisionDueAt, context.timeZone) },
  ];
  if (delivery.deliveredAt !== null) {
    // The receiving system's reference and error come from outside: shown as text like anything typed.
    const receiver = delivery.receiverReference ? ` (their reference ${plainText(delivery.receiverReference)})` : '';
    facts.push({
      title: 'Delivered',
      value: `${formatDateTime(delivery.deliveredAt, context.timeZone)} via ${delivery.adapter}${receiver}`,
    });
  }
  if (delivery.error) facts.push({ title: 'Delivery problem', value: plainText(delivery.error) });
  return facts;
}

/** How the form's yes/no answers read on a card. */
const ANSWER_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', 'not-asked': 'Not asked' };

/** The submitted form, section by section, every answer as plain text; blank answers are left out. */
function formSections(form: ReferralForm, summary: ReferralSummary) {
  const has = (value: string | number | undefined) => value !== undefined && String(value).trim() !== '';
  const section = (title: string, facts: Array<[string, string | number | undefined]>) => ({
    title,
    facts: facts.filter(([, value]) => has(value)).map(([factTitle, value]) => ({ title: factTitle, value: plainText(String(value)) })),
  });
  const parents = 'parentsKnow' in form ? form : undefined;
  const earlyHelp = 'helpWanted' in form ? form : undefined;
  return [
    section('The child', [
      ['Name', `${form.childFirstName} ${form.childLastName}`],
      ['Date of birth', form.childDateOfBirth],
      ['Age', form.childAge],
      ['Address', form.childAddress],
      ['UPN', form.childUpn],
    ]),
    section('Household and other important people', [['Household', form.household]]),
    section(summary.kind === 'front-door' ? 'The concern' : 'The family’s needs', [
      ['What', form.concernWhat],
      ['When', form.concernWhen],
      ['Where', form.concernWhere],
      ['The child’s words', form.childsWords],
      ['Tried so far', form.triedSoFar],
      ['Help asked for', earlyHelp?.helpWanted],
    ]),
    section('Other professionals', [['Involved', form.professionals]]),
    section('Parents and carers', [
      ['Know about it', parents ? ANSWER_WORDS[parents.parentsKnow] : undefined],
      ['Why not told', parents?.parentsNotToldReason],
      ['Agree', ANSWER_WORDS[form.parentsAgree] ?? form.parentsAgree],
    ]),
    section('Referrer', [
      ['Name', summary.referrerName],
      ['Phone', form.referrerPhone],
      ['Email', form.referrerEmail],
    ]),
  ].filter((s) => s.facts.length > 0);
}
