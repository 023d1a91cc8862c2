import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database';
import { migratedDriver } from './migrations';
import { ensurePrivateDirectory, ensurePrivateFile, tightenIfPresent } from './privateFiles';
import type { SqlDriver } from './sqlDriver';
import { SqliteDriver } from './sqliteDriver';

/**
 * SQLite through better-sqlite3. WAL for concurrent reads, synchronous=FULL because a referral must survive
 * a power cut once we have told a DSL it is stored (only the writes their row file marks `waitForDisk: false`
 * skip it: conversation references and permitted reads of referrals), and a busy timeout so a second process
 * waits, not fails.
 * secure_delete overwrites deleted content, so personal data removed on the retention schedule does not
 * linger in free pages of the file.
 */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  readonly connection: BetterSqlite3.Database;
  readonly sql: SqlDriver;

  constructor(filePath: string) {
    // Owner-only before SQLite opens it: its -wal and -shm files take the database file's mode.
    ensurePrivateDirectory(path.dirname(filePath));
    ensurePrivateFile(filePath);
    for (const suffix of ['-wal', '-shm', '-journal']) tightenIfPresent(`${filePath}${suffix}`);
    this.connection = new BetterSqlite3(filePath);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = FULL');
    this.connection.pragma('busy_timeout = 5000');
    this.connection.pragma('foreign_keys = ON');
    this.connection.pragma('secure_delete = ON');
    this.sql = migratedDriver(new SqliteDriver(this.connection));
  }

  async ping(): Promise<void> {
    this.connection.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.connection.close();
  }
}
