/**
 * An outcome is recorded only on a referral the council received. The inbox card offers "Record outcome"
 * only on referrals delivered to the Teams inbox; the outside test recorded one on a dead-lettered referral
 * with a crafted press. These tests craft the press and the signed API call on referrals that were never
 * delivered (dead-lettered, still being sent) and on one the council's case system received.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/security/hmacSignature';
import { USERS } from '../support/activities';
import { ENGINES } from '../support/databases';
import { submission } from '../support/referralForms';
import { startReferralReceiver } from '../support/referralReceiver';
import { useBotWithConnector } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const SECRET = 'outcome-rules-webhook-secret-0123456789';
const NOTE = 'Strategy discussion held; a social worker will visit today.';

describe.each(ENGINES)('no outcome on a referral that was never delivered, on %s', (engine) => {
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  beforeAll(async () => {
    receiver = await startReferralReceiver(SECRET);
  });
  const harness = useBotWithConnector(
    () => ({
      FRONT_DOOR_ADAPTER: 'webhook',
      FRONT_DOOR_WEBHOOK_URL: receiver.url,
      FRONT_DOOR_WEBHOOK_SECRET: SECRET,
      DELIVERY_TIMEOUT_MS: '20000', // a hanging receiver keeps its referral pending for the whole test
      DELIVERY_POLL_MS: '25',
      RATE_LIMIT_BURST: '1000',
    }),
    engine,
  );
  // Registered after the bot's hooks, so it runs before the bot stops: the hanging delivery ends at once.
  afterAll(() => receiver?.close());
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );
  const referral = { deadLettered: '', pending: '', withCaseSystem: '' };

  const sql = () => harness.bot.database.sql;
  const stateOf = async (reference: string) =>
    (
      await sql().all<{ deliveryState: string; outcomeCode: string | null }>(
        'SELECT delivery_state AS "deliveryState", outcome_code AS "outcomeCode" FROM referrals WHERE reference = ?',
        [reference],
      )
    )[0];
  const refusals = (reference: string) =>
    sql().all<{ actor: string; detail: string | null }>(
      `SELECT actor, detail FROM audit_log WHERE action = 'outcome.recorded' AND allowed = 0 AND reference = ? ORDER BY id`,
      [reference],
    );
  const submit = async (nonce: string) => {
    await users.press(USERS.dslSamplePrimary, submission('front-door', nonce));
    return users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
  };
  const pressRecordOutcome = async (reference: string) => {
    await users.press(USERS.frontDoor, { verb: 'recordOutcome', reference, outcome: 'strategy-discussion', note: NOTE });
    return users.lastSeen(USERS.frontDoor);
  };
  const postOutcome = (reference: string, eventId: string) => {
    const secret = readFileSync(path.join(harness.bot.config.dataDir, 'outcome-api.secret'), 'utf8').trim();
    const body = JSON.stringify({ eventId, outcome: 'strategy-discussion', note: NOTE });
    return fetch(`${harness.bot.url}/api/referrals/${reference}/outcome`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(secret, body) },
      body,
    });
  };

  beforeAll(async () => {
    for (const user of [USERS.dslSamplePrimary, USERS.frontDoor]) await users.say(user, 'whoami');
    await receiver.setMode('reject'); // "400: this referral is wrong": dead-lettered at once
    referral.deadLettered = await submit('rules-nonce-0001');
    await waitFor('the dead letter', async () => (await stateOf(referral.deadLettered))?.deliveryState === 'failed');
    await receiver.setMode('hang');
    referral.pending = await submit('rules-nonce-0002');
    await waitFor('the delivery attempt', () => receiver.requestsByKey.has(referral.pending));
  });

  it('a crafted Record outcome on a dead-lettered or pending referral is refused in words, audited, and records nothing', async () => {
    for (const reference of [referral.deadLettered, referral.pending]) {
      expect(await pressRecordOutcome(reference)).toContain(`${reference} has not been delivered, so no outcome can be recorded`);
      expect((await stateOf(reference)).outcomeCode).toBeNull();
      expect(await refusals(reference)).toContainEqual({ actor: USERS.frontDoor, detail: 'not-delivered' });
    }
    expect((await stateOf(referral.pending)).deliveryState).toBe('pending');
  });

  it('the signed outcome API refuses them too (409), audited, and the event id is not used up', async () => {
    for (const reference of [referral.deadLettered, referral.pending]) {
      const response = await postOutcome(reference, `evt-${reference}`);
      expect(response.status).toBe(409);
      expect((await response.json()).error).toBe('This referral has not been delivered, so no outcome can be recorded yet.');
      expect((await stateOf(reference)).outcomeCode).toBeNull();
      expect(await refusals(reference)).toContainEqual({ actor: 'system:outcome-api', detail: 'not-delivered' });
      expect(await sql().all('SELECT event_id FROM inbound_events WHERE event_id = ?', [`evt-${reference}`])).toEqual([]);
    }
  });

  it('a referral delivered to the council’s case system is decided there: staff in Teams are refused, the API records it', async () => {
    await receiver.setMode('accept');
    referral.withCaseSystem = await submit('rules-nonce-0003');
    await waitFor('the webhook delivery', async () => (await stateOf(referral.withCaseSystem))?.deliveryState === 'delivered');
    expect(await pressRecordOutcome(referral.withCaseSystem)).toContain('went to the council’s case system: record its outcome there');
    expect((await stateOf(referral.withCaseSystem)).outcomeCode).toBeNull();
    expect((await postOutcome(referral.withCaseSystem, 'evt-case-system')).status).toBe(200);
    expect((await stateOf(referral.withCaseSystem)).outcomeCode).toBe('strategy-discussion');
  });
});
