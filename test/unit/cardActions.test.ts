/** Every card press's data is parsed by its verb's schema: wrong types become "nothing", never an error. */
import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS, parseCardData, parseChosenGuidance, type CardVerb } from '../../src/conversation/cardActions';

describe('card action data', () => {
  it('keeps fields of the right type and drops the verb', () => {
    expect(parseCardData('answerFeedback', { verb: 'answerFeedback', answerId: 'lado', helpful: false })).toEqual({
      answerId: 'lado',
      helpful: false,
    });
    expect(parseCardData('updateReport', { updateId: 7 })).toEqual({ updateId: 7 });
  });

  it('reads a field of the wrong type as nothing, so the handler gives its own refusal', () => {
    expect(parseCardData('answerFeedback', { answerId: ['lado'], helpful: 'yes' })).toEqual({ answerId: undefined, helpful: undefined });
    expect(parseCardData('updateReport', { updateId: '7' })).toEqual({ updateId: undefined });
    expect(parseCardData('startReferral', { kind: 'child-protection' })).toEqual({ kind: undefined });
    expect(parseCardData('recordOutcome', { reference: 'EH-2026-000001', outcome: 3, note: null })).toEqual({
      reference: 'EH-2026-000001',
      outcome: '',
      note: '',
    });
  });

  it('keeps a form’s other fields for its use case, and only strings in a directory form', () => {
    expect(parseCardData('submitReferral', { kind: 'early-help', nonce: 'n-12345678', childFirstName: 'Sam' })).toMatchObject({
      kind: 'early-help',
      childFirstName: 'Sam',
    });
    expect(parseCardData('directoryAddPerson', { personName: 'Ann', role: { admin: true } })).toMatchObject({
      personName: 'Ann',
      role: '',
    });
  });

  it('reads anything that is not an object as an empty press, for every verb', () => {
    for (const verb of Object.keys(CARD_ACTIONS) as CardVerb[]) {
      for (const value of [undefined, null, 'text', 42, ['a']]) expect(() => parseCardData(verb, value)).not.toThrow();
    }
    expect(parseCardData('showAnswer', null)).toEqual({ answerId: undefined });
  });

  it('reads a chosen compose-box result the same way', () => {
    expect(parseChosenGuidance({ answerId: 'lado', query: 'who is the lado' })).toEqual({ answerId: 'lado', query: 'who is the lado' });
    expect(parseChosenGuidance({ answerId: 1 })).toEqual({ answerId: undefined, query: undefined });
  });
});
