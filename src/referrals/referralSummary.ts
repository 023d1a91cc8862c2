/**
 * A referral as people see it in lists and notifications: reference, the child's initials, type, dates,
 * where it is up to and the outcome. Opening the sealed form happens here and in one other place
 * (the full view), so it is easy to see where personal data is read.
 */
import type { StoredReferral } from '../storage/referralRows';
import type { ReferralDeps } from './referralDeps';
import { childInitials, type ReferralForm } from './referralForm';
import { KIND_INFO, type ReferralKind } from './referralKinds';

export type ReferralStatus = 'sending' | 'awaiting-decision' | 'decision-overdue' | 'not-delivered' | 'decided';

export interface ReferralSummary {
  reference: string;
  kind: ReferralKind;
  kindName: string;
  schoolId: string;
  schoolName: string;
  referrerName: string;
  /** "JS", or "–" once personal data has been deleted. */
  childInitials: string;
  submittedAt: number;
  decisionDueAt: number;
  status: ReferralStatus;
  outcomeLabel?: string;
  personalDataDeleted: boolean;
}

export function summarise(deps: ReferralDeps, referral: StoredReferral): ReferralSummary {
  const form = openForm(deps, referral);
  return {
    reference: referral.reference,
    kind: referral.kind,
    kindName: KIND_INFO[referral.kind].name,
    schoolId: referral.schoolId,
    schoolName: deps.directory.school(referral.schoolId)?.name ?? referral.schoolId,
    referrerName: referral.referrerName,
    childInitials: form ? childInitials(form) : '–',
    submittedAt: referral.submittedAt,
    decisionDueAt: referral.decisionDueAt,
    status: statusOf(referral, deps.now()),
    outcomeLabel: referral.outcomeCode ? (deps.outcomes.get(referral.outcomeCode)?.label ?? referral.outcomeCode) : undefined,
    personalDataDeleted: referral.personalDeletedAt !== null,
  };
}

/** The referral's form, opened; undefined once it has been deleted on the retention schedule. */
export function openForm(deps: ReferralDeps, referral: StoredReferral): ReferralForm | undefined {
  if (!referral.personalSealed) return undefined;
  return JSON.parse(deps.cipher.open(referral.personalSealed, referral.submissionKey)) as ReferralForm;
}

/** The outcome note for the school, opened; undefined when there is none (or it has been deleted). */
export function openOutcomeNote(deps: ReferralDeps, referral: StoredReferral): string | undefined {
  return referral.outcomeNoteSealed ? deps.cipher.open(referral.outcomeNoteSealed, `${referral.submissionKey}:outcome`) : undefined;
}

function statusOf(referral: StoredReferral, now: number): ReferralStatus {
  if (referral.outcomeCode) return 'decided';
  if (referral.deliveryState === 'failed') return 'not-delivered';
  if (referral.deliveryState === 'pending') return 'sending';
  return now > referral.decisionDueAt ? 'decision-overdue' : 'awaiting-decision';
}
