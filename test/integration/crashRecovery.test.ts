import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import type { Database } from '../../src/storage/database';
import { USERS } from '../support/activities';
import { freePort } from '../support/browser';
import { botEnvFor, ENGINES } from '../support/databases';
import { startFakeConnector } from '../support/fakeConnector';
import { submission } from '../support/referralForms';
import { startReferralReceiver } from '../support/referralReceiver';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const ROOT = path.join(__dirname, '..', '..');
const SECRET = 'crash-test-secret-0123456789abcdefgh';

/**
 * The bot as its own process (dist/index.js, as `npm start` runs it), so the test can kill it with SIGKILL,
 * a crash that gives it no chance to finish anything, and start it again on the same database.
 */
async function startBotProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], {
    env: { ...process.env, ...env, BOT_MODE: 'local', PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the bot to be ready', async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.ok, 20_000);
  return { url, child };
}

function crash(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(ENGINES)('a crash during delivery, on %s', (engine) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  let bot: { url: string; child: ChildProcess };
  let database: Database;
  const users = teamsUsers(
    () => bot.url,
    () => connector,
  );
  const deliveredCount = async () =>
    Number((await database.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM referrals WHERE delivery_state = 'delivered'"))[0].n);

  beforeAll(async () => {
    const setup = await botEnvFor(engine);
    cleanup = setup.cleanup;
    receiver = await startReferralReceiver(SECRET);
    connector = await startFakeConnector();
    const dataDir = mkdtempSync(path.join(tmpdir(), `crash-${engine}-`));
    env = {
      ...setup.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      FRONT_DOOR_ADAPTER: 'webhook',
      FRONT_DOOR_WEBHOOK_URL: receiver.url,
      FRONT_DOOR_WEBHOOK_SECRET: SECRET,
      DELIVERY_TIMEOUT_MS: '30000', // a hung receiver is only ever ended by the crash
      DELIVERY_LEASE_MS: '1500', // how soon the restarted bot takes over a job the dead one held
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_POLL_MS: '50',
      RATE_LIMIT_BURST: '100',
    };
    bot = await startBotProcess(env);
    // Read the bot's database from outside, as an administrator would.
    database =
      engine === 'sqlite' ? new SqliteDatabase(path.join(dataDir, 'safeguarding.db')) : new PostgresDatabase(setup.env.DATABASE_URL);
  });
  afterAll(async () => {
    if (bot?.child.exitCode === null) await crash(bot.child);
    await database?.close();
    await connector?.close();
    await receiver?.close();
    await cleanup?.();
  });

  it('killed while the receiver has the referral but has not answered: after restart it arrives once', async () => {
    await receiver.setMode('hang');
    const arrived = new Promise<string>((resolve) => receiver.onRequest(resolve));
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'crash-nonce-0001'));
    const reference = users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    expect(await arrived).toBe(reference);
    await crash(bot.child);

    await receiver.setMode('accept');
    bot = await startBotProcess(env);
    await waitFor('delivery after the restart', async () => (await deliveredCount()) === 1, 15_000);
    expect(receiver.requestsByKey.get(reference)).toBe(2); // sent again after the crash, with the same key
    expect(receiver.stored.size).toBe(1); // and stored once
  });

  it('killed while many are in flight: after restart every referral is there, each stored once', async () => {
    // The receiver answers three, then holds every other request unanswered until the crash.
    let accepted = 0;
    const threeAccepted = new Promise<void>((resolve) =>
      receiver.onAccepted(() => {
        if (++accepted === 3) {
          void receiver.setMode('hang');
          resolve();
        }
      }),
    );
    await receiver.setMode('accept');
    const references: string[] = [];
    for (let i = 0; i < 10; i++) {
      await users.press(USERS.dslSamplePrimary, submission('front-door', `crash-nonce-1${String(i).padStart(3, '0')}`));
      references.push(users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0]);
    }
    await threeAccepted;
    await waitFor('every delivery to have been tried', () => references.every((reference) => receiver.requestsByKey.has(reference)));
    await crash(bot.child); // three acknowledged (recorded or not), seven in flight

    receiver.onAccepted(() => undefined);
    await receiver.setMode('accept');
    bot = await startBotProcess(env);
    await waitFor('every referral delivered after the restart', async () => (await deliveredCount()) === 11, 20_000);
    for (const reference of references) expect(receiver.stored.has(reference)).toBe(true);
    expect(receiver.stored.size).toBe(11);
    expect(receiver.badSignatures).toEqual([]);
    // The crash really interrupted deliveries: some were sent again after the restart, under the same key.
    expect(references.filter((reference) => receiver.requestsByKey.get(reference)! > 1).length).toBeGreaterThan(0);
  });
});
