import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The compiled command, as `npm run ask` runs it after building (`npm test` builds first).
const ASK = path.join(__dirname, '../../dist/cli/ask.js');
const ask = (...args: string[]) => execFileSync(process.execPath, [ASK, ...args], { encoding: 'utf8' });

describe('npm run ask', () => {
  it('--json prints one object with query, urgency and ranked results with the whole answer text and the card’s contacts', () => {
    const output = ask('--json', 'do i need mums permission to ring mash??');
    expect(output.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(output);
    expect(Object.keys(result)).toEqual(['query', 'urgent', 'urgency', 'reason', 'results']);
    expect(result).toMatchObject({ urgent: false, urgency: 'none', reason: null });
    expect(result.results[0]).toMatchObject({ id: 'consent-before-referring', kind: 'procedure', level: 4 });
    expect(Object.keys(result.results[0])).toEqual(['id', 'title', 'kind', 'level', 'score', 'summary', 'text', 'contacts']);
    expect(result.results[0].contacts).toContainEqual({ name: expect.stringContaining('Front Door'), phone: '0121 788 4300' });
    expect(result.results[0].text).toContain('Consent is not needed to refer');
    expect(result.results[0].text).not.toContain('**');
    const scores = result.results.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('--json gives the tier and the reason, and the card’s contacts then include 999, the front door and out of hours', () => {
    const today = JSON.parse(ask('--json', 'she is not safe to go home tonight, says mum’s boyfriend hit her'));
    expect(today).toMatchObject({ urgent: true, urgency: 'today', reason: expect.stringContaining('ring the front door now') });
    for (const result of today.results) {
      expect(result.contacts.slice(0, 3).map((c: { phone: string }) => c.phone)).toEqual(['999', '0121 788 4300', '0121 605 6060']);
    }
    const emergency = JSON.parse(ask('--json', 'a boy has just taken an overdose in the toilets'));
    expect(emergency).toMatchObject({ urgent: true, urgency: 'emergency', reason: expect.stringContaining('call 999 now') });
  });

  it('--json --batch prints one object per line, in order', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ask-')), 'questions.txt');
    writeFileSync(file, 'what is a lado\nrecipe for chocolate cake\nwho do i call at the weekend\n');
    const lines = ask('--json', '--batch', file)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.query)).toEqual(['what is a lado', 'recipe for chocolate cake', 'who do i call at the weekend']);
    expect(lines[0].results[0].id).toBe('allegations-against-staff-lado');
    expect(lines[1].results).toEqual([]);
    expect(lines[2].results[0].id).toBe('out-of-hours-edt');
  });

  it('prints a readable answer by default', () => {
    const output = ask('y9 might be running drugs, who do i tell');
    expect(output).toMatch(/^Criminal exploitation and county lines\n=+\n/);
    expect(output).toMatch(/Sources \(reviewed \d{4}-\d{2}-\d{2}\):/);
  });
});
