/**
 * Several instances on one PostgreSQL (issue 16): starting together on an empty database, limits that hold
 * for the tenant however many instances run, connections killed mid-submit, and failures that show. Each
 * block uses its own schema and real instances (startBot) behind a fake Teams connector.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { recordOutcomeFromSystem } from '../../src/referrals/recordOutcome';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { startBot, type RunningBot } from '../../src/startBot';
import { PLAYGROUND_TENANT, USERS } from '../support/activities';
import { freshPostgresSchema, TEST_DATABASE_URL } from '../support/databases';
import { startFakeConnector } from '../support/fakeConnector';
import { memoryLogger } from '../support/memoryLog';
import { submission } from '../support/referralForms';
import { startReferralReceiver } from '../support/referralReceiver';
import { startTestBot } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';
import { busiestSecond } from '../bench/busiestSecond';

const SECRET = 'scale-out-test-secret-0123456789abcdef';
const SHARED_KEY = Buffer.alloc(32, 11).toString('base64');
const REFERENCE = /FD-\d{4}-\d{6}/;

const isReady = async (bot: RunningBot) => (await fetch(`${bot.url}/readyz`)).status === 200;

/** Settings every instance of one deployment shares: the database, the key, and a webhook receiver. */
function sharedEnv(databaseUrl: string, receiverUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REFERRAL_ENCRYPTION_KEY: SHARED_KEY,
    FRONT_DOOR_ADAPTER: 'webhook',
    FRONT_DOOR_WEBHOOK_URL: receiverUrl,
    FRONT_DOOR_WEBHOOK_SECRET: SECRET,
    DELIVERY_POLL_MS: '50',
    DELIVERY_RETRY_BASE_MS: '50',
    DELIVERY_RETRY_MAX_MS: '300',
    RATE_LIMIT_BURST: '1000',
    ...extra,
  };
}

