/**
 * Reads the knowledge pack from Markdown and YAML, validates every file, and checks cross-references.
 * Runs at build time (npm run build) and in `pack:check`; the bot itself loads the prebuilt index instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { packVersionOf, type PackFile, type PackVersion } from './packVersion';
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
  type NeedIndicator,
  type PackInfo,
} from './schema';

export interface KnowledgePack {
  info: PackInfo;
  answers: Answer[];
  contacts: Contact[];
  glossary: GlossaryTerm[];
  levels: LevelOfNeed[];
  /** What the threshold helper offers to tick, from levels.yaml. */
  indicators: NeedIndicator[];
  /** Which pack this is: content date and hash (see packVersion.ts). */
  version: PackVersion;
}

export class PackError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The knowledge pack has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackError';
  }
}

const YAML_FILES = ['pack.yaml', 'contacts.yaml', 'glossary.yaml', 'levels.yaml'] as const;

/** The pack, validated file by file and cross-referenced; throws PackError listing every problem. */
export function loadPack(packDir: string): KnowledgePack {
  const { pack, problems } = readPack(packDir);
  if (pack) checkReferences(pack, problems);
  if (problems.length > 0 || !pack) throw new PackError(problems);
  return pack;
}

/**
 * The pack with each file checked against its schema only; cross-references are left to the caller
 * (`pack:check` reports them as findings). `pack` is undefined when any file is malformed.
 */
export function readPack(packDir: string): { pack?: KnowledgePack; problems: string[] } {
  const problems: string[] = [];
  const files = readPackFiles(packDir);
  const text = (file: string) => files.find((f) => f.path === file)?.content ?? '';
  const readYaml = <T>(file: string, schema: ZodType<T, ZodTypeDef, unknown>) => validate(file, parseYaml(file, text(file), problems), schema, problems);

  const info = readYaml('pack.yaml', packInfoSchema);
  const contacts = readYaml('contacts.yaml', contactsFileSchema)?.contacts ?? [];
  const glossary = readYaml('glossary.yaml', glossaryFileSchema)?.terms ?? [];
  const levelsFile = readYaml('levels.yaml', levelsFileSchema);
  const levels = levelsFile?.levels ?? [];
  const indicators = levelsFile?.indicators ?? [];
  const answers = readAnswers(files, problems);
  if (problems.length > 0 || !info) return { problems };
  const version = packVersionOf(files, answers.map((answer) => answer.reviewed));
  return { pack: { info, answers, contacts, glossary, levels, indicators, version }, problems };
}

/** Every file that makes up the pack, the input to both parsing and the version hash. */
function readPackFiles(packDir: string): PackFile[] {
  const answerNames = readdirSync(path.join(packDir, 'answers')).filter((name) => name.endsWith('.md')).sort();
  return [...YAML_FILES, ...answerNames.map((name) => `answers/${name}`)].map((file) => ({
    path: file,
    content: readFileSync(path.join(packDir, file), 'utf8'),
  }));
}

function parseYaml(file: string, content: string, problems: string[]): unknown {
  try {
    return YAML.parse(content);
  } catch (error) {
    problems.push(`${file}: (file): not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** gray-matter throws on bad YAML; a pack editor needs the file and the line instead of a stack trace. */
function parseFrontMatter(file: string, content: string, problems: string[]): matter.GrayMatterFile<string> | undefined {
  try {
    return matter(content);
  } catch (error) {
    problems.push(`${file}: front matter: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function readAnswers(files: PackFile[], problems: string[]): Answer[] {
  const answers: Answer[] = [];
  for (const { path: file, content } of files.filter((f) => f.path.startsWith('answers/'))) {
    const name = file.slice('answers/'.length);
    const parsed = parseFrontMatter(file, content, problems);
    if (!parsed) continue;
    const frontMatter = validate(file, parsed.data, answerFrontMatterSchema, problems);
    if (!frontMatter) continue;
    if (`${frontMatter.id}.md` !== name) problems.push(`${file}: id: must match the file name (expected "${name.replace(/\.md$/, '')}")`);
    if (parsed.content.trim().length < 40) problems.push(`${file}: body: write the steps or indicators below the front matter`);
    if (answers.some((other) => other.id === frontMatter.id)) problems.push(`${file}: id: "${frontMatter.id}" is used by another answer`);
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

/**
 * The references the bot cannot run without (a card resolves each contact id). `pack:check` reports the
 * same, and more, as unknown-reference findings; this guard keeps a pack that skipped it out of the index.
 */
function checkReferences(pack: { info?: PackInfo; answers: Answer[]; contacts: Contact[] }, problems: string[]): void {
  const contactIds = new Set(pack.contacts.map((contact) => contact.id));
  const seen = new Set(pack.answers.map((answer) => answer.id));
  for (const answer of pack.answers) {
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
