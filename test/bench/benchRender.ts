/**
 * Micro-benchmark of card rendering: the cards a busy turn renders (an answer, an urgent answer, the status
 * list of 25 referrals, the referral form, help), each rendered many times in a loop. Reports microseconds
 * per card. Run: `npm run bench -- render`.
 */
import { performance } from 'node:perf_hooks';
import { answerCard } from '../../src/cards/answerCards';
import { referralListCard, type ReferralCardContext } from '../../src/cards/referralCards';
import { referralFormCard } from '../../src/cards/referralFormCard';
import { helpCard } from '../../src/cards/welcomeCards';
import type { ReferralSummary } from '../../src/referrals/referralSummary';
import { realKnowledgeBase } from '../support/knowledge';

const ROUNDS = 2_000;

export function benchRender(): void {
  const knowledge = realKnowledgeBase();
  const answer = knowledge.answer('consent-before-referring')!;
  const related = [knowledge.answer('contact-the-front-door')!, knowledge.answer('request-early-help')!];
  const contacts = (answer.contacts ?? []).map((id) => knowledge.contact(id)!);
  const emergencyContacts = knowledge.emergencyContacts();
  const disclaimer = knowledge.pack.info.disclaimer;
  const context: ReferralCardContext = {
    timeZone: 'Europe/London',
    frontDoor: knowledge.contact('front-door')!,
    emergencyContacts,
    disclaimer,
  };
  const referrals: ReferralSummary[] = Array.from({ length: 25 }, (_, i) => ({
    reference: `FD-2026-${String(i).padStart(6, '0')}`,
    kind: 'front-door',
    kindName: 'Front door (MASH) referral',
    schoolId: 'sample-primary',
    schoolName: 'Sample Primary School',
    referrerName: 'Alex Wilber',
    childInitials: 'JO',
    submittedAt: Date.UTC(2026, 10, 23),
    decisionDueAt: Date.UTC(2026, 10, 24),
    status: 'awaiting-decision',
    personalDataDeleted: false,
  }));
  const cases: Record<string, () => object> = {
    answer: () =>
      answerCard({ answer, contacts, related, emergencyContacts, disclaimer, packVersion: 'v1', urgency: 'none', reason: null }),
    'answer, urgent (banner)': () =>
      answerCard({
        answer,
        contacts,
        related,
        emergencyContacts,
        disclaimer,
        packVersion: 'v1',
        urgency: 'today',
        reason: 'scared to go home',
      }),
    'status, 25 referrals': () => referralListCard(context, { title: 'Referrals', showSchool: false, referrals }),
    'referral form': () =>
      referralFormCard({
        kind: 'front-door',
        schoolName: 'Sample Primary',
        referrer: 'Alex Wilber',
        today: '2026-11-23',
        frontDoorPhone: '0121 788 4300',
        nonce: 'n',
      }),
    help: () => helpCard({ organisation: 'Solihull', disclaimer, emergencyContacts }),
  };
  console.log('| card | µs per render |\n| --- | --- |');
  for (const [name, render] of Object.entries(cases)) {
    for (let i = 0; i < 200; i++) render(); // warm up the JIT
    const start = performance.now();
    for (let i = 0; i < ROUNDS; i++) render();
    console.log(`| ${name} | ${(((performance.now() - start) * 1000) / ROUNDS).toFixed(1)} |`);
  }
}

if (require.main === module) benchRender();
