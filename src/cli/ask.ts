/**
 * `npm run ask -- "question"`                 the answer, readably
 * `npm run ask -- --json "question"`          one JSON object: {query, urgent, results[]}
 * `npm run ask -- --json --batch FILE`        one JSON object per line, one per question in FILE
 */
import { readFileSync } from 'node:fs';
import { markdownToPlainText } from '../cards/markdownForCard';
import { loadConfig } from '../config';
import { KnowledgeBase } from '../knowledge/knowledgeBase';

interface AskResult {
  query: string;
  urgent: boolean;
  results: Array<{ id: string; title: string; kind: string; level: number | null; score: number; summary: string; text: string }>;
}

function ask(knowledge: KnowledgeBase, query: string): AskResult {
  const { urgent, hits } = knowledge.search(query);
  return {
    query,
    urgent,
    results: hits.map(({ answer, score }) => ({
      id: answer.id,
      title: answer.title,
      kind: answer.kind,
      level: answer.level ?? null,
      score: Math.round(score * 1000) / 1000,
      summary: answer.summary,
      text: markdownToPlainText(answer.body),
    })),
  };
}

function readable(knowledge: KnowledgeBase, result: AskResult): string {
  const lines: string[] = [];
  if (result.urgent) {
    lines.push('!! A child may be in immediate danger: call 999.');
    for (const contact of knowledge.emergencyContacts()) lines.push(`   ${contact.name}: ${contact.phone} (${contact.hours})`);
    lines.push('');
  }
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
    const questions = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0);
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
