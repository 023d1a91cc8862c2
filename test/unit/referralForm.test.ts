import { describe, expect, it } from 'vitest';
import { checkForm, childInitials, formValuesFrom } from '../../src/referrals/referralForm';
import { validForm } from '../support/referralForms';

const TODAY = '2026-11-23';

describe('the referral form’s rules (checked on the server, whatever the card checked)', () => {
  it('accepts a complete front door referral and a complete early-help request', () => {
    expect(checkForm('front-door', validForm('front-door'), TODAY).ok).toBe(true);
    expect(checkForm('early-help', validForm('early-help'), TODAY).ok).toBe(true);
  });

  it('reports each missing field beside that field', () => {
    const check = checkForm('front-door', validForm('front-door', { childFirstName: '', concernWhat: '   ', referrerPhone: '' }), TODAY);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.childFirstName).toBe('Enter the child’s first name');
    expect(check.errors.concernWhat).toBe('Describe the concern in a sentence or more');
    expect(check.errors.referrerPhone).toContain('phone number');
    expect(Object.keys(check.errors).sort()).toEqual(['childFirstName', 'concernWhat', 'referrerPhone']);
  });

  it('needs a date of birth or an age, and checks the date', () => {
    const neither = checkForm('front-door', validForm('front-door', { childDateOfBirth: '' }), TODAY);
    expect(!neither.ok && neither.errors.childDateOfBirth).toBe('Enter the date of birth, or the age if you do not know it');
    expect(checkForm('front-door', validForm('front-door', { childDateOfBirth: '', childAge: '9' }), TODAY).ok).toBe(true);
    const future = checkForm('front-door', validForm('front-door', { childDateOfBirth: '2027-01-01' }), TODAY);
    expect(!future.ok && future.errors.childDateOfBirth).toBe('The date of birth is in the future');
    const unreal = checkForm('front-door', validForm('front-door', { childDateOfBirth: '2015-02-30' }), TODAY);
    expect(!unreal.ok && unreal.errors.childDateOfBirth).toBe('That is not a real date');
    const adult = checkForm('front-door', validForm('front-door', { childDateOfBirth: '1990-05-01' }), TODAY);
    expect(!adult.ok && adult.errors.childDateOfBirth).toContain('aged 0 to 18');
    const age = checkForm('front-door', validForm('front-door', { childDateOfBirth: '', childAge: '25' }), TODAY);
    expect(!age.ok && age.errors.childAge).toBe('Enter the age in years, 0 to 18');
  });

  it('normalises a UPN and refuses one of the wrong shape', () => {
    const check = checkForm('front-door', validForm('front-door', { childUpn: 'a123 4567 8901b' }), TODAY);
    expect(check.ok && check.form.childUpn).toBe('A12345678901B');
    const wrong = checkForm('front-door', validForm('front-door', { childUpn: '12345' }), TODAY);
    expect(!wrong.ok && wrong.errors.childUpn).toContain('A UPN is a letter');
  });

  it('an early-help request needs the family’s agreement, and says what to do instead', () => {
    const check = checkForm('early-help', validForm('early-help', { parentsAgree: 'no' }), TODAY);
    expect(!check.ok && check.errors.parentsAgree).toContain('consult the front door');
    const notTried = checkForm('early-help', validForm('early-help', { triedSoFar: '' }), TODAY);
    expect(!notTried.ok && notTried.errors.triedSoFar).toContain('already tried');
  });

  it('a front door referral does not need consent, but says why parents were not told', () => {
    expect(checkForm('front-door', validForm('front-door', { parentsAgree: 'no' }), TODAY).ok).toBe(true);
    const noReason = checkForm('front-door', validForm('front-door', { parentsKnow: 'no', parentsNotToldReason: '' }), TODAY);
    expect(!noReason.ok && noReason.errors.parentsNotToldReason).toContain('why the parents or carers have not been told');
    expect(checkForm('front-door', validForm('front-door', { parentsKnow: 'yes', parentsNotToldReason: '' }), TODAY).ok).toBe(true);
  });

  it('refuses text longer than a field takes', () => {
    const check = checkForm('front-door', validForm('front-door', { concernWhat: 'x'.repeat(2501) }), TODAY);
    expect(!check.ok && check.errors.concernWhat).toBe('Keep this under 2500 characters');
  });

  it('picks only this kind’s fields, as strings, from a card submission', () => {
    const values = formValuesFrom('early-help', {
      verb: 'submitReferral',
      childFirstName: 'Sam',
      childAge: 9,
      parentsKnow: 'yes',
      helpWanted: 'x',
    });
    expect(values.childFirstName).toBe('Sam');
    expect(values.childAge).toBe(''); // not a string: treated as blank, never trusted
    expect('parentsKnow' in values).toBe(false);
    expect(values.helpWanted).toBe('x');
  });

  it('shows a child as initials in lists', () => {
    expect(childInitials({ childFirstName: ' jayden', childLastName: 'okonkwo-Whitfield' })).toBe('JO');
  });
});
