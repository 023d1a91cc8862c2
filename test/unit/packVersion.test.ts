/**
 * The pack version ("which pack said this"): the newest review date and a hash of the pack's files, which
 * must depend on the content only: not on when or where the pack was read or built.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import lunr from 'lunr';
import { answerCard } from '../../src/cards/answerCards';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadPack } from '../../src/knowledge/loadPack';
import { packVersionOf } from '../../src/knowledge/packVersion';
import { buildKnowledge } from '../../src/knowledge/searchIndex';

const CLEAN = path.join(__dirname, '..', 'fixtures', 'packs', 'clean');

function copyOfClean(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-version-'));
  cpSync(CLEAN, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}

describe('pack version', () => {
  it('is the newest reviewed date and 8 hex digits of hash, labelled for cards', () => {
    const { version } = loadPack(CLEAN);
    expect(version.date).toBe('2026-11-01'); // family-hubs; the other answer says 2026-06-01
    expect(version.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(version.label).toBe(`2026-11-01 · ${version.hash}`);
  });

  it('is the same for the same content, read from another folder at another time', async () => {
    const first = loadPack(CLEAN).version;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(loadPack(copyOfClean()).version).toEqual(first);
  });

  it('changes when one answer changes, even by one word', () => {
    const dir = copyOfClean();
    edit(dir, 'answers/family-hubs.md', (text) => text.replace('Family Hubs offer early help', 'Family Hubs offer help'));
    const changed = loadPack(dir).version;
    expect(changed.date).toBe(loadPack(CLEAN).version.date);
    expect(changed.hash).not.toBe(loadPack(CLEAN).version.hash);
  });

  it('changes when a contact changes', () => {
    const dir = copyOfClean();
    edit(dir, 'contacts.yaml', (text) => text.replace('0121 605 6060', '0121 605 6061'));
    expect(loadPack(dir).version.hash).not.toBe(loadPack(CLEAN).version.hash);
  });

  it('ignores Windows line endings, so a checkout on another machine has the same version', () => {
    const files = [{ path: 'pack.yaml', content: 'a: 1\nb: 2\n' }];
    const windows = [{ path: 'pack.yaml', content: 'a: 1\r\nb: 2\r\n' }];
    expect(packVersionOf(windows, ['2026-01-01'])).toEqual(packVersionOf(files, ['2026-01-01']));
  });

  it('does not depend on the order the files are given in', () => {
    const files = [
      { path: 'answers/b.md', content: 'b' },
      { path: 'answers/a.md', content: 'a' },
    ];
    expect(packVersionOf(files, []).hash).toBe(packVersionOf([...files].reverse(), []).hash);
  });

  it('travels in the built index and is exposed by the knowledge base', () => {
    const built = buildKnowledge(loadPack(CLEAN), new Date('2030-01-01T00:00:00Z'));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'index-')), 'index.json');
    writeFileSync(file, JSON.stringify(built));
    const knowledge = KnowledgeBase.loadFromFile(file);
    expect(knowledge.packVersion).toEqual(loadPack(CLEAN).version);
    expect(
      new KnowledgeBase(
        loadPack(CLEAN),
        lunr(function () {}),
      ).packVersion.label,
    ).toBe(knowledge.packVersion.label);
  });

  it('is shown small and subtle in the answer card footer, next to the reviewed date', () => {
    const pack = loadPack(CLEAN);
    const input = {
      answer: pack.answers[1],
      urgency: 'none' as const,
      reason: null,
      contacts: [],
      related: [],
      emergencyContacts: pack.contacts,
      disclaimer: pack.info.disclaimer,
    };
    const card = answerCard({ ...input, packVersion: pack.version.label }) as { body: Array<Record<string, unknown>> };
    const texts = card.body.map((element) => element.text);
    const footer = card.body[texts.indexOf(`Guidance pack ${pack.version.label}`)];
    expect(footer).toMatchObject({ type: 'TextBlock', size: 'Small', isSubtle: true });
    expect(texts.indexOf(`Guidance pack ${pack.version.label}`)).toBe(
      texts.findIndex((text) => String(text).includes('(reviewed 2026-11-01)')) + 1,
    );
    expect(JSON.stringify(answerCard(input))).not.toContain('Guidance pack');
  });
});
