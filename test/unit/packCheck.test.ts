/**
 * pack:check: each rule against a fixture pack that breaks it (test/fixtures/packs/<rule>/), the clean
 * fixture and the real pack, plus the edge cases of each rule as pure calls on in-memory answers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPack, type KnowledgePack } from '../../src/knowledge/loadPack';
import { checkPack, formatFinding, type Finding } from '../../src/knowledge/packCheck/checkPack';
import { consentFirstSentences } from '../../src/knowledge/packCheck/rules/consentFirst';
import { phoneNumbersIn } from '../../src/knowledge/packCheck/rules/unlistedPhone';
import type { Answer } from '../../src/knowledge/schema';
import { PACK_DIR } from '../support/knowledge';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'packs');
const TODAY = new Date('2026-12-02T09:00:00Z');

function fixture(name: string): KnowledgePack {
  const { pack, problems } = readPack(path.join(FIXTURES, name));
  if (!pack) throw new Error(`fixture ${name} is malformed: ${problems.join('; ')}`);
  return pack;
}

const lines = (findings: Finding[]) => findings.map(formatFinding);

describe('pack:check on fixture packs', () => {
  it('finds nothing in the clean fixture', () => {
    expect(lines(checkPack(fixture('clean'), TODAY))).toEqual([]);
  });

  it.each([
    [
      'consent-first',
      'ERROR answers/contact-the-front-door.md: consent-first: this answer is at level 4, but it says "Talk with the parents first',
    ],
    [
      'referral-route',
      'ERROR answers/contact-the-front-door.md: referral-route: this answer leads to a referral but its card would not show 999',
    ],
    ['unknown-reference', 'ERROR answers/family-hubs.md: unknown-reference: contacts: "family-support-team" is not in contacts.yaml'],
    ['unlisted-phone', 'ERROR answers/family-hubs.md: unlisted-phone: "0121 704 6000" is not the number of any contact in contacts.yaml'],
    ['unverified-unsaid', 'ERROR answers/family-hubs.md: unverified-unsaid: the text says "The opening hours are unverified."'],
    ['stale-review', 'WARNING answers/family-hubs.md: stale-review: reviewed 2025-11-01, more than 12 months ago'],
    ['threshold-indicators', 'ERROR levels.yaml: threshold-indicators: indicator "fam-three" signals significant harm but is at level 3'],
    [
      'landing-page-source',
      'WARNING answers/contact-the-front-door.md: landing-page source: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2/ is the landing page',
    ],
  ])('%s: the fixture that breaks it gives exactly that finding', (_rule, expected) => {
    const found = lines(checkPack(fixture(_rule), TODAY));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('the real pack has no errors (report any that remain; the content is fixed in knowledge/, not here)', () => {
    const { pack, problems } = readPack(PACK_DIR);
    expect(problems).toEqual([]);
    expect(lines(checkPack(pack!, new Date()).filter((finding) => finding.severity === 'error'))).toEqual([]);
  });
});

describe('consent-first', () => {
  it.each([
    'Early help is voluntary: get their consent before you refer.',
    'Keep a note while you gather a fuller picture with the family.',
    'Talk to the parents first, then call the front door.',
    'Refer with the family’s agreement.',
    "Ask the parents' permission before you share anything.",
    'Get parental consent before contacting the front door.',
  ])('catches "%s"', (sentence) => {
    expect(consentFirstSentences(sentence)).toEqual([sentence]);
  });

  it.each([
    'You do not need consent to refer where you suspect significant harm.',
    'Consent is not needed for a child protection referral.',
    'A referral for suspected significant harm never needs consent.',
    'Share information without consent where a child is at risk.',
    'Do not talk to the parents first if that could put the child at risk.',
  ])('leaves "%s" alone', (sentence) => {
    expect(consentFirstSentences(sentence)).toEqual([]);
  });

  it('applies to answers about exploitation, FGM, sexual abuse or allegations even when they have no level', () => {
    const pack = fixture('clean');
    const about = (id: string, title: string): Answer => ({ ...pack.answers[1], id, title, level: undefined, file: `answers/${id}.md` });
    const answers = [
      about('fgm-risk', 'Suspected FGM'),
      about('exploitation-missing-team', 'Exploitation and missing team'),
      about('staff-allegation', 'An allegation about a teacher'),
    ];
    const findings = checkPack({ ...pack, answers }, TODAY).filter((finding) => finding.rule === 'consent-first');
    expect(findings.map((finding) => finding.file)).toEqual(answers.map((answer) => answer.file));
  });

  it('does not apply to an early help offer at level 2', () => {
    expect(fixture('clean').answers[1].body).toContain('get their consent before you refer');
    expect(checkPack(fixture('clean'), TODAY)).toEqual([]);
  });
});

describe('unlisted-phone recognises UK numbers and nothing else', () => {
  it('finds numbers as they are written', () => {
    const text = 'Call 0121 788 4300, 020 7008 0151, 0808 800 5000 or 0800 1111; in danger 999, otherwise 101; +44 121 788 4300; 116 123.';
    expect(phoneNumbersIn(text).sort()).toEqual(
      ['+44 121 788 4300', '0121 788 4300', '020 7008 0151', '0800 1111', '0808 800 5000', '101', '116 123', '999'].sort(),
    );
  });

  it('ignores dates, years, sections, durations and money', () => {
    const text =
      'KCSIE 2025 (section 47) says within 45 working days; on 01/02/2023 at 10.30 they paid £101 for 101 pupils; page 111; 2026-01-05.';
    expect(phoneNumbersIn(text)).toEqual([]);
  });

  it('accepts a number listed in contacts.yaml however it is spaced', () => {
    const pack = fixture('clean');
    const answer = { ...pack.answers[1], body: `${pack.answers[1].body}\nRing 01217884300 or +44 121 788 4300.` };
    expect(checkPack({ ...pack, answers: [pack.answers[0], answer] }, TODAY)).toEqual([]);
  });
});

describe('the other rules on in-memory packs', () => {
  it('unverified-unsaid: a contact marked verified: false needs a note saying what to check', () => {
    const pack = fixture('clean');
    const contacts = pack.contacts.map((contact) => (contact.id === 'front-door' ? { ...contact, note: undefined } : contact));
    expect(lines(checkPack({ ...pack, contacts }, TODAY))).toEqual([
      expect.stringContaining('ERROR contacts.yaml: unverified-unsaid: contact "front-door" is marked verified: false but has no note'),
    ]);
  });

  it('unknown-reference: suggested topics and pack.yaml contacts must exist; glossary phrases must lead somewhere', () => {
    const pack = fixture('clean');
    const info = { ...pack.info, suggestedTopics: ['family-hubs', 'no-such-answer'], outOfHoursContact: 'edt' };
    const glossary = [...pack.glossary, { term: 'upn', means: ['unique pupil number'] }, { term: 'y7', means: ['year 7 family'] }];
    expect(lines(checkPack({ ...pack, info, glossary }, TODAY))).toEqual([
      expect.stringContaining('ERROR pack.yaml: unknown-reference: outOfHoursContact: "edt" is not in contacts.yaml'),
      expect.stringContaining('ERROR pack.yaml: unknown-reference: suggestedTopics: "no-such-answer" is not an answer id'),
      expect.stringContaining(
        'ERROR glossary.yaml: unknown-reference: "upn" means "unique pupil number", but no answer contains any of those words',
      ),
    ]);
  });

  it('stale-review: warns only after 12 months, by the injected date', () => {
    const pack = fixture('stale-review'); // family-hubs reviewed 2025-11-01
    expect(checkPack(pack, new Date('2026-11-01T00:00:00Z'))).toEqual([]);
    expect(checkPack(pack, new Date('2026-11-02T00:00:00Z')).map((finding) => finding.rule)).toEqual(['stale-review']);
  });

  it('landing-page source: with or without the trailing slash; a specific section is fine', () => {
    const pack = fixture('clean');
    const withSource = (url: string) => ({
      ...pack,
      answers: [{ ...pack.answers[0], sources: [{ title: 'KCSIE', url }] }, pack.answers[1]],
    });
    const landing = 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2';
    expect(checkPack(withSource(landing), TODAY).map((finding) => finding.rule)).toEqual(['landing-page source']);
    expect(checkPack(withSource(`${landing}/`), TODAY).map((finding) => finding.rule)).toEqual(['landing-page source']);
    expect(checkPack(withSource(`${landing}/part-one`), TODAY)).toEqual([]);
  });
});

describe('threshold-indicators', () => {
  const pack = fixture('clean');
  const indicatorFindings = (indicators: KnowledgePack['indicators']) =>
    lines(checkPack({ ...pack, indicators }, TODAY)).filter((line) => line.includes('threshold-indicators'));

  it('names each level and domain that has nothing to tick', () => {
    const withoutLevelTwoParenting = pack.indicators.filter((indicator) => indicator.id !== 'par-two');
    expect(indicatorFindings(withoutLevelTwoParenting)).toEqual([
      'ERROR levels.yaml: threshold-indicators: level 2 has no indicators for parenting capacity (domain: parenting-capacity): add at least one, so the helper can offer it.',
    ]);
    expect(indicatorFindings([])).toHaveLength(12);
  });

  it('refuses two indicators with one id', () => {
    const repeated = [...pack.indicators, { ...pack.indicators[0], text: 'Another thing' }];
    expect(indicatorFindings(repeated)).toEqual([
      'ERROR levels.yaml: threshold-indicators: indicator id "dev-one" is used more than once: give each indicator its own id.',
    ]);
  });
});

describe('npm run pack:check (the CLI)', { timeout: 30_000 }, () => {
  const run = (dir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'src', 'cli', 'packCheck.ts'), dir], {
      encoding: 'utf8',
    });

  it('prints one line per finding and a summary, and exits 1 on an error', () => {
    const result = run(path.join(FIXTURES, 'referral-route'));
    expect(result.stdout.trim().split('\n')).toEqual([
      'ERROR answers/contact-the-front-door.md: referral-route: this answer leads to a referral but its card would not show 999 for immediate danger: add "emergency-999" to its contacts.',
      'pack:check: 1 error(s), 0 warning(s): the pack must be fixed before it is built.',
    ]);
    expect(result.status).toBe(1);
  });

  it('exits 0 when there are only warnings', () => {
    const result = run(path.join(FIXTURES, 'stale-review'));
    expect(result.stdout).toContain('WARNING answers/family-hubs.md: stale-review');
    expect(result.status).toBe(0);
  });

  it('with --errors-only (as the build runs it) counts the warnings without listing them', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(__dirname, '..', '..', 'src', 'cli', 'packCheck.ts'),
        '--errors-only',
        path.join(FIXTURES, 'stale-review'),
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout).toBe(''); // stdout stays free for `npm run ask -- --json`, which builds first
    expect(result.stderr).not.toContain('WARNING');
    expect(result.stderr).toContain('0 error(s), 1 warning(s)');
    expect(result.stderr).toContain('Run "npm run pack:check" to see the warnings.');
    expect(result.status).toBe(0);
  });

  it('reports a malformed file as an error instead of crashing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
    cpSync(path.join(FIXTURES, 'clean'), dir, { recursive: true });
    const file = path.join(dir, 'answers', 'family-hubs.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: 2', 'level: 2\n  bad: indentation: here'));
    const result = run(dir);
    expect(result.stdout).toContain('ERROR answers/family-hubs.md: ');
    expect(result.status).toBe(1);
  });
});
