import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/startBot';
import { PLAYGROUND_TENANT, postActivity, teamsMessage, USERS } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { memoryLogger } from '../support/memoryLog';
import { CHILD_WORDS, submission } from '../support/referralForms';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

// Details a DSL might type about a child. None of them may ever reach a log line.
const CHILD = {
  name: 'Jayden Okonkwo-Whitfield',
  dateOfBirth: '14/03/2015',
  address: '12 Larchwood Crescent, Shirley, B90 4QT',
  concern: 'stepdad burns him with cigarettes',
};

describe('logs never contain a child’s personal data', () => {
  const { logger, lines } = memoryLogger();
  let bot: Awaited<ReturnType<typeof startBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'log-')), ALLOWED_TENANT_IDS: PLAYGROUND_TENANT });
    bot = await startBot(config, logger);
    connector = await startFakeConnector();
    const story = `${CHILD.name} (DOB ${CHILD.dateOfBirth}) of ${CHILD.address} told me his ${CHILD.concern}. What do I do?`;
    await postActivity(bot.url, teamsMessage({ text: story, serviceUrl: connector.url }));
    await postActivity(bot.url, {
      ...teamsMessage({ text: '', serviceUrl: connector.url }),
      text: undefined,
      value: { verb: 'unknownVerb', childName: CHILD.name, address: CHILD.address },
    });
    await postActivity(bot.url, teamsMessage({ text: `${CHILD.name} again`, serviceUrl: connector.url, tenantId: 'other-tenant' }));

    // A whole referral: a refused form, a stored one, the front door's outcome (its note names people),
    // the outcome card sent proactively, and a status check.
    const users = teamsUsers(
      () => bot.url,
      () => connector,
    );
    await users.say(USERS.dslSamplePrimary, 'whoami');
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'log-nonce-0001', { childLastName: '' }));
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'log-nonce-0001'));
    const reference = users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    await users.press(USERS.frontDoor, {
      verb: 'recordOutcome',
      reference,
      outcome: 'strategy-discussion',
      note: 'Carl Dunmore arrested; Tanya and Jayden safe at her mother’s.',
    });
    await waitFor('the outcome card', () => users.seen(USERS.dslSamplePrimary).some((text) => text.includes('Outcome recorded:')));
    await users.say(USERS.dslSamplePrimary, `status ${reference}`);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it('logs each turn with a request id, who and what', () => {
    const turns = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'turn received');
    expect(turns.length).toBeGreaterThanOrEqual(2);
    for (const turn of turns) {
      expect(turn.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect([USERS.dslSamplePrimary, USERS.frontDoor]).toContain(turn.user);
      expect(turn.activityType).toBe('message');
    }
    expect(new Set(turns.map((t) => t.requestId)).size).toBe(turns.length);
    expect(lines.some((line) => line.includes('"msg":"question answered"'))).toBe(true);
  });

  it('records how urgent a question was (the tier), never its words', () => {
    const answered = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'question answered');
    expect(answered[0]).toMatchObject({ urgent: true, urgency: 'today' });
  });

  it('no line contains the name, date of birth, address or concern, from a question or a referral', () => {
    expect(lines.length).toBeGreaterThan(0);
    const words = [
      CHILD.name,
      'Okonkwo',
      'Jayden',
      CHILD.dateOfBirth,
      'Larchwood',
      'B90 4QT',
      'cigarettes',
      'stepdad',
      ...CHILD_WORDS,
      '2015-03-14',
      '0121 496 0000',
    ];
    for (const line of lines) for (const word of words) expect(line, line).not.toContain(word);
  });

  it('the referral’s life is logged by reference: stored, outcome recorded', () => {
    expect(lines.some((line) => line.includes('"msg":"referral stored"') && /"reference":"FD-\d{4}-\d{6}"/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('"msg":"outcome recorded"'))).toBe(true);
  });

  it('the bot still answered the question (so the test exercised the real path)', () => {
    expect(connector.cardsText().some((card) => card.includes('Physical abuse'))).toBe(true);
  });
});

describe('APIs accept JSON only', () => {
  it('refuses a form-encoded post with 415', async () => {
    const { logger } = memoryLogger();
    const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'json-')), ALLOWED_TENANT_IDS: PLAYGROUND_TENANT });
    const bot = await startBot(config, logger);
    try {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'type=message',
      });
      expect(response.status).toBe(415);
    } finally {
      await bot.stop();
    }
  });
});
