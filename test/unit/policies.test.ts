import { describe, expect, it } from 'vitest';
import {
  canAskQuestions,
  canChangeChannel,
  canListOwnReferrals,
  canListSchoolReferrals,
  canManageDirectory,
  canPostUpdate,
  canReadUpdateReport,
  canRecordOutcome,
  canSubmitReferral,
  canViewFeedbackReport,
  canViewReferral,
  canViewSchoolPeople,
  inboxFor,
  UPDATES_API_AUTHOR,
  type ReferralScope,
} from '../../src/policies';
import type { Person, Role } from '../../src/directory/schema';

const SCHOOL = 'sample-primary';
const OTHER = 'sample-secondary';
const person = (role: Role, school?: string, id = `${role}-${school ?? 'la'}`): Person => ({ name: role, aadObjectId: id, role, school });

const users: Record<string, Person | undefined> = {
  'unknown user': undefined,
  'staff, same school': person('staff', SCHOOL),
  'staff who referred': person('staff', SCHOOL, 'referrer'),
  'dsl, same school': person('dsl', SCHOOL),
  'deputy dsl, same school': person('deputy-dsl', SCHOOL),
  'headteacher, same school': person('headteacher', SCHOOL),
  'dsl, other school': person('dsl', OTHER),
  'headteacher, other school': person('headteacher', OTHER),
  'staff who referred, now other school': person('staff', OTHER, 'referrer'),
  'early help': person('early-help'),
  'front door': person('front-door'),
  admin: person('admin'),
};

const mash: ReferralScope = { schoolId: SCHOOL, referrerAadObjectId: 'referrer', kind: 'front-door' };
const earlyHelp: ReferralScope = { ...mash, kind: 'early-help' };

// Each row: user → [ask, submit, view MASH, view EH, outcome MASH, outcome EH, list school, post update, link channel, manage directory, report, school people]
const expected: Record<string, boolean[]> = {
  'unknown user': [true, false, false, false, false, false, false, false, false, false, false, false],
  'staff, same school': [true, true, false, false, false, false, false, false, false, false, false, false],
  'staff who referred': [true, true, true, true, false, false, false, false, false, false, false, false],
  'dsl, same school': [true, true, true, true, false, false, true, false, true, false, false, true],
  'deputy dsl, same school': [true, true, true, true, false, false, true, false, false, false, false, true],
  'headteacher, same school': [true, true, true, true, false, false, true, false, true, false, false, true],
  'dsl, other school': [true, false, false, false, false, false, false, false, false, false, false, false],
  'headteacher, other school': [true, false, false, false, false, false, false, false, false, false, false, false],
  'staff who referred, now other school': [true, false, false, false, false, false, false, false, false, false, false, false],
  'early help': [true, false, false, true, false, true, true, true, false, false, true, false],
  'front door': [true, false, true, true, true, true, true, false, false, false, true, false],
  admin: [true, false, false, false, false, false, false, false, true, true, true, true],
};

describe('authorisation: role × action × same/other school', () => {
  it.each(Object.keys(expected))('%s', (label) => {
    const user = users[label];
    expect([
      canAskQuestions(user),
      canSubmitReferral(user, SCHOOL),
      canViewReferral(user, mash),
      canViewReferral(user, earlyHelp),
      canRecordOutcome(user, mash),
      canRecordOutcome(user, earlyHelp),
      canListSchoolReferrals(user, SCHOOL),
      canPostUpdate(user),
      canChangeChannel(user, {}, SCHOOL), // linking a channel nobody has a claim on to the school
      canManageDirectory(user),
      canViewFeedbackReport(user),
      canViewSchoolPeople(user, SCHOOL),
    ]).toEqual(expected[label]);
  });

  it('a headteacher cannot see another school’s referral', () => {
    expect(canViewReferral(person('headteacher', OTHER), mash)).toBe(false);
  });

  it('a school’s own list and the council’s inbox: school staff list their own, council teams work from their inbox', () => {
    expect(Object.keys(users).filter((label) => canListOwnReferrals(users[label]))).toEqual([
      'staff, same school',
      'staff who referred',
      'dsl, same school',
      'deputy dsl, same school',
      'headteacher, same school',
      'dsl, other school',
      'headteacher, other school',
      'staff who referred, now other school',
    ]);
    expect(
      Object.fromEntries(
        Object.keys(users)
          .map((label) => [label, inboxFor(users[label])])
          .filter(([, kind]) => kind),
      ),
    ).toEqual({
      'early help': 'early-help',
      'front door': 'front-door',
    });
  });

  it('updates: the signed API posts; an update’s report is for its author (any letter case) and early-help staff', () => {
    expect(canPostUpdate(UPDATES_API_AUTHOR)).toBe(true);
    const update = { authorId: 'author-id' };
    expect(canReadUpdateReport({ aadObjectId: 'AUTHOR-ID', role: 'dsl' }, update)).toBe(true);
    expect(canReadUpdateReport(users['early help'], update)).toBe(true);
    expect(canReadUpdateReport(users['front door'], update)).toBe(false);
    expect(canReadUpdateReport(users.admin, update)).toBe(false);
    expect(canReadUpdateReport(undefined, update)).toBe(false);
  });
});
