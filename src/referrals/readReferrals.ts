/**
 * Reading referrals: a school's list (`status`), one referral in full (`status FD-2026-000124`), and the
 * council's queue (`inbox`). Every read is authorised by policies/referrals.ts and written to the audit log,
 * refusals included. A referral someone may not see is answered exactly like one that does not exist.
 */
import {
  canListOwnReferrals,
  canListSchoolReferrals,
  canRecordOutcome,
  canViewReferral,
  inboxFor,
  outcomeRefusal,
  type ReferralScope,
} from '../policies';
import type { Person } from '../directory/schema';
import { appendAudit, type AuditEntry } from '../storage/auditRows';
import {
  findReferral,
  listAwaitingDecision,
  listDeliveryFailed,
  listForReferrer,
  listForSchool,
  type StoredReferral,
} from '../storage/referralRows';
import type { OutcomeForSchool } from './notifications';
import type { Outcome } from './outcomes';
import type { ReferralDeps } from './referralDeps';
import type { ReferralForm } from './referralForm';
import type { ReferralKind } from './referralKinds';
import { openForm, openOutcomeNote, summarise, type ReferralSummary } from './referralSummary';

/** Lists show the most recent referrals; older ones are reached by reference. */
export const LIST_LIMIT = 25;

export type ReferralList =
  | { scope: 'school'; schoolName: string; referrals: ReferralSummary[] }
  | { scope: 'own'; referrals: ReferralSummary[] }
  /** Council staff work from the inbox (or open a referral by reference), not a school's list. */
  | { scope: 'council' }
  | { scope: 'not-allowed' };

export async function listReferrals(deps: ReferralDeps, user: Person | undefined): Promise<ReferralList> {
  if (!user) return { scope: 'not-allowed' };
  if (inboxFor(user)) return { scope: 'council' };
  if (!user.school || !canListOwnReferrals(user)) return { scope: 'not-allowed' };
  const wholeSchool = canListSchoolReferrals(user, user.school);
  const rows = wholeSchool
    ? await listForSchool(deps.sql, user.school, LIST_LIMIT)
    : await listForReferrer(deps.sql, user.aadObjectId.toLowerCase(), LIST_LIMIT);
  await audit(deps, user, {
    action: 'referral.listed',
    schoolId: user.school,
    allowed: true,
    detail: `${wholeSchool ? 'school' : 'own'}: ${rows.map((r) => r.reference).join(' ')}`,
  });
  const referrals = rows.map((row) => summarise(deps, row));
  if (!wholeSchool) return { scope: 'own', referrals };
  return { scope: 'school', schoolName: deps.directory.school(user.school)?.name ?? user.school, referrals };
}

export interface ReferralDetail {
  summary: ReferralSummary;
  /** The form as submitted; undefined once deleted on the retention schedule. */
  form?: ReferralForm;
  delivery: { adapter: string; deliveredAt: number | null; receiverReference: string | null; error: string | null };
  outcome?: OutcomeForSchool & { recordedBy: string };
  /** Council staff may record the decision here (referrals routed to the Teams inbox, not yet decided). */
  outcomeChoices: Outcome[];
  canRetryDelivery: boolean;
  /** The person looking is council staff (front door or early help), not the school. */
  viewerIsCouncil: boolean;
}

/**
 * One referral in full, or undefined. A referral the person may not see and one that does not exist take
 * the same path and the same work (one lookup, one audit row, no early return), so neither the answer nor
 * its timing tells whether a reference exists. The unknown one is audited with the reference as typed.
 */
export async function viewReferral(deps: ReferralDeps, user: Person | undefined, reference: string): Promise<ReferralDetail | undefined> {
  const referral = await findReferral(deps.sql, reference);
  const allowed = referral !== undefined && canViewReferral(user, scopeOf(referral));
  await audit(deps, user, { action: 'referral.viewed', reference, schoolId: referral?.schoolId, allowed });
  if (!referral || !allowed) return undefined;
  const decides = canRecordOutcome(user, scopeOf(referral));
  return {
    summary: summarise(deps, referral),
    form: openForm(deps, referral),
    delivery: {
      adapter: referral.adapter,
      deliveredAt: referral.deliveredAt,
      receiverReference: referral.receiverReference,
      error: referral.deliveryError,
    },
    outcome: recordedOutcome(deps, referral),
    outcomeChoices: decides && !referral.outcomeCode && !outcomeRefusal(referral, 'staff') ? deps.outcomes.choicesFor(referral.kind) : [],
    canRetryDelivery: decides && referral.deliveryState === 'failed',
    viewerIsCouncil: user?.role === 'front-door' || user?.role === 'early-help',
  };
}

export interface Inbox {
  kind: ReferralKind;
  awaiting: ReferralSummary[];
  notDelivered: ReferralSummary[];
}

/** The council team's queue: referrals awaiting their decision, and any that could not be delivered. */
export async function openInbox(deps: ReferralDeps, user: Person | undefined): Promise<Inbox | undefined> {
  const kind = inboxFor(user);
  if (!user || !kind) return undefined;
  const awaiting = await listAwaitingDecision(deps.sql, kind, 'inbox', LIST_LIMIT);
  const notDelivered = await listDeliveryFailed(deps.sql, kind, LIST_LIMIT);
  await audit(deps, user, {
    action: 'referral.listed',
    allowed: true,
    detail: `inbox: ${[...awaiting, ...notDelivered].map((r) => r.reference).join(' ')}`,
  });
  return { kind, awaiting: awaiting.map((r) => summarise(deps, r)), notDelivered: notDelivered.map((r) => summarise(deps, r)) };
}

export function scopeOf(referral: StoredReferral): ReferralScope {
  return { schoolId: referral.schoolId, referrerAadObjectId: referral.referrerId, kind: referral.kind };
}

function recordedOutcome(deps: ReferralDeps, referral: StoredReferral): ReferralDetail['outcome'] {
  if (!referral.outcomeCode || referral.outcomeRecordedAt === null) return undefined;
  const outcome = deps.outcomes.get(referral.outcomeCode);
  const by = referral.outcomeRecordedBy ?? '';
  return {
    label: outcome?.label ?? referral.outcomeCode,
    forSchool: outcome?.forSchool ?? '',
    note: openOutcomeNote(deps, referral),
    recordedAt: referral.outcomeRecordedAt,
    recordedBy: by.startsWith('system:') ? 'the council’s case system' : (deps.directory.findPerson(by)?.name ?? 'council staff'),
  };
}

function audit(deps: ReferralDeps, user: Person | undefined, entry: Omit<AuditEntry, 'at' | 'actor'>): Promise<void> {
  return appendAudit(deps.sql, { ...entry, at: deps.now(), actor: user?.aadObjectId.toLowerCase() ?? 'unknown' });
}
