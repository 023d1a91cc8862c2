/**
 * Data files are for the bot's account only. The outside scan found the SQLite database, its -wal and -shm
 * files and the directory copy at 0644. These tests start the real bot under the usual umask (022), make it
 * write every kind of data file, then stat everything under DATA_DIR.
 */
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { startBot } from '../../src/startBot';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { PLAYGROUND_TENANT, USERS } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { submission } from '../support/referralForms';
import { teamsUsers } from '../support/teamsUsers';

/** Every file and folder under `root` (itself included), with its permission bits. */
function modesUnder(root: string): Array<{ path: string; mode: string }> {
  const entries = [{ path: '.', mode: (statSync(root).mode & 0o777).toString(8) }];
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    entries.push({ path: name, mode: (statSync(path.join(root, name)).mode & 0o777).toString(8) });
  }
  return entries;
}
const tooOpen = (entries: Array<{ path: string; mode: string }>, root: string) =>
  entries.filter((entry) => entry.mode !== (statSync(path.join(root, entry.path)).isDirectory() ? '700' : '600'));

describe('data at rest is readable by the bot’s account only', () => {
  const previousUmask = process.umask(0o022); // what most hosts run with
  afterAll(() => void process.umask(previousUmask));

  describe('a bot started on a fresh data folder', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'at-rest-')), 'data', 'safeguarding');
    let bot: Awaited<ReturnType<typeof startBot>>;
    let connector: Awaited<ReturnType<typeof startFakeConnector>>;
    const users = teamsUsers(
      () => bot.url,
      () => connector,
    );

    beforeAll(async () => {
      bot = await startBot(
        loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_TENANT_IDS: PLAYGROUND_TENANT, RATE_LIMIT_BURST: '1000' }),
        createLogger('silent'),
      );
      connector = await startFakeConnector();
    });
    afterAll(async () => {
      await bot?.stop();
      await connector?.close();
    });

    it('the database (with the directory) and its -wal and -shm after an admin edit, the key and the secrets are 0600; folders 0700', async () => {
      await users.say(USERS.dslSamplePrimary, 'whoami');
      await users.press(USERS.dslSamplePrimary, submission('front-door', 'at-rest-nonce-0001'));
      await bot.directory.addPerson({
        name: 'Sam Staff',
        aadObjectId: '00000000-0000-0000-0000-0000000000040',
        role: 'staff',
        school: 'sample-primary',
      });
      const entries = modesUnder(dataDir);
      expect(entries.map((entry) => entry.path)).toEqual(
        expect.arrayContaining([
          '.',
          'safeguarding.db',
          'safeguarding.db-wal',
          'safeguarding.db-shm',
          'referral-encryption.key',
          'outcome-api.secret',
        ]),
      );
      expect(tooOpen(entries, dataDir)).toEqual([]);
    });
  });

  it('files and the folder left world-readable by an older version are tightened when the database opens', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'at-rest-old-'));
    chmodSync(dataDir, 0o755);
    const file = path.join(dataDir, 'safeguarding.db');
    const first = new SqliteDatabase(file);
    await first.sql.run('CREATE TABLE IF NOT EXISTS probe (x INTEGER)');
    await first.close();
    for (const name of ['safeguarding.db', 'safeguarding.db-wal']) {
      writeFileSync(path.join(dataDir, name), '', { flag: 'a' });
      chmodSync(path.join(dataDir, name), 0o644);
    }
    const reopened = new SqliteDatabase(file);
    await reopened.sql.run('INSERT INTO probe (x) VALUES (1)');
    expect(tooOpen(modesUnder(dataDir), dataDir)).toEqual([]);
    await reopened.close();
  });
});
