/**
 * Every permission in one place, one function per decision, each reading like the product's rule.
 * `undefined` is a user not in the directory: they may read public guidance and nothing else.
 * Rules about a school's data check the school first: a person of another school is refused whatever their role.
 */
import type { Person, Role } from './schema';

/** The parts of a referral a permission depends on. */
export interface ReferralScope {
  schoolId: string;
  referrerAadObjectId: string;
  kind: 'early-help' | 'front-door';
}

const SCHOOL_SAFEGUARDING: readonly Role[] = ['dsl', 'deputy-dsl', 'headteacher'];
const has = (user: Person | undefined, roles: readonly Role[]): user is Person => user !== undefined && roles.includes(user.role);
const sameSchool = (user: Person, schoolId: string) => user.school !== undefined && user.school === schoolId;
/** Entra object ids are GUIDs; Teams and a hand-edited directory may differ in letter case. */
const samePerson = (user: Person, aadObjectId: string) => user.aadObjectId.toLowerCase() === aadObjectId.toLowerCase();

/** Public guidance is for everyone who can reach the bot in the council's tenant. */
export function canAskQuestions(_user: Person | undefined): boolean {
  return true;
}

/** Any member of a school's staff may refer a child from that school. */
export function canSubmitReferral(user: Person | undefined, schoolId: string): boolean {
  return has(user, ['dsl', 'deputy-dsl', 'headteacher', 'staff']) && sameSchool(user, schoolId);
}

/**
 * A referral is seen by its referrer, their school's safeguarding leads, and the council staff who
 * decide on it. Nobody else: not another school, not an admin (who manages people, not cases).
 */
export function canViewReferral(user: Person | undefined, referral: ReferralScope): boolean {
  if (!user) return false;
  if (user.role === 'front-door') return true;
  if (user.role === 'early-help') return referral.kind === 'early-help';
  if (!sameSchool(user, referral.schoolId)) return false;
  return SCHOOL_SAFEGUARDING.includes(user.role) || samePerson(user, referral.referrerAadObjectId);
}

/** Decisions are the council's: the front door for MASH referrals, early help for early-help requests. */
export function canRecordOutcome(user: Person | undefined, referral: ReferralScope): boolean {
  if (!user) return false;
  return user.role === 'front-door' || (user.role === 'early-help' && referral.kind === 'early-help');
}

/** Where a referral's delivery stands; the adapter that delivered it (`inbox` is the council's Teams queue). */
export interface ReferralDelivery {
  deliveryState: 'pending' | 'delivered' | 'failed';
  adapter: string;
}

/** Why no outcome may be recorded on a referral now: never delivered, or decided in the council's own system. */
export type OutcomeRefusal = 'not-delivered' | 'decided-elsewhere';

/**
 * A decision is recorded only on a referral the council has received. Staff in Teams decide the ones
 * delivered to the Teams inbox (the card offers "Record outcome" on exactly those); a referral delivered to
 * the council's case system is decided there and reported through the signed outcome API.
 */
export function outcomeRefusal(referral: ReferralDelivery, by: 'staff' | 'case-system'): OutcomeRefusal | undefined {
  if (referral.deliveryState !== 'delivered') return 'not-delivered';
  if (by === 'staff' && referral.adapter !== 'inbox') return 'decided-elsewhere';
  return undefined;
}

/** Lists a school's referrals: its safeguarding leads, and the council teams. */
export function canListSchoolReferrals(user: Person | undefined, schoolId: string): boolean {
  if (has(user, ['front-door', 'early-help'])) return true;
  return has(user, SCHOOL_SAFEGUARDING) && sameSchool(user, schoolId);
}

export function canPostUpdate(user: Person | undefined): boolean {
  return has(user, ['early-help']);
}

/** The schools with a claim on a Teams channel: the one it is linked to, and the one whose team it sits in. */
export interface ChannelClaims {
  linkedSchoolId?: string;
  /** The school the directory gives the channel's team to (`teamsTeamId`). */
  teamSchoolId?: string;
}

/**
 * Linking, relinking, unlinking a channel or choosing what it receives: an admin, or a DSL or head of
 * every school with a claim on it (and of the school it is being linked to). A DSL of another school who
 * is a member of the team is refused, whatever school id their card sends. When an admin has linked a
 * team's channel to a different school, both schools have a claim and only an admin can change it.
 */
export function canChangeChannel(user: Person | undefined, channel: ChannelClaims, targetSchoolId?: string): boolean {
  if (has(user, ['admin'])) return true;
  if (!has(user, ['dsl', 'headteacher'])) return false;
  const claims = [channel.linkedSchoolId, channel.teamSchoolId, targetSchoolId].filter((id): id is string => id !== undefined);
  return claims.length > 0 && claims.every((schoolId) => sameSchool(user, schoolId));
}

/** Who at a school is registered: that school's safeguarding leads, and admins. */
export function canViewSchoolPeople(user: Person | undefined, schoolId: string): boolean {
  if (has(user, ['admin'])) return true;
  return has(user, SCHOOL_SAFEGUARDING) && sameSchool(user, schoolId);
}

export function canManageDirectory(user: Person | undefined): boolean {
  return has(user, ['admin']);
}

/** The anonymous "Did this help?" counts are for the people who maintain and commission the content. */
export function canViewFeedbackReport(user: Person | undefined): boolean {
  return has(user, ['admin', 'early-help', 'front-door']);
}
