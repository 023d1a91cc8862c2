/**
 * The threshold helper's cards and the compose-box guidance card, on the real pack: every indicator offered
 * once under its domain, the always-line on both helper cards, buttons that carry nothing that was ticked,
 * the helper offered on threshold answers only, and an inserted card with no button that needs the bot.
 */
import { describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/answers/answerService';
import { guidanceCard } from '../../src/cards/guidanceCards';
import { MAX_CARD_BYTES } from '../../src/cards/renderCard';
import { alwaysText, thresholdHelperCard, thresholdResultCard } from '../../src/cards/thresholdCards';
import { suggestLevel } from '../../src/thresholds/suggestLevel';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const { pack } = knowledge;
const context = { frontDoor: knowledge.contact(pack.info.frontDoorContact)!, disclaimer: pack.info.disclaimer };
const ALWAYS =
  'If unsure, consult the front door ([0121 788 4300](tel:01217884300)); if a child may be at risk of significant harm, refer now; 999 if in immediate danger.';

function suggested(ticked: string[]) {
  const suggestion = suggestLevel(pack, ticked);
  if (suggestion.kind !== 'suggested') throw new Error('expected a suggestion');
  return suggestion;
}

describe('threshold helper cards', () => {
  it('the helper offers every indicator once, under its own domain, without its level', () => {
    const card = thresholdHelperCard(context, pack.indicators) as unknown as {
      body: Array<{ items?: Array<{ id?: string; choices?: Array<{ title: string; value: string }> }> }>;
    };
    const inputs = card.body.flatMap((element) => element.items ?? []).filter((item) => item.choices);
    expect(inputs.map((input) => input.id)).toEqual(['childDevelopment', 'parentingCapacity', 'familyEnvironment']);
    const offered = inputs.flatMap((input) => input.choices!.map((choice) => choice.value));
    expect(offered.sort()).toEqual(pack.indicators.map((indicator) => indicator.id).sort());
    expect(JSON.stringify(card)).not.toMatch(/Level \d/);
    expect(JSON.stringify(card)).toContain(ALWAYS);
    expect(alwaysText(context.frontDoor)).toBe(ALWAYS);
  });

  it('a result with significant harm leads with "Refer to the front door now" and offers only the front door', () => {
    const card = thresholdResultCard({ ...context, suggestion: suggested(['fam-stable', 'dev-exploitation']) });
    const json = JSON.stringify(card);
    expect(json.indexOf('Refer to the front door now')).toBeLessThan(json.indexOf('Suggested: Level 4'));
    expect(json).toContain(ALWAYS);
    const starts = (card.actions as Array<{ data: { verb: string; kind?: string } }>).filter(
      (action) => action.data.verb === 'startReferral',
    );
    expect(starts.map((action) => action.data)).toEqual([{ verb: 'startReferral', kind: 'front-door' }]);
  });

  it('a result without significant harm has no harm banner; every ticked indicator is listed under its level', () => {
    const card = JSON.stringify(thresholdResultCard({ ...context, suggestion: suggested(['dev-attendance-slipping', 'fam-stable']) }));
    expect(card).not.toContain('Refer to the front door now');
    expect(card).toContain('- Attendance or punctuality slipping (the child’s development)');
    expect(card).toContain('- Stable housing and income, support from family and community (family and environment)');
  });

  it('with every indicator ticked the result still fits the card size limit', () => {
    const everything = pack.indicators.map((indicator) => indicator.id);
    expect(Buffer.byteLength(JSON.stringify(thresholdResultCard({ ...context, suggestion: suggested(everything) })))).toBeLessThan(
      MAX_CARD_BYTES,
    );
  });

  it('threshold answers offer the helper; other answers do not', () => {
    const answers = new AnswerService(knowledge);
    const offers = (id: string) => JSON.stringify(answers.show(id)!.card).includes('"verb":"thresholdHelper"');
    for (const id of [
      'level-1-universal',
      'level-2-early-help',
      'level-3-targeted-early-help',
      'level-4-specialist-statutory',
      'levels-of-need-overview',
    ])
      expect(offers(id)).toBe(true);
    for (const id of ['family-hubs', 'contact-the-front-door', 'fgm']) expect(offers(id)).toBe(false);
  });
});

describe('the guidance card inserted from the compose box', () => {
  const input = (id: string, urgency: 'none' | 'emergency') => {
    const answer = knowledge.answer(id)!;
    return {
      answer,
      urgency,
      reason: urgency === 'none' ? null : 'the message says a child is being hurt now.',
      contacts: answer.contacts.map((contactId) => knowledge.contact(contactId)!),
      level: pack.levels.find((level) => level.number === answer.level),
      emergencyContacts: knowledge.emergencyContacts(),
      disclaimer: pack.info.disclaimer,
      packVersion: knowledge.packVersion.label,
    };
  };

  it.each(pack.answers.map((answer) => [answer.id]))('%s: stands alone (no bot buttons) and fits 28 KB, urgent banner included', (id) => {
    const card = guidanceCard(input(id, 'emergency'));
    const json = JSON.stringify(card);
    expect(json).not.toContain('Action.Submit');
    expect(Buffer.byteLength(json)).toBeLessThan(MAX_CARD_BYTES);
    expect(JSON.stringify((card.body as unknown[])[0])).toContain('999');
  });

  it('without urgency there is no banner', () => {
    expect(JSON.stringify(guidanceCard(input('family-hubs', 'none')).body)).not.toContain('Call 999');
  });
});
