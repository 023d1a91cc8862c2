import { describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/answers/answerService';
import { contactsOnCard, noMatchCard } from '../../src/cards/answerCards';
import { realKnowledgeBase } from '../support/knowledge';

const knowledge = realKnowledgeBase();
const answers = new AnswerService(knowledge);
const text = (card: object) => JSON.stringify(card);
const FRONT_DOOR = '0121 788 4300';
const OUT_OF_HOURS = '0121 605 6060';

describe('the urgency banner on answer cards', () => {
  it('an emergency leads with "Call 999 now", then the front door, and ends with why', () => {
    const reply = answers.reply('a year 8 has a knife in his bag and says he will use it at lunch');
    const card = text(reply.card);
    expect(reply).toMatchObject({ urgent: true, urgency: 'emergency' });
    const call999 = card.indexOf('Call 999 now');
    expect(call999).toBeGreaterThan(0);
    expect(call999).toBeLessThan(card.indexOf(FRONT_DOOR));
    expect(card.indexOf(FRONT_DOOR)).toBeLessThan(card.indexOf('Why this message was flagged: A child or adult has a weapon'));
  });

  it('"today" leads with ringing the front door before the child goes home, its hours, out of hours, 999, then why', () => {
    const reply = answers.reply('a pupil says her stepdad hit her last night and he collects her at 3.15');
    const card = text(reply.card);
    expect(reply).toMatchObject({ urgent: true, urgency: 'today' });
    const order = [
      'Ring the front door now, before the child goes home.',
      FRONT_DOOR,
      'Mon–Thu 8.45am–5.20pm',
      OUT_OF_HOURS,
      'If a child is in immediate danger, call 999.',
      'Why this message was flagged: A child has said someone at home hurt them and goes home at 3.15: ring the front door now.',
    ].map((words) => card.indexOf(words));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(card).not.toContain('Call 999 now');
  });

  it('the banner, reason included, is the first thing on the card, before the answer', () => {
    const reply = answers.reply('she is scared to go home tonight, says mum will hurt her');
    const [first, ...rest] = (reply.card as unknown as { body: object[] }).body.map(text);
    expect(first).toContain('Ring the front door now');
    expect(first).toContain('Why this message was flagged: A child is afraid to go home');
    expect(rest.join('')).not.toContain('Ring the front door now');
  });

  it('a question about procedure shows no banner', () => {
    const reply = answers.reply('what is our duty to report FGM');
    expect(reply).toMatchObject({ urgent: false, urgency: 'none' });
    expect(text(reply.card)).not.toContain('Why this message was flagged');
    expect(text(reply.card)).not.toContain('Ring the front door now');
  });

  it('the no-match card carries the same banner', () => {
    const [, frontDoor] = knowledge.emergencyContacts();
    const card = text(
      noMatchCard({
        urgency: 'today',
        reason: 'A child is afraid to go home: ring the front door now.',
        frontDoor,
        emergencyContacts: knowledge.emergencyContacts(),
        topics: [],
        disclaimer: 'Guidance only.',
      }),
    );
    expect(card.indexOf('Ring the front door now, before the child goes home.')).toBeLessThan(
      card.indexOf('I don’t have a good answer to that'),
    );
    expect(card).toContain('Why this message was flagged: A child is afraid to go home');
  });

  it('lists every contact the card shows: the banner’s when urgent, then the answer’s own', () => {
    const answer = knowledge.answer('contact-the-front-door')!;
    const contacts = answer.contacts.map((id) => knowledge.contact(id)!);
    const emergencyContacts = knowledge.emergencyContacts();
    const urgent = contactsOnCard({ urgency: 'today', reason: 'r', contacts, emergencyContacts });
    expect(urgent.slice(0, 3).map((contact) => contact.phone)).toEqual(['999', FRONT_DOOR, OUT_OF_HOURS]);
    expect(new Set(urgent.map((contact) => contact.id)).size).toBe(urgent.length);
    expect(contactsOnCard({ urgency: 'none', reason: null, contacts, emergencyContacts })).toEqual(contacts);
  });
});
