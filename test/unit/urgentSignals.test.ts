import { describe, expect, it } from 'vitest';
import { isUrgent } from '../../src/knowledge/urgentSignals';

describe('urgent signals', () => {
  it.each([
    'a child is in immediate danger',
    'she says she is not safe to go home tonight',
    "he's scared to go home",
    'he is being hit right now',
    'his stepdad is hurting him at the moment',
    'a pupil has a knife in his bag',
    'she has taken an overdose',
    'pupil said he is going to kill himself',
    'the child is missing tonight',
  ])('"%s" is urgent', (text) => {
    expect(isUrgent(text)).toBe(true);
  });

  it.each(['do i need consent to refer', 'what is a lado', 'child has bruises from last week', 'what are family hubs'])(
    '"%s" is not urgent',
    (text) => {
      expect(isUrgent(text)).toBe(false);
    },
  );
});
