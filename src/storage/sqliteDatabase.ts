import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database';
import type { FeedbackStore } from './feedbackStore';
import { migratedDriver } from './migrations';
import type { SqlDriver } from './sqlDriver';
import { SqliteDriver } from './sqliteDriver';
import { SqliteFeedbackStore } from './sqliteFeedbackStore';

/**
 * SQLite through better-sqlite3. WAL for concurrent reads, synchronous=FULL because a referral must survive
 * a power cut once we have told a DSL it is stored, and a busy timeout so a second process waits, not fails.
 * secure_delete overwrites deleted content, so personal data removed on the retention schedule does not
 * linger in free pages of the file.
 */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  readonly connection: BetterSqlite3.Database;
  readonly feedback: FeedbackStore;
  readonly sql: SqlDriver;

  constructor(filePath: string) {
    mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
    this.connection = new BetterSqlite3(filePath);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = FULL');
    this.connection.pragma('busy_timeout = 5000');
    this.connection.pragma('foreign_keys = ON');
    this.connection.pragma('secure_delete = ON');
    this.feedback = new SqliteFeedbackStore(this.connection);
    this.sql = migratedDriver(new SqliteDriver(this.connection));
  }

  async ping(): Promise<void> {
    this.connection.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.connection.close();
  }
}