describe('instances started at the same moment on an empty PostgreSQL', () => {
  it('ten cold starts of two or three instances: every one is ready and knows the directory within 5 s', { timeout: 240_000 }, async () => {
    for (let round = 0; round < 10; round++) {
      const schema = await freshPostgresSchema();
      const started = Date.now();
      const bots = await Promise.all(
        Array.from({ length: 2 + (round % 2) }, () => startTestBot({ DATABASE_URL: schema.url, LOG_LEVEL: 'silent' })),
      );
      try {
        for (const bot of bots) {
          await waitFor(
            `round ${round}: an instance ready and knowing the DSL`,
            async () => bot.directory.findPerson(USERS.dslSamplePrimary) && (await isReady(bot)),
            Math.max(0, 5000 - (Date.now() - started)),
          );
        }
        expect(Date.now() - started).toBeLessThanOrEqual(5000);
        const pool = new Pool({ connectionString: schema.url });
        const { rows } = await pool.query('SELECT COUNT(*)::int AS n FROM directory_people');
        await pool.end();
        expect(rows[0].n).toBe(6); // seeded once
      } finally {
        await Promise.all(bots.map((bot) => bot.stop()));
        await schema.drop();
      }
    }
  });

  it('a directory that cannot be loaded is tried again within seconds, and /readyz says not ready meanwhile', async () => {
    const schema = await freshPostgresSchema();
    const admin = new Pool({ connectionString: schema.url });
    // A table of the wrong shape makes seeding fail, as a database that answers but is not usable yet would.
    // (The migration keeps an existing directory_schools, as it keeps an older release's.)
    await admin.query('CREATE TABLE directory_schools (id TEXT PRIMARY KEY)');
    const bot = await startTestBot({ DATABASE_URL: schema.url });
    try {
      const notReady = await fetch(`${bot.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect((await notReady.json()).checks.directory).toBe(false);
      await admin.query(
        'ALTER TABLE directory_schools ADD COLUMN name TEXT NOT NULL, ADD COLUMN urn TEXT NOT NULL, ADD COLUMN phase TEXT NOT NULL, ADD COLUMN teams_team_id TEXT',
      );
      const fixedAt = Date.now();
      await waitFor('the directory loaded', () => bot.directory.findPerson(USERS.dslSamplePrimary), 5000);
      expect(Date.now() - fixedAt).toBeLessThan(5000); // not the 30-second refresh
      expect(await isReady(bot)).toBe(true);
    } finally {
      await bot.stop();
      await admin.end();
      await schema.drop();
    }
  });
});

describe('two instances behind one load balancer', () => {
  let bots: RunningBot[];
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  let drop: () => Promise<void>;
  let turn = 0;
  /** Each activity goes to the other instance than the last, as a load balancer may send them. */
  const users = teamsUsers(
    () => bots[turn++ % bots.length].url,
    () => connector,
  );

  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    receiver = await startReferralReceiver(SECRET);
    connector = await startFakeConnector();
    const env = sharedEnv(schema.url, receiver.url);
    bots = await Promise.all([startTestBot(env), startTestBot(env)]);
  });
  afterAll(async () => {
    await Promise.all((bots ?? []).map((bot) => bot.stop()));
    await connector?.close();
    await receiver?.close();
    await drop?.();
  });

  it('a referral made across both instances needs nothing kept in either one’s memory', async () => {
    await users.say(USERS.dslSamplePrimary, 'refer mash');
    expect(users.lastSeen(USERS.dslSamplePrimary)).toContain('immediate danger');
    await users.press(USERS.dslSamplePrimary, { verb: 'immediateDanger', answer: 'no' });
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'two-instance-nonce-0001'));
    expect(users.lastSeen(USERS.dslSamplePrimary)).toMatch(/Received: FD-/);
  });

  it('outcome cards from both instances into one chat: never more than 7 in any second, each sent once', async () => {
    const cards = 14;
    const references: string[] = [];
    for (let i = 0; i < cards; i++) {
      await users.press(USERS.dslSamplePrimary, submission('front-door', `two-instance-nonce-1${String(i).padStart(3, '0')}`));
      references.push(users.lastSeen(USERS.dslSamplePrimary).match(REFERENCE)![0]);
    }
    expect(new Set(references).size).toBe(cards);
    await waitFor('every referral delivered', () => references.every((reference) => receiver.stored.has(reference)));
    const chat = users.chatOf(USERS.dslSamplePrimary);
    const before = connector.requests.filter((r) => r.conversationId === chat).length;
    await Promise.all(
      references.map((reference, i) =>
        recordOutcomeFromSystem(bots[i % 2].referrals.deps, reference, {
          code: 'advice-nfa',
          note: 'Advice given to the school by phone.',
          eventId: `scale-${reference}`,
        }),
      ),
    );
    await waitFor(
      'every outcome card',
      () => users.seen(USERS.dslSamplePrimary).filter((text) => text.includes('Outcome')).length >= cards,
      15_000,
    );
    const arrivals = connector.requests
      .filter((r) => r.conversationId === chat)
      .slice(before)
      .map((r) => r.at);
    expect(arrivals).toHaveLength(cards);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(7);
  });
});

describe('a person’s message rate limit with two instances', () => {
  let bots: RunningBot[];
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let drop: () => Promise<void>;
  let turn = 0;
  const users = teamsUsers(
    () => bots[turn++ % bots.length].url,
    () => connector,
  );

  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    connector = await startFakeConnector();
    const env = { DATABASE_URL: schema.url, RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.01' };
    bots = await Promise.all([startTestBot(env), startTestBot(env)]);
  });
  afterAll(async () => {
    await Promise.all((bots ?? []).map((bot) => bot.stop()));
    await connector?.close();
    await drop?.();
  });

  it('holds across the instances, not per instance', async () => {
    for (let i = 0; i < 6; i++) await users.say(USERS.earlyHelp, 'whoami');
    const replies = users.seen(USERS.earlyHelp);
    expect(replies.filter((text) => text.includes('faster than I can answer'))).toHaveLength(1);
    expect(replies).toHaveLength(4); // three answers, then one warning; the rest refused quietly
  });
});

describe('PostgreSQL connections killed in the middle of submits', () => {
  const applicationName = `scale_kill_${randomBytes(4).toString('hex')}`;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let bot: RunningBot;
  let env: Record<string, string>;
  const users = teamsUsers(
    () => bot.url,
    () => connector,
  );
  const admin = new Pool({ connectionString: TEST_DATABASE_URL });

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    receiver = await startReferralReceiver(SECRET);
    connector = await startFakeConnector();
    env = sharedEnv(`${schema.url}&application_name=${applicationName}`, receiver.url);
    bot = await startTestBot(env);
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
    await receiver?.close();
    await admin.end();
    await schema?.drop();
  });

  /** Ends every connection this test's bot holds, and only those (other tests share the server). */
  const killConnections = () =>
    admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()',
      [applicationName],
    );

  it('a connection killed inside a transaction fails that transaction only: no crash, and the next one works', async () => {
    const database = new PostgresDatabase(`${schema.url}&application_name=${applicationName}`);
    try {
      await database.sql.run('DELETE FROM leases WHERE name = ?', ['nothing']); // migrated and connected
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      let inside!: () => void;
      const entered = new Promise<void>((resolve) => (inside = resolve));
      const transaction = database.sql.transaction(async (tx) => {
        await tx.run('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)', ['killed-mid-way', 'test', 0]);
        inside();
        await held;
        await tx.run('DELETE FROM leases WHERE name = ?', ['killed-mid-way']);
      });
      await entered;
      await killConnections();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the connection's end reaches the client
      holding();
      await expect(transaction).rejects.toThrow(/connection|terminat/i);
      expect(await database.sql.all('SELECT name FROM leases WHERE name = ?', ['killed-mid-way'])).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('nothing acknowledged is lost, and the bot recovers by itself, before and after a restart', { timeout: 60_000 }, async () => {
    const presses = Array.from({ length: 20 }, (_, i) =>
      users.press(USERS.dslSamplePrimary, submission('front-door', `kill-nonce-${String(i).padStart(4, '0')}`)),
    );
    await waitFor('the first receipt', () => users.seen(USERS.dslSamplePrimary).some((text) => REFERENCE.test(text)));
    const killed = (await killConnections()).rowCount;
    await Promise.allSettled(presses);
    expect(killed).toBeGreaterThan(0);

    const acknowledged = () =>
      new Set(
        users
          .seen(USERS.dslSamplePrimary)
          .filter((text) => text.includes('Received: FD-'))
          .map((text) => text.match(REFERENCE)![0]),
      );
    const stored = async () =>
      new Set((await admin.query(`SELECT reference FROM ${schemaName(schema.url)}.referrals`)).rows.map((row) => row.reference as string));
    for (const reference of acknowledged()) expect(await stored()).toContain(reference);

    // The same instance carries on: a new submit is stored and answered, and every stored referral delivered.
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'kill-nonce-after'));
    expect(users.lastSeen(USERS.dslSamplePrimary)).toMatch(/Received: FD-/);
    await waitFor('every stored referral delivered', async () => receiver.stored.size === (await stored()).size, 15_000);

    // Restarted on the same database: ready at once, nothing lost, nothing delivered twice.
    await bot.stop();
    bot = await startTestBot(env);
    expect(await isReady(bot)).toBe(true);
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'kill-nonce-restart'));
    expect(users.lastSeen(USERS.dslSamplePrimary)).toMatch(/Received: FD-/);
    for (const reference of acknowledged()) expect(await stored()).toContain(reference);
    await waitFor('the new referral delivered', async () => receiver.stored.size === (await stored()).size, 15_000);
    expect([...receiver.stored.values()].map((r) => r.reference).sort()).toEqual([...(await stored())].sort());
  });
});

describe('deliveries across two instances', () => {
  let bots: RunningBot[];
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  let drop: () => Promise<void>;
  const on = (i: number) =>
    teamsUsers(
      () => bots[i].url,
      () => connector,
    );
  const stateOf = async (reference: string) =>
    (await bots[0].database.sql.all<{ state: string }>('SELECT delivery_state AS state FROM referrals WHERE reference = ?', [reference]))[0]
      ?.state;

  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    receiver = await startReferralReceiver(SECRET);
    connector = await startFakeConnector();
    const env = sharedEnv(schema.url, receiver.url, { DELIVERY_TIMEOUT_MS: '300', DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_LEASE_MS: '3000' });
    bots = await Promise.all([startTestBot(env), startTestBot(env)]);
  });
  afterEach(() => {
    receiver.setDelay(0);
  });
  afterAll(async () => {
    await Promise.all((bots ?? []).map((bot) => bot.stop()));
    await connector?.close();
    await receiver?.close();
    await drop?.();
  });

  it('dead-lettered, then "Retry delivery" pressed on the other instance: delivered once', async () => {
    await receiver.setMode('fail');
    await on(0).press(USERS.dslSamplePrimary, submission('front-door', 'dead-two-0001'));
    const reference = on(0).lastSeen(USERS.dslSamplePrimary).match(REFERENCE)![0];
    await waitFor('the dead-letter', async () => (await stateOf(reference)) === 'failed');
    await receiver.setMode('accept');
    await on(1).press(USERS.frontDoor, { verb: 'retryDelivery', reference });
    expect(on(1).lastSeen(USERS.frontDoor)).toContain(`Delivery of ${reference} is being tried again now.`);
    await waitFor('the retried delivery', async () => (await stateOf(reference)) === 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a second delivery to show up
    expect(receiver.stored.has(reference)).toBe(true);
    expect(receiver.requestsByKey.get(reference)).toBe(4); // three refused, one accepted
  });

  it('a receiver that stores the referral but answers after the timeout gets it again with the same Idempotency-Key', async () => {
    receiver.setDelay(600); // stores at once, answers after the bot's 300 ms timeout
    await on(1).press(USERS.dslSamplePrimary, submission('front-door', 'late-two-0001'));
    const reference = on(1).lastSeen(USERS.dslSamplePrimary).match(REFERENCE)![0];
    await waitFor('a second request for it', () => (receiver.requestsByKey.get(reference) ?? 0) >= 2);
    receiver.setDelay(0);
    await waitFor('delivered', async () => (await stateOf(reference)) === 'delivered');
    // Every request carried the reference as its key, and the receiver stored it once.
    expect([...receiver.requestsByKey.keys()].filter((key) => key === reference)).toHaveLength(1);
    expect([...receiver.stored.values()].filter((r) => r.reference === reference)).toHaveLength(1);
  });
});

describe('failures that show, on SQLite', () => {
  const LONG_REFERRAL = submission('front-door', 'full-disk-0001', {
    concernWhat: 'Bruising seen on both arms during PE, explained differently by the child and by mum. '.repeat(28),
    household: 'Mum, stepdad and a younger sister; grandparents visit most weekends. '.repeat(14),
  });

  it('a full database: the real error is logged, /readyz says 503, and 200 again once there is room', async () => {
    const { logger, lines } = memoryLogger();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'full-disk-'));
    const bot = await startBot(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_TENANT_IDS: PLAYGROUND_TENANT, RATE_LIMIT_BURST: '1000' }),
      logger,
    );
    const connector = await startFakeConnector();
    const users = teamsUsers(
      () => bot.url,
      () => connector,
    );
    const connection = (bot.database as unknown as { connection: import('better-sqlite3').Database }).connection;
    try {
      expect(await isReady(bot)).toBe(true);
      fillUp(connection);
      expect(await isReady(bot)).toBe(false);
      // A long referral, as many are: it needs new pages, which a full database cannot give.
      await users.press(USERS.dslSamplePrimary, LONG_REFERRAL);
      expect(users.lastSeen(USERS.dslSamplePrimary)).toContain('nothing was changed');
      const failure = lines.find((line) => line.includes('turn failed'))!;
      expect(failure).toContain('database or disk is full');
      expect(lines.join('\n')).not.toContain('cannot rollback');

      connection.pragma('max_page_count = 1073741823');
      expect(await isReady(bot)).toBe(true);
      await users.press(USERS.dslSamplePrimary, LONG_REFERRAL);
      expect(users.lastSeen(USERS.dslSamplePrimary)).toMatch(/Received: FD-/);
    } finally {
      await bot.stop();
      await connector.close();
    }
  });

  it('while the database is down the outbox workers back off instead of logging every poll', async () => {
    const { logger, lines } = memoryLogger();
    const bot = await startBot(
      loadConfig({
        PORT: '0',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'db-down-')),
        ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
        DELIVERY_POLL_MS: '50',
      }),
      logger,
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // Three workers polling every 50 ms would log 180 failures in 3 s; backing off, a handful each.
      const failures = lines.filter((line) => line.includes('outbox poll failed'));
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.length).toBeLessThanOrEqual(30);
    } finally {
      await bot.stop();
    }
  });
});

/**
 * Makes the SQLite file "full" the way a full disk does: no page may be added, and the free pages are used
 * up first, so the next write that needs room fails with SQLITE_FULL.
 */
function fillUp(connection: import('better-sqlite3').Database): void {
  connection.pragma(`max_page_count = ${connection.pragma('page_count', { simple: true })}`);
  const insert = connection.prepare('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, 0)');
  let i = 0;
  // Large rows first, then ever smaller ones, until not even a small row fits anywhere.
  for (const size of [2000, 400, 50]) {
    for (;;) {
      try {
        insert.run(`filler-${i++}`, 'x'.repeat(size));
      } catch {
        break;
      }
    }
  }
}

function schemaName(url: string): string {
  return decodeURIComponent(url.split('options=')[1]).replace('-c search_path=', '');
}
