/**
 * The turns the turn benchmarks send. Each sender is a DSL of its own at Sample Primary (benchDirectory.ts),
 * in their own personal chat, as 32 people at once would be:
 *  - a question (real staff questions from test/evaluation/tuning.jsonl, each sender on its own one);
 *  - `status`, with 25 referrals in the store (seedReferrals);
 *  - `refer early help`, which answers with the referral form card;
 *  - a referral submit: the "Send" press of a valid early-help form, a new form (nonce) each time.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { cardSubmit, teamsMessage } from '../support/activities';
import { submission } from '../support/referralForms';
import { benchDsl } from './benchDirectory';
import type { ActivityFor } from './turnLoad';

export const SCENARIOS = ['question', 'status', 'refer', 'submit'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_NAMES: Record<Scenario, string> = {
  question: 'a question',
  status: '`status` (25 referrals)',
  refer: '`refer early help` (the form card)',
  submit: 'a referral submit',
};

const QUESTIONS = readFileSync(path.join(PROJECT_ROOT, 'test', 'evaluation', 'tuning.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { q: string }).q);

const chatOf = (sender: number) => `bench-personal-chat-${sender}`;
const as = (sender: number) => ({ user: benchDsl(sender), conversationId: chatOf(sender) });
const withFreshId = <T extends { id: string }>(activity: T): T => ({ ...activity, id: randomUUID() });

export const ACTIVITIES: Record<Scenario, ActivityFor> = {
  question: (serviceUrl, sender, n) => withFreshId(teamsMessage({ text: QUESTIONS[n % QUESTIONS.length], serviceUrl, ...as(sender) })),
  status: (serviceUrl, sender) => withFreshId(teamsMessage({ text: 'status', serviceUrl, ...as(sender) })),
  refer: (serviceUrl, sender) => withFreshId(teamsMessage({ text: 'refer early help', serviceUrl, ...as(sender) })),
  submit: (serviceUrl, sender) =>
    withFreshId(cardSubmit({ serviceUrl, value: submission('early-help', `bench-${randomUUID()}`), ...as(sender) })),
};

/** How many questions the runs cycle through. */
export const QUESTION_COUNT = QUESTIONS.length;
