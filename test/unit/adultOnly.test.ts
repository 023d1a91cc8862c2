import { describe, expect, it } from 'vitest';
import { isSchoolAdmin } from '../../src/knowledge/outOfScope';
import { normaliseMessage } from '../../src/knowledge/textNormaliser';
import { classifyUrgency } from '../../src/knowledge/urgency/classifyUrgency';

describe('adult safeguarding is declined only when no child is in the message', () => {
  it.each([
    "an elderly grandad with dementia is the only carer for our two little ones, he didn't collect them today and they are still waiting in the office",
    'vulnerable adult in our adult learning class says her partner beats her and her daughter, he picks them both up at 3',
    'an elderly nan looks after her 3 grandkids and today she was so drunk she fell over at the gate and they are going home with her',
    'older lady with dementia is the only adult at home with the little lad, he says she locked him in the cupboard last night',
  ])('answers and flags a message that mentions a child: %s', (message) => {
    expect(isSchoolAdmin(normaliseMessage(message))).toBe(false);
    expect(classifyUrgency(message).urgency).not.toBe('none');
  });

  it("declines an adult-only concern and does not flag it as urgent for the children's front door", () => {
    const message = 'an elderly neighbour of mine with dementia seems to be being financially abused by her carer';
    expect(isSchoolAdmin(normaliseMessage(message))).toBe(true);
    expect(classifyUrgency(message).urgency).toBe('none');
  });
});
