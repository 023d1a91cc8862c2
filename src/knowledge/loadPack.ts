/**
 * Reads the knowledge pack from Markdown and YAML, validates every file, and checks cross-references.
 * Runs at build time (npm run build); the bot itself loads the prebuilt index instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import {
  answerFrontMatterSchema,
  contactsFileSchema,
  glossaryFileSchema,
  levelsFileSchema,
  packInfoSchema,
  type Answer,
  type Contact,
  type GlossaryTerm,
  type LevelOfNeed,
  type PackInfo,
} from './schema';

export interface KnowledgePack {
  info: PackInfo;
  answers: Answer[];
  contacts: Contact[];
  glossary: GlossaryTerm[];
  levels: LevelOfNeed[];
}

export class PackError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The knowledge pack has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackError';
  }
}

export function loadPack(packDir: string): KnowledgePack {
  const problems: string[] = [];
  const readYaml = <T>(file: string, schema: ZodType<T, ZodTypeDef, unknown>) => validate(file, YAML.parse(readFileSync(path.join(packDir, file), 'utf8')), schema, problems);

  const info = readYaml('pack.yaml', packInfoSchema);
  const contacts = readYaml('contacts.yaml', contactsFileSchema)?.contacts ?? [];
  const glossary = readYaml('glossary.yaml', glossaryFileSchema)?.terms ?? [];
  const levels = readYaml('levels.yaml', levelsFileSchema)?.levels ?? [];
  const answers = readAnswers(packDir, problems);

  checkReferences({ info, answers, contacts }, problems);
  if (problems.length > 0 || !info) throw new PackError(problems);
  return { info, answers, contacts, glossary, levels };
}

function readAnswers(packDir: string, problems: string[]): Answer[] {
  const answersDir = path.join(packDir, 'answers');
  const files = readdirSync(answersDir).filter((name) => name.endsWith('.md')).sort();
  const answers: Answer[] = [];
  for (const name of files) {
    const file = path.join('answers', name);
    const parsed = matter(readFileSync(path.join(packDir, file), 'utf8'));
    const frontMatter = validate(file, parsed.data, answerFrontMatterSchema, problems);
    if (!frontMatter) continue;
    if (`${frontMatter.id}.md` !== name) problems.push(`${file}: id: must match the file name (expected "${name.replace(/\.md$/, '')}")`);
    if (parsed.content.trim().length < 40) problems.push(`${file}: body: write the steps or indicators below the front matter`);
    answers.push({ ...frontMatter, body: parsed.content.trim(), file });
  }
  return answers;
}

function validate<T>(file: string, data: unknown, schema: ZodType<T, ZodTypeDef, unknown>, problems: string[]): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return undefined;
}

function checkReferences(pack: { info?: PackInfo; answers: Answer[]; contacts: Contact[] }, problems: string[]): void {
  const contactIds = new Set(pack.contacts.map((contact) => contact.id));
  const seen = new Set<string>();
  for (const answer of pack.answers) {
    if (seen.has(answer.id)) problems.push(`${answer.file}: id: "${answer.id}" is used by another answer`);
    seen.add(answer.id);
    for (const id of answer.contacts) {
      if (!contactIds.has(id)) problems.push(`${answer.file}: contacts: "${id}" is not in contacts.yaml`);
    }
  }
  if (!pack.info) return;
  for (const id of pack.info.suggestedTopics) {
    if (!seen.has(id)) problems.push(`pack.yaml: suggestedTopics: "${id}" is not an answer id`);
  }
  for (const key of ['frontDoorContact', 'outOfHoursContact', 'emergencyContact'] as const) {
    if (!contactIds.has(pack.info[key])) problems.push(`pack.yaml: ${key}: "${pack.info[key]}" is not in contacts.yaml`);
  }
}
