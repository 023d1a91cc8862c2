import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../src/cards/commands';
import { MAX_CARD_BYTES, renderCard } from '../../src/cards/renderCard';
import { helpCard, welcomeCard } from '../../src/cards/welcomeCards';
import { packSummary } from '../../src/conversation/packSummary';
import { realKnowledgeBase } from '../support/knowledge';

const summary = packSummary(realKnowledgeBase());
const textOf = (card: object) => JSON.stringify(card);

describe('welcome and help cards', () => {
  it('welcome says what the bot does not do and puts 999 before the front door and out-of-hours numbers', () => {
    const text = textOf(welcomeCard(summary));
    expect(text).toContain('I support your professional judgement and never replace it');
    expect(text).toContain('If you are unsure, consult the front door');
    const emergency = text.indexOf('call 999');
    expect(emergency).toBeGreaterThan(0);
    expect(text.indexOf('0121 788 4300')).toBeGreaterThan(emergency);
    expect(text.indexOf('0121 605 6060')).toBeGreaterThan(emergency);
    expect(text).toContain('tel:01217884300');
  });

  it('marks numbers that have not been verified', () => {
    const text = textOf(helpCard(summary));
    expect(text).toMatch(/0121 788 4300\][^"]*\(unverified: check before use\)"/);
    expect(text).toContain('"[999](tel:999) · Any time"');
  });

  it('help lists exactly the commands the Teams manifest declares', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../appPackage/manifest.json'), 'utf8'));
    const manifestCommands = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(BOT_COMMANDS.map((c) => c.title)).toEqual(manifestCommands);
    for (const command of BOT_COMMANDS) expect(textOf(helpCard(summary))).toContain(command.description);
  });

  it('cards are schema 1.5 and well under the Teams size limit', () => {
    for (const card of [welcomeCard(summary), helpCard(summary)]) {
      expect(card.version).toBe('1.5');
      expect(Buffer.byteLength(textOf(card))).toBeLessThan(MAX_CARD_BYTES);
    }
  });

  it('refuses to send a card with an unfilled template field or over the limit', () => {
    expect(() => renderCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${missing}' }] }, {})).toThrow(
      /unfilled/,
    );
    const huge = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(MAX_CARD_BYTES) }] };
    expect(() => renderCard(huge, {})).toThrow(/over the/);
  });
});
