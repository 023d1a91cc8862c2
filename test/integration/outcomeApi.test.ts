import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/security/hmacSignature';
import { USERS } from '../support/activities';
import { ENGINES } from '../support/databases';
import { submission } from '../support/referralForms';
import { PRODUCTION_ENV, startTestBot, useBotWithConnector } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const ROOT = path.join(__dirname, '..', '..');

describe.each(ENGINES)('the outcome API for a council case system, on %s', (engine) => {
  const harness = useBotWithConnector({ FRONT_DOOR_ADAPTER: 'inbox', DELIVERY_POLL_MS: '50', RATE_LIMIT_BURST: '100' }, engine);
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );
  const references: string[] = [];
  let secret: string;

  const post = (
    reference: string,
    body: object | string,
    headers: Record<string, string> = signedHeaders(secret, typeof body === 'string' ? body : JSON.stringify(body)),
  ) =>
    fetch(`${harness.bot.url}/api/referrals/${reference}/outcome`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const outcomeCards = () => users.seen(USERS.dslSamplePrimary).filter((text) => text.includes('Outcome recorded:'));

  beforeAll(async () => {
    secret = readFileSync(path.join(harness.bot.config.dataDir, 'outcome-api.secret'), 'utf8').trim();
    await users.say(USERS.dslSamplePrimary, 'whoami');
    for (const nonce of ['api-nonce-0001', 'api-nonce-0002']) {
      await users.press(USERS.dslSamplePrimary, submission('front-door', nonce));
      references.push(users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0]);
    }
  });

  it('local mode keeps the API secret and the encryption key in DATA_DIR, readable by their owner only', () => {
    expect(secret.length).toBeGreaterThanOrEqual(40);
    for (const file of ['outcome-api.secret', 'referral-encryption.key'])
      expect(statSync(path.join(harness.bot.config.dataDir, file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a request that is unsigned, signed with the wrong secret, altered, or too old', async () => {
    const event = { eventId: 'evt-bad', outcome: 'advice-nfa', note: 'Advice given to the school.' };
    expect((await post(references[0], event, {})).status).toBe(401);
    expect((await post(references[0], event, signedHeaders('not-the-secret-not-the-secret-not', JSON.stringify(event)))).status).toBe(401);
    expect(
      (await post(references[0], { ...event, outcome: 'strategy-discussion' }, signedHeaders(secret, JSON.stringify(event)))).status,
    ).toBe(401);
    const old = await post(references[0], event, signedHeaders(secret, JSON.stringify(event), Date.now() - 6 * 60_000));
    expect(old.status).toBe(401);
    expect((await old.json()).error).toContain('more than 5 minutes');
    expect(
      (
        await harness.bot.referrals.deps.sql.all<{ outcomeCode: string | null }>(
          'SELECT outcome_code AS "outcomeCode" FROM referrals WHERE reference = ?',
          [references[0]],
        )
      )[0].outcomeCode,
    ).toBeNull();
  });

  it('records a signed outcome, and the DSL is told in Teams', async () => {
    const response = await post(references[0], {
      eventId: 'evt-1',
      outcome: 'child-and-family-assessment',
      note: 'A social worker will contact the school this week.',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'recorded', reference: references[0] });
    const card = await waitFor('the outcome card', () => outcomeCards()[0]);
    expect(card).toContain('Child and family assessment (section 17)');
    expect(card).toContain('A social worker will contact the school this week.');
  });

  it('accepts each event id once: a retried or replayed event changes nothing and tells nobody again', async () => {
    const replay = await post(references[0], {
      eventId: 'evt-1',
      outcome: 'child-and-family-assessment',
      note: 'A social worker will contact the school this week.',
    });
    expect(replay.status).toBe(200);
    expect((await replay.json()).status).toBe('duplicate');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outcomeCards()).toHaveLength(1);
  });

  it('refuses a second outcome, an unknown outcome, and an unknown referral', async () => {
    const second = await post(references[0], { eventId: 'evt-2', outcome: 'advice-nfa', note: 'Trying to replace the decision.' });
    expect(second.status).toBe(409);
    const unknownOutcome = await post(references[1], { eventId: 'evt-3', outcome: 'sent-to-the-moon', note: 'Not a real outcome at all.' });
    expect(unknownOutcome.status).toBe(422);
    expect(JSON.stringify(await unknownOutcome.json())).toContain('strategy-discussion');
    expect((await post('FD-2026-999999', { eventId: 'evt-4', outcome: 'advice-nfa', note: 'No such referral.' })).status).toBe(404);
    expect((await post(references[1], 'not json')).status).toBe(400);
  });

  it('an event id refused because the outcome was already recorded is not used up', async () => {
    const retried = await post(references[1], { eventId: 'evt-2', outcome: 'advice-nfa', note: 'Advice given; the school will monitor.' });
    expect(retried.status).toBe(200);
    expect((await retried.json()).status).toBe('recorded');
  });

  it('an outcome note loses bidi controls and invisible characters before it is stored and shown', async () => {
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'api-nonce-0004'));
    const reference = users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    // An outcome is taken only on a delivered referral: wait for the inbox delivery first.
    await waitFor(
      'the delivery',
      async () =>
        (
          await harness.bot.referrals.deps.sql.all<{ at: unknown }>('SELECT delivered_at AS "at" FROM referrals WHERE reference = ?', [
            reference,
          ])
        )[0]?.at ?? undefined,
    );
    const response = await post(reference, {
      eventId: 'evt-bidi',
      outcome: 'advice-nfa',
      note: 'Advice given \u202Eeno\u202C to the school\u200B.',
    });
    expect(response.status).toBe(200);
    const card = await waitFor('the outcome card', () => outcomeCards().find((text) => text.includes(reference)));
    expect(card).toContain('Advice given eno to the school.');
    expect(card).not.toMatch(/[\u202A-\u202E\u200B]/);
    const { deps } = harness.bot.referrals;
    const [row] = await deps.sql.all<{ note: string; key: string }>(
      'SELECT outcome_note_sealed AS "note", submission_key AS "key" FROM referrals WHERE reference = ?',
      [reference],
    );
    expect(deps.cipher.open(row.note, `${row.key}:outcome`)).toBe('Advice given eno to the school.');
  });

  it('the README’s shell example works as written', async () => {
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'api-nonce-0003'));
    const reference = users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    // Asynchronously: the bot answering the script's curl runs in this very process.
    const run = await promisify(execFile)(
      'bash',
      [
        path.join(ROOT, 'docs', 'examples', 'post-outcome.sh'),
        reference,
        'strategy-discussion',
        'Strategy discussion held with police and health.',
      ],
      {
        env: { PATH: process.env.PATH, BOT_URL: harness.bot.url, DATA_DIR: harness.bot.config.dataDir },
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ status: 'recorded', reference });
  });
});

describe('the outcome API in production', () => {
  it('answers 503 until a secret is configured, rather than accepting anything', async () => {
    const bot = await startTestBot(PRODUCTION_ENV);
    try {
      const body = JSON.stringify({ eventId: 'e', outcome: 'advice-nfa', note: 'x' });
      const response = await fetch(`${bot.url}/api/referrals/FD-2026-000001/outcome`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders('anything-anything-anything-anything', body) },
        body,
      });
      expect(response.status).toBe(503);
      expect((await response.json()).error).toContain('OUTCOME_API_SECRET');
    } finally {
      await bot.stop();
    }
  });
});
