import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import matter from 'gray-matter';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, PackError } from '../../src/knowledge/loadPack';
import { PACK_DIR } from '../support/knowledge';

function copyOfPack(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
  cpSync(PACK_DIR, dir, { recursive: true });
  return dir;
}

/** A copy of the pack with one answer's front matter changed. */
function packWithEditedAnswer(edit: (frontMatter: Record<string, unknown>) => void): string {
  const dir = copyOfPack();
  const file = path.join(dir, 'answers', 'contact-the-front-door.md');
  const parsed = matter(readFileSync(file, 'utf8'));
  const frontMatter = structuredClone(parsed.data); // gray-matter caches parsed files: never mutate its object
  edit(frontMatter);
  writeFileSync(file, matter.stringify(parsed.content, frontMatter));
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadPack(dir);
  } catch (error) {
    if (error instanceof PackError) return error.problems;
    throw error;
  }
  return [];
}

describe('knowledge pack validation', () => {
  it('accepts the shipped pack', () => {
    expect(problemsOf(PACK_DIR)).toEqual([]);
  });

  it('names the file, the field and what is wrong', () => {
    const dir = packWithEditedAnswer((fm) => (fm.reviewed = 'last week'));
    expect(problemsOf(dir)).toContain('answers/contact-the-front-door.md: reviewed: must be a date written YYYY-MM-DD');
  });

  it('catches a contact id that contacts.yaml does not define', () => {
    const dir = packWithEditedAnswer((fm) => (fm.contacts = ['made-up-team']));
    expect(problemsOf(dir)).toContain('answers/contact-the-front-door.md: contacts: "made-up-team" is not in contacts.yaml');
  });

  it('requires every answer to cite a source', () => {
    const dir = packWithEditedAnswer((fm) => (fm.sources = []));
    expect(problemsOf(dir)).toContain('answers/contact-the-front-door.md: sources: every answer cites at least one source');
  });
});
