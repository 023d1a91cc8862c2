import type { ReferralKind } from '../../src/referrals/referralKinds';

/** A child's details as a DSL would type them. Tests scan databases and logs for these words. */
export const CHILD = {
  childFirstName: 'Jayden',
  childLastName: 'Okonkwo-Whitfield',
  childDateOfBirth: '2015-03-14',
  childAddress: '12 Larchwood Crescent, Shirley, B90 4QT',
  household: 'Mum (Tanya Whitfield), stepdad (Carl Dunmore), sister aged 3',
  concernWhat: 'Jayden has round burn marks on his forearm and said his stepdad did it with a cigarette',
  concernWhen: 'This morning, 9.10am',
  concernWhere: 'Year 5 classroom',
  childsWords: 'Carl did it when I spilled my drink',
  referrerPhone: '0121 496 0000',
};

/** Words from CHILD that must never appear in plain text in a database, a log or an audit entry. */
export const CHILD_WORDS = ['Jayden', 'Okonkwo', 'Larchwood', 'B90 4QT', 'cigarette', 'Carl Dunmore', 'Tanya'];

/** A complete, valid form of each kind, as the card would send it (strings only). */
export function validForm(kind: ReferralKind, overrides: Record<string, string> = {}): Record<string, string> {
  const parents =
    kind === 'front-door'
      ? {
          parentsKnow: 'no',
          parentsNotToldReason: 'DSL decided at 9.30am: telling stepdad could put Jayden at risk',
          parentsAgree: 'not-asked',
        }
      : {
          parentsAgree: 'yes',
          triedSoFar: 'Daily check-ins with his teacher and a referral to the school nurse',
          helpWanted: 'Parenting support for mum and a family support worker',
        };
  return { ...CHILD, ...parents, ...overrides };
}

/** The data a "Send" button press carries: the verb, the kind, the form's nonce and the inputs. */
export function submission(kind: ReferralKind, nonce: string, overrides: Record<string, string> = {}) {
  return { verb: 'submitReferral', kind, nonce, ...validForm(kind, overrides) };
}
