/**
 * `npm run ask -- "question"`                 the answer, readably
 * `npm run ask -- --json "question"`          one JSON object: {query, urgent, urgency, reason, results[]}
 * `npm run ask -- --json --batch FILE`        one JSON object per line, one per question in FILE
 *
 * `urgent` is true for either tier; `urgency` is none | today | emergency and `reason` the card's sentence
 * (or null). Each result carries `contacts`, the [{name, phone}] its card would show.
 */
import { readFileSync } from 'node:fs';
import { contactsOnCard } from '../cards/answerCards';
import { markdownToPlainText } from '../cards/markdownForCard';
import { loadConfig } from '../config';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Answer } from '../knowledge/schema';
import type { Urgency } from '../knowledge/urgency/classifyUrgency';

interface AskResult {
  query: string;
  urgent: boolean;
  urgency: Urgency;
  reason: string | null;
  results: Array<{
    id: string;
    title: string;
    kind: string;
    level: number | null;
    score: number;
    summary: string;
    text: string;
    contacts: Array<{ name: string; phone: string | null }>;
  }>;
}

function ask(knowledge: KnowledgeBase, query: string): AskResult {
  const { urgent, urgency, reason, hits } = knowledge.search(query);
  return {
    query,
    urgent,
    urgency,
    reason,
    results: hits.map(({ answer, score }) => ({
      id: answer.id,
      title: answer.title,
      kind: answer.kind,
      level: answer.level ?? null,
      score: Math.round(score * 1000) / 1000,
      summary: answer.summary,
      text: markdownToPlainText(answer.body),
      contacts: cardContacts(knowledge, answer, urgency),
    })),
  };
}

function cardContacts(knowledge: KnowledgeBase, answer: Answer, urgency: Urgency): AskResult['results'][number]['contacts'] {
  const contacts = answer.contacts.map((id) => knowledge.contact(id)!);
  return contactsOnCard({ urgency, reason: null, contacts, emergencyContacts: knowledge.emergencyContacts() }).map((contact) => ({
    name: contact.name,
    phone: contact.phone ?? null,
  }));
}

/** The banner's words in plain text: what to do now, the numbers, then why. */
function urgencyLines(knowledge: KnowledgeBase, result: AskResult): string[] {
  const [emergency, frontDoor, outOfHours] = knowledge.emergencyContacts();
  const line = (contact: typeof frontDoor) => `   ${contact.name}: ${contact.phone} (${contact.hours})`;
  const lines =
    result.urgency === 'emergency'
      ? [
          '!! Call 999 now: a child is in immediate danger.',
          line(emergency),
          'Then ring the front door:',
          line(frontDoor),
          line(outOfHours),
        ]
      : [
          '!! Ring the front door now, before the child goes home.',
          line(frontDoor),
          'Out of hours:',
          line(outOfHours),
          'If a child is in immediate danger, call 999.',
        ];
  return [...lines, `Why this message was flagged: ${result.reason}`, ''];
}

function readable(knowledge: KnowledgeBase, result: AskResult): string {
  const lines: string[] = result.urgent ? urgencyLines(knowledge, result) : [];
  const [best, ...others] = result.results;
  if (!best) {
    const frontDoor = knowledge.contact(knowledge.pack.info.frontDoorContact)!;
    lines.push('No good match in the guidance pack. Try rephrasing with the key words.');
    lines.push(`If you are worried about a child, the front door will advise: ${frontDoor.phone}.`);
    return lines.join('\n');
  }
  lines.push(best.title, '='.repeat(best.title.length), best.summary, '', best.text, '');
  const answer = knowledge.answer(best.id)!;
  lines.push(`Sources (reviewed ${answer.reviewed}):`, ...answer.sources.map((s) => `  - ${s.title}: ${s.url}`));
  if (others.length > 0) lines.push('', 'See also:', ...others.slice(0, 2).map((o) => `  - ${o.title}`));
  return lines.join('\n');
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const batchIndex = argv.indexOf('--batch');
  const words = argv.filter((arg, i) => !arg.startsWith('--') && (batchIndex < 0 || i !== batchIndex + 1));
  const knowledge = KnowledgeBase.loadFromFile(loadConfig({ ...process.env, BOT_MODE: 'local', HOST: undefined }).knowledgeIndexPath);

  if (batchIndex >= 0) {
    const file = argv[batchIndex + 1];
    if (!file) return usage('--batch needs a file with one question per line');
    const questions = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim().length > 0);
    for (const question of questions) process.stdout.write(`${JSON.stringify(ask(knowledge, question))}\n`);
    return 0;
  }
  const question = words.join(' ').trim();
  if (!question) return usage('give a question, e.g. npm run ask -- "do I need consent to ring the front door?"');
  const result = ask(knowledge, question);
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${readable(knowledge, result)}\n`);
  return 0;
}

function usage(problem: string): number {
  process.stderr.write(`ask: ${problem}\nUsage: npm run ask -- [--json] "question" | npm run ask -- --json --batch FILE\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
