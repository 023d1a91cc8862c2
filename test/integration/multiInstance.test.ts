import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/startBot';
import { memoryLogger } from '../support/memoryLog';
import { PLAYGROUND_TENANT, USERS } from '../support/activities';
import { freshPostgresSchema } from '../support/databases';
import { startFakeConnector } from '../support/fakeConnector';
import { submission } from '../support/referralForms';
import { startReferralReceiver } from '../support/referralReceiver';
import { startTestBot } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const SECRET = 'multi-instance-secret-0123456789abcdef';
const REFERRALS = 30;

describe('three bot instances sharing one PostgreSQL', () => {
  let bots: Array<Awaited<ReturnType<typeof startTestBot>>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let receiver: Awaited<ReturnType<typeof startReferralReceiver>>;
  let drop: () => Promise<void>;
  let databaseUrl: string;

  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    databaseUrl = schema.url;
    receiver = await startReferralReceiver(SECRET);
    receiver.setDelay(20); // deliveries overlap, as they would under load
    const env = {
      DATABASE_URL: schema.url,
      // Instances share one key, as production requires; each would otherwise make its own in its DATA_DIR.
      REFERRAL_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      FRONT_DOOR_ADAPTER: 'webhook',
      FRONT_DOOR_WEBHOOK_URL: receiver.url,
      FRONT_DOOR_WEBHOOK_SECRET: SECRET,
      DELIVERY_POLL_MS: '20',
      RATE_LIMIT_BURST: '1000',
    };
    bots = [await startTestBot(env), await startTestBot(env), await startTestBot(env)];
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await Promise.all((bots ?? []).map((bot) => bot.stop()));
    await connector?.close();
    await receiver?.close();
    await drop?.();
  });

  it('deliver every referral exactly once between them: no request is ever sent twice', async () => {
    // Referrals arrive at whichever instance Teams' load balancer picks.
    await Promise.all(
      Array.from({ length: REFERRALS }, (_, i) =>
        teamsUsers(
          () => bots[i % bots.length].url,
          () => connector,
        ).press(USERS.dslSamplePrimary, submission('front-door', `multi-nonce-${String(i).padStart(4, '0')}`)),
      ),
    );
    await waitFor('every referral delivered', () => receiver.stored.size === REFERRALS, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for any duplicate to show up
    expect([...receiver.requestsByKey.values()]).toEqual(Array(REFERRALS).fill(1));
    const rows = await bots[0].database.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM referrals WHERE delivery_state = 'delivered'");
    expect(Number(rows[0].n)).toBe(REFERRALS);
  });

  it('number their references from one sequence, without gaps or clashes', async () => {
    const rows = await bots[1].database.sql.all<{ reference: string }>('SELECT reference FROM referrals ORDER BY reference');
    expect(rows.map((row) => Number(row.reference.slice(-6)))).toEqual(Array.from({ length: REFERRALS }, (_, i) => i + 1));
  });

  it('an instance started with a different encryption key says so at start-up', async () => {
    const { logger, lines } = memoryLogger();
    const misconfigured = await startBot(
      loadConfig({
        PORT: '0',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'other-key-')),
        ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
        DATABASE_URL: databaseUrl,
      }),
      logger,
    );
    try {
      const warning = await waitFor('the key warning', () =>
        lines.find((line) => line.includes('sealed with encryption keys this instance does not have')),
      );
      expect(JSON.parse(warning).level).toBe(50); // error
    } finally {
      await misconfigured.stop();
    }
  });
});
