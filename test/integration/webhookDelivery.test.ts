import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../support/activities';
import { ENGINES } from '../support/databases';
import { submission } from '../support/referralForms';
import { startReferralReceiver } from '../support/referralReceiver';
import { useBotWithConnector } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const SECRET = 'webhook-test-secret-0123456789abcdef';
const REFERRALS = 20;

/** A bot that sends front door referrals to `url` by webhook, retrying fast so a test can watch it. */
function webhookEnv(url: string, maxAttempts: number) {
  return {
    FRONT_DOOR_ADAPTER: 'webhook',
    FRONT_DOOR_WEBHOOK_URL: url,
    FRONT_DOOR_WEBHOOK_SECRET: SECRET,
    DELIVERY_TIMEOUT_MS: '300',
    DELIVERY_RETRY_BASE_MS: '40',
    DELIVERY_RETRY_MAX_MS: '300',
    DELIVERY_MAX_ATTEMPTS: String(maxAttempts),
    DELIVERY_LEASE_MS: '3000',
    DELIVERY_POLL_MS: '25',
    RATE_LIMIT_BURST: '1000',
  };
}

describe.each(ENGINES)('the webhook adapter through an outage, on %s', (engine) => {
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  beforeAll(async () => {
    receiver = await startReferralReceiver(SECRET);
  });
  afterAll(() => receiver?.close());
  const harness = useBotWithConnector(() => webhookEnv(receiver.url, 200), engine);
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );
  const deliveredCount = async () =>
    Number(
      (await harness.bot.database.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM referrals WHERE delivery_state = 'delivered'"))[0].n,
    );

  it('every referral arrives exactly once after the receiver refuses connections, fails, then times out', async () => {
    await receiver.setMode('refuse-connections');
    for (let i = 0; i < REFERRALS; i++)
      await users.press(USERS.dslSamplePrimary, submission('front-door', `outage-nonce-${String(i).padStart(4, '0')}`));
    // Every DSL still got a reference straight away: stored first, delivered later.
    expect(users.seen(USERS.dslSamplePrimary).filter((text) => /Received: FD-/.test(text))).toHaveLength(REFERRALS);

    await new Promise((resolve) => setTimeout(resolve, 600));
    await receiver.setMode('fail');
    await waitFor('503 answers', () => [...receiver.requestsByKey.values()].reduce((a, b) => a + b, 0) >= REFERRALS);
    await receiver.setMode('hang');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await deliveredCount()).toBe(0);

    await receiver.setMode('accept');
    await waitFor('every referral delivered', async () => (await deliveredCount()) === REFERRALS, 20_000);
    expect(receiver.stored.size).toBe(REFERRALS);
    expect(receiver.badSignatures).toEqual([]);
    // The receiver was asked more than once per referral (at-least-once) and stored each once (the key).
    expect([...receiver.requestsByKey.values()].every((count) => count >= 2)).toBe(true);
    const rows = await harness.bot.database.sql.all<{ reference: string; receiverReference: string }>(
      'SELECT reference, receiver_reference AS "receiverReference" FROM referrals ORDER BY id',
    );
    for (const row of rows) expect(row.receiverReference).toBe(receiver.stored.get(row.reference)!.caseNumber);
  });

  it('nothing is sent again once delivered', async () => {
    const before = [...receiver.requestsByKey.values()].reduce((a, b) => a + b, 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([...receiver.requestsByKey.values()].reduce((a, b) => a + b, 0)).toBe(before);
    const states = await harness.bot.database.sql.all<{ state: string; n: number }>(
      "SELECT state, COUNT(*) AS n FROM outbox WHERE topic = 'deliver-referral' GROUP BY state",
    );
    expect(states.map((row) => [row.state, Number(row.n)])).toEqual([['done', REFERRALS]]);
  });

  it('the DSL sees the receiver’s own reference', async () => {
    const reference = users
      .seen(USERS.dslSamplePrimary)
      .find((text) => text.includes('Received: FD-'))!
      .match(/FD-\d{4}-\d{6}/)![0];
    await users.say(USERS.dslSamplePrimary, `status ${reference}`);
    expect(users.lastSeen(USERS.dslSamplePrimary)).toContain(`via webhook (their reference ${receiver.stored.get(reference)!.caseNumber})`);
  });
});

describe.each(ENGINES)('a referral that cannot be delivered, on %s', (engine) => {
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  beforeAll(async () => {
    receiver = await startReferralReceiver(SECRET);
  });
  afterAll(() => receiver?.close());
  const harness = useBotWithConnector(() => webhookEnv(receiver.url, 3), engine);
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );
  const stateOf = async (reference: string) =>
    (
      await harness.bot.database.sql.all<{ state: string }>('SELECT delivery_state AS state FROM referrals WHERE reference = ?', [
        reference,
      ])
    )[0]?.state;

  beforeAll(async () => {
    for (const user of [USERS.dslSamplePrimary, USERS.frontDoor]) await users.say(user, 'whoami');
  });

  it('after the last attempt it is dead-lettered: the front door sees it, and the referrer is told to phone', async () => {
    await receiver.setMode('fail');
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'dead-nonce-0001'));
    const reference = users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    await waitFor('the dead-letter', async () => (await stateOf(reference)) === 'failed');
    expect(receiver.requestsByKey.get(reference)).toBe(3);
    const warning = await waitFor('the “not delivered” card', () =>
      users.seen(USERS.dslSamplePrimary).find((text) => text.includes(`Not delivered: ${reference}`)),
    );
    expect(warning).toContain('phone the front door now');
    await users.say(USERS.frontDoor, 'inbox');
    expect(users.lastSeen(USERS.frontDoor)).toContain('Not delivered (1)');
    expect(users.lastSeen(USERS.frontDoor)).toContain(reference);
  });

  it('once the receiver is fixed, front door staff retry it and it arrives once', async () => {
    const reference = users
      .seen(USERS.dslSamplePrimary)
      .find((text) => text.includes('Received: FD-'))!
      .match(/FD-\d{4}-\d{6}/)![0];
    await receiver.setMode('accept');
    await users.press(USERS.dslSamplePrimary, { verb: 'retryDelivery', reference });
    expect(users.lastSeen(USERS.dslSamplePrimary)).toContain('I can’t find that referral'); // a DSL cannot retry
    await users.press(USERS.frontDoor, { verb: 'retryDelivery', reference });
    expect(users.lastSeen(USERS.frontDoor)).toContain(`Delivery of ${reference} is being tried again now.`);
    await waitFor('the retried delivery', async () => (await stateOf(reference)) === 'delivered');
    expect(receiver.stored.size).toBe(1);
  });

  it('a receiver that refuses the referral itself (400) is not retried: it goes straight to staff', async () => {
    await receiver.setMode('reject');
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'dead-nonce-0002'));
    const reference = users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    await waitFor('the dead-letter', async () => (await stateOf(reference)) === 'failed');
    expect(receiver.requestsByKey.get(reference)).toBe(1);
    const error = (
      await harness.bot.database.sql.all<{ error: string }>('SELECT delivery_error AS error FROM referrals WHERE reference = ?', [
        reference,
      ])
    )[0].error;
    expect(error).toBe('the receiver answered 400');
  });
});
