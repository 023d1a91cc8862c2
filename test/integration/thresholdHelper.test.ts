/**
 * The threshold helper through the real bot over HTTP: `what level` shows the three domains to tick, the
 * suggestion names the level, the response and the always-line, significant harm goes to the front door
 * whatever else is ticked, one press starts a referral with nothing carried over, and neither the database
 * nor the log learns what was ticked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/startBot';
import { channelMessage, PLAYGROUND_TENANT, postActivity, USERS } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { memoryLogger } from '../support/memoryLog';
import { teamsUsers } from '../support/teamsUsers';

const ALWAYS =
  'If unsure, consult the front door ([0121 788 4300](tel:01217884300)); if a child may be at risk of significant harm, refer now; 999 if in immediate danger.';

describe('the threshold helper', () => {
  const { logger, lines } = memoryLogger();
  let bot: Awaited<ReturnType<typeof startBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const users = teamsUsers(
    () => bot.url,
    () => connector,
  );
  const dsl = USERS.dslSamplePrimary;
  const card = () => JSON.parse(users.lastSeen(dsl));
  const buttons = (json: { actions?: Array<{ title: string; data: Record<string, unknown> }> }) =>
    (json.actions ?? []).map((action) => [action.title, action.data]);

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'threshold-')),
      ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
      RATE_LIMIT_BURST: '1000',
    });
    bot = await startBot(config, logger);
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it.each(['what level', 'levels', 'Which level?'])('"%s" shows the three domains to tick, and the always-line', async (phrase) => {
    await users.say(dsl, phrase);
    const text = users.lastSeen(dsl);
    expect(text).toContain('Which level of need?');
    for (const input of ['childDevelopment', 'parentingCapacity', 'familyEnvironment']) expect(text).toContain(`"id":"${input}"`);
    expect(text).toContain('"value":"dev-injury-or-disclosure"');
    expect(text).toContain(ALWAYS);
  });

  it('the button on a level answer opens the helper', async () => {
    await users.press(dsl, { verb: 'showAnswer', answerId: 'level-2-early-help' });
    // The answer card's buttons sit in an ActionSet in its body.
    expect(users.lastSeen(dsl)).toContain('"title":"Which level? Tick what you see","data":{"verb":"thresholdHelper"}');
    await users.press(dsl, { verb: 'thresholdHelper' });
    expect(users.lastSeen(dsl)).toContain('Which level of need?');
  });

  it('emerging needs suggest level 2: early help with the family’s agreement, step-up and step-down signals, and the always-line', async () => {
    await users.press(dsl, {
      verb: 'suggestLevel',
      childDevelopment: 'dev-attendance-slipping,dev-healthy-attending',
      parentingCapacity: 'par-routines-hard',
      familyEnvironment: '',
    });
    const text = users.lastSeen(dsl);
    expect(text).toContain('Suggested: Level 2 · Early help (additional needs)');
    expect(text).toContain('Next step: early help, with the family’s agreement');
    expect(text).toContain('Level 1 · Universal: needs met by family and everyday services');
    expect(text).toContain('Step up when');
    expect(text).toContain('Step down when');
    expect(text).toContain(ALWAYS);
    expect(text).toContain('it does not decide');
    expect(buttons(card())).toEqual(
      expect.arrayContaining([
        ['Start an early-help request', { verb: 'startReferral', kind: 'early-help' }],
        ['Start a front door referral', { verb: 'startReferral', kind: 'front-door' }],
        ['About level 2', { verb: 'showAnswer', answerId: 'level-2-early-help' }],
      ]),
    );
  });

  it('a sign of significant harm goes to the front door whatever else is ticked, with no early-help button', async () => {
    await users.press(dsl, {
      verb: 'suggestLevel',
      childDevelopment: 'dev-healthy-attending',
      parentingCapacity: 'par-good-enough-care',
      familyEnvironment: 'fam-stable,fam-domestic-abuse-risk',
    });
    const text = users.lastSeen(dsl);
    expect(text).toContain('Refer to the front door now');
    expect(text).toContain('Suggested: Level 4 · Specialist / statutory');
    expect(text).toContain('Next step: consult or refer to the front door');
    const referralButtons = buttons(card()).filter(([, data]) => (data as { verb: string }).verb === 'startReferral');
    expect(referralButtons).toEqual([['Start a front door referral', { verb: 'startReferral', kind: 'front-door' }]]);
  });

  it('one press starts the referral, carrying nothing that was ticked', async () => {
    const [, data] = buttons(card()).find(([title]) => title === 'Start a front door referral')!;
    expect(Object.keys(data as object).sort()).toEqual(['kind', 'verb']);
    await users.press(dsl, data as object);
    expect(users.lastSeen(dsl)).toContain('First: is the child in immediate danger?');
  });

  it('nothing ticked, or only ids the pack does not know, asks to tick something', async () => {
    for (const value of [{}, { childDevelopment: 'made-up-id', parentingCapacity: 42, familyEnvironment: ['fam-stable'] }]) {
      await users.press(dsl, { verb: 'suggestLevel', ...value });
      expect(users.lastSeen(dsl)).toContain('Tick at least one thing you see about the child');
    }
  });

  it('is kept to the personal chat: in a channel it says where to use it', async () => {
    await postActivity(bot.url, channelMessage({ text: 'what level', serviceUrl: connector.url, user: dsl }));
    expect(JSON.stringify(connector.sent.at(-1)!.activity)).toContain('The threshold helper is for your personal chat with me');
  });

  it('stores nothing and logs only how many were ticked and the level suggested', async () => {
    const logged = lines.filter((line) => line.includes('threshold helper'));
    expect(logged.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/dev-|par-|fam-|domestic abuse|Domestic abuse/);
    expect(JSON.parse(logged.find((line) => line.includes('suggested a level'))!)).toMatchObject({
      ticked: 3,
      suggestedLevel: 2,
      significantHarm: false,
    });
    const tables = await bot.database.sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM referrals');
    expect(Number(tables[0].n)).toBe(0);
    const everything = JSON.stringify(await bot.database.sql.all('SELECT * FROM audit_log'));
    expect(everything).not.toMatch(/dev-|par-|fam-/);
  });
});
