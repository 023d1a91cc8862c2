/**
 * Who may make, see and list referrals. A referral's school is checked before anyone's role: a person of
 * another school is refused whatever their role. Council staff work across schools by their team's kind.
 */
import { has, sameSchool, samePerson, type User } from './people';
import { SCHOOL_SAFEGUARDING } from './roles';

/** A referral's kind (referrals/referralKinds.ts has the same two); written out so rules depend on nothing. */
export type ReferralKindScope = 'early-help' | 'front-door';

/** The parts of a referral a permission depends on. */
export interface ReferralScope {
  schoolId: string;
  referrerAadObjectId: string;
  kind: ReferralKindScope;
}

/** Any member of a school's staff may refer a child from that school. */
export function canSubmitReferral(user: User | undefined, schoolId: string): boolean {
  if (!user || !sameSchool(user, schoolId)) return false;
  return has(user, ['dsl', 'deputy-dsl', 'headteacher', 'staff']);
}

/**
 * A referral is seen by its referrer, their school's safeguarding leads, and the council staff who
 * decide on it. Nobody else: not another school, not an admin (who manages people, not cases).
 */
export function canViewReferral(user: User | undefined, referral: ReferralScope): boolean {
  if (!user) return false;
  if (user.role === 'front-door') return true;
  if (user.role === 'early-help') return referral.kind === 'early-help';
  if (!sameSchool(user, referral.schoolId)) return false;
  return SCHOOL_SAFEGUARDING.includes(user.role) || samePerson(user, referral.referrerAadObjectId);
}

/** Lists a school's referrals: its safeguarding leads, and the council teams. */
export function canListSchoolReferrals(user: User | undefined, schoolId: string): boolean {
  if (has(user, ['front-door', 'early-help'])) return true;
  return user !== undefined && sameSchool(user, schoolId) && has(user, SCHOOL_SAFEGUARDING);
}

/** A person's own referrals (`status` for school staff who are not leads): anyone on a school's staff. */
export function canListOwnReferrals(user: User | undefined): boolean {
  return has(user, ['dsl', 'deputy-dsl', 'headteacher', 'staff']) && user.school !== undefined;
}

/** Which council queue (`inbox`) a person works from, if any: the front door's, or early help's. */
export function inboxFor(user: User | undefined): ReferralKindScope | undefined {
  if (has(user, ['front-door'])) return 'front-door';
  if (has(user, ['early-help'])) return 'early-help';
  return undefined;
}
