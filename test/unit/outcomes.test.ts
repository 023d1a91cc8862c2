import { OUTCOMES_FILE } from '../../src/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutcomeCatalogue } from '../../src/referrals/outcomes';

describe('the outcome list (config/outcomes.yaml)', () => {
  const outcomes = OutcomeCatalogue.load(OUTCOMES_FILE);

  it('has the outcomes the front door records, each with words for the school', () => {
    expect(outcomes.choicesFor('front-door').map((o) => o.code)).toEqual([
      'advice-nfa',
      'signposted-universal',
      'passed-to-early-help',
      'child-and-family-assessment',
      'strategy-discussion',
      'already-open',
    ]);
    for (const outcome of outcomes.all) expect(outcome.forSchool.length).toBeGreaterThan(40);
  });

  it('only allows an outcome on the kinds of referral it is for', () => {
    expect(outcomes.for('front-door', 'strategy-discussion')).toBeDefined();
    expect(outcomes.for('early-help', 'strategy-discussion')).toBeUndefined();
    expect(outcomes.for('early-help', 'stepped-up-to-front-door')).toBeDefined();
    expect(outcomes.for('front-door', 'no-such-outcome')).toBeUndefined();
  });

  it('never tells a school that a referral was not needed', () => {
    for (const outcome of outcomes.all)
      expect(`${outcome.label} ${outcome.forSchool}`.toLowerCase()).not.toMatch(/does not need|did not need|not needed|shouldn.t have/);
  });

  it('a broken file is refused with the entry and the problem', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'outcomes-')), 'outcomes.yaml');
    writeFileSync(file, 'outcomes:\n  - code: Not Kebab\n    label: x\n    for: [front-door]\n    forSchool: too short\n');
    expect(() => OutcomeCatalogue.load(file)).toThrow(/outcomes\.0\.code: must be a kebab-case id/);
  });
});
