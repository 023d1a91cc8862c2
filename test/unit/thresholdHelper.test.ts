/**
 * The threshold helper's promises, table by table, on the real pack's levels and indicators: the highest
 * level ticked is suggested, any sign of significant harm goes to the front door whatever else is ticked,
 * and significant harm is never offered the consent-based early-help route.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/knowledge/loadPack';
import { suggestLevel } from '../../src/thresholds/suggestLevel';
import { PACK_DIR } from '../support/knowledge';

const pack = loadPack(PACK_DIR);

describe('suggestLevel', () => {
  it.each([
    ['everything fine', ['dev-healthy-attending', 'par-good-enough-care', 'fam-stable'], 1, 'universal'],
    ['one emerging need', ['dev-attendance-slipping'], 2, 'early-help'],
    ['emerging needs beside everyday ones', ['dev-healthy-attending', 'par-routines-hard', 'fam-money-housing-worries'], 2, 'early-help'],
    ['a complex need', ['par-adult-needs-affecting-care', 'dev-attendance-slipping'], 3, 'early-help'],
    ['homelessness, not significant harm', ['fam-homeless'], 4, 'front-door'],
    ['a disclosure alone', ['dev-injury-or-disclosure'], 4, 'front-door'],
    [
      'significant harm among level 1 indicators',
      ['dev-healthy-attending', 'par-good-enough-care', 'fam-domestic-abuse-risk'],
      4,
      'front-door',
    ],
    [
      'significant harm among level 2 and 3 needs',
      ['dev-attendance-slipping', 'fam-debt-overcrowding', 'par-left-in-danger'],
      4,
      'front-door',
    ],
  ])('%s: level %s, next step %s', (_label, ticked, level, nextStep) => {
    const result = suggestLevel(pack, ticked as string[]);
    expect(result.kind).toBe('suggested');
    if (result.kind !== 'suggested') return;
    expect([result.level.number, result.nextStep]).toEqual([level, nextStep]);
  });

  it.each(pack.indicators.filter((indicator) => indicator.significantHarm).map((indicator) => [indicator.id]))(
    'significant harm (%s) goes to the front door, with no early-help button, whatever else is ticked',
    (harmId) => {
      const everythingElse = pack.indicators
        .filter((indicator) => !indicator.significantHarm && indicator.level < 4)
        .map((indicator) => indicator.id);
      const result = suggestLevel(pack, [...everythingElse, harmId]);
      if (result.kind !== 'suggested') throw new Error('expected a suggestion');
      expect(result.nextStep).toBe('front-door');
      expect(result.referralKinds).toEqual(['front-door']);
      expect(result.significantHarm.map((indicator) => indicator.id)).toEqual([harmId]);
      expect(result.because).toContain('significant harm');
    },
  );

  it('shows which level descriptions match, highest first, each with its ticked indicators', () => {
    const result = suggestLevel(pack, ['dev-healthy-attending', 'par-routines-hard', 'fam-debt-overcrowding']);
    if (result.kind !== 'suggested') throw new Error('expected a suggestion');
    expect(result.matched.map((match) => [match.level.number, match.indicators.map((indicator) => indicator.id)])).toEqual([
      [3, ['fam-debt-overcrowding']],
      [2, ['par-routines-hard']],
      [1, ['dev-healthy-attending']],
    ]);
  });

  it('gives the step-up and step-down signals of the suggested level', () => {
    const result = suggestLevel(pack, ['dev-attendance-slipping']);
    if (result.kind !== 'suggested') throw new Error('expected a suggestion');
    expect(result.stepUp).toEqual(pack.levels[1].stepUp);
    expect(result.stepDown).toEqual(pack.levels[1].stepDown);
    expect(result.referralKinds).toEqual(['early-help', 'front-door']);
  });

  it('level 2 needs in two or more areas add a hint to consider level 3, without deciding it', () => {
    const oneArea = suggestLevel(pack, ['dev-attendance-slipping', 'dev-low-level-anxiety']);
    const twoAreas = suggestLevel(pack, ['dev-attendance-slipping', 'fam-recent-change']);
    if (oneArea.kind !== 'suggested' || twoAreas.kind !== 'suggested') throw new Error('expected suggestions');
    expect(oneArea.stepUp).toEqual(pack.levels[1].stepUp);
    expect(twoAreas.level.number).toBe(2);
    expect(twoAreas.stepUp[0]).toContain('2 of the 3 areas: if more than one service is needed, consider level 3');
  });

  it.each([[[]], [['not-an-indicator']], [['dev-injury-or-disclosure-forged']]])('nothing known ticked (%j) suggests nothing', (ticked) => {
    expect(suggestLevel(pack, ticked)).toEqual({ kind: 'nothing-ticked' });
  });
});
