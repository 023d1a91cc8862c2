import { describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/answers/answerService';
import { MAX_CARD_BYTES } from '../../src/cards/renderCard';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const answers = new AnswerService(knowledge);
const text = (card: object) => JSON.stringify(card);
const actionsOf = (card: object) => [...text(card).matchAll(/"title":"([^"]+)","data":\{"verb":"(\w+)"/g)].map((m) => [m[1], m[2]]);

describe('answer cards', () => {
  it('show title, level, summary, steps, contacts with tel: links, sources and review date', () => {
    const reply = answers.reply('do i need mums permission to ring mash??');
    const card = text(reply.card);
    expect(reply.answerId).toBe('consent-before-referring');
    expect(card).toContain('Do I need consent before I refer?');
    expect(card).toContain('Level 4 · Specialist / statutory');
    expect(card).toContain('tel:01217884300');
    expect(card).toContain('Working Together to Safeguard Children 2023');
    expect(card).toContain(`reviewed ${knowledge.answer('consent-before-referring')!.reviewed}`);
    expect(card).toContain(`Guidance pack ${knowledge.packVersion.label}`);
    expect(card).toContain('If you are unsure, consult the front door');
  });

  it('offer "Make a referral", the next two matches, and "Did this help?"', () => {
    const verbs = actionsOf(answers.reply('how do i ring mash').card);
    expect(verbs[0]).toEqual(['Make a referral', 'makeReferral']);
    expect(verbs.filter(([, verb]) => verb === 'showAnswer')).toHaveLength(2);
    expect(verbs.filter(([, verb]) => verb === 'answerFeedback').map(([title]) => title)).toEqual(['Yes', 'No']);
  });

  it('do not offer a referral on an answer that does not lead to one', () => {
    const verbs = actionsOf(answers.reply('what are family hubs').card).map(([, verb]) => verb);
    expect(verbs).not.toContain('makeReferral');
  });

  it('put the front door, out of hours and 999 first when a child may be in danger (urgencyBanner.test.ts has the detail)', () => {
    const card = text(answers.reply('child says he is scared to go home tonight because dad is hitting him').card);
    const banner = card.indexOf('Ring the front door now, before the child goes home.');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(card.indexOf('"size":"Large"'));
    expect(card.indexOf('0121 605 6060')).toBeGreaterThan(banner);
    expect(card.indexOf('If a child is in immediate danger, call 999.')).toBeLessThan(card.indexOf('"size":"Large"'));
  });

  it('say plainly when there is no good match, with topics and the front door number', () => {
    const reply = answers.reply('recipe for chocolate cake');
    const card = text(reply.card);
    expect(reply.answerId).toBeUndefined();
    expect(card).toContain('I don’t have a good answer to that');
    expect(card).toContain('0121 788 4300');
    expect(actionsOf(reply.card).map(([title]) => title)).toContain('What are the levels of need?');
  });

  it('flag facts that are not verified', () => {
    expect(text(answers.show('epec-parenting')!.card)).toContain(`Not yet verified: ${knowledge.answer('epec-parenting')!.unverified}`);
  });

  it('stay under the Teams size limit for every answer in the pack', () => {
    for (const answer of knowledge.pack.answers) {
      const card = answers.show(answer.id)!.card;
      expect(Buffer.byteLength(text(card)), answer.id).toBeLessThan(MAX_CARD_BYTES);
      expect(card.version).toBe('1.5');
    }
  });
});
