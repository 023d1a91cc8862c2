import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database';
import type { FeedbackStore } from './feedbackStore';
import { SqliteFeedbackStore } from './sqliteFeedbackStore';

/**
 * SQLite through better-sqlite3. WAL for concurrent reads, synchronous=FULL because a referral must survive
 * a power cut once we have told a DSL it is stored, and a busy timeout so a second process waits, not fails.
 */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  readonly connection: BetterSqlite3.Database;
  readonly feedback: FeedbackStore;

  constructor(filePath: string) {
    mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
    this.connection = new BetterSqlite3(filePath);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = FULL');
    this.connection.pragma('busy_timeout = 5000');
    this.connection.pragma('foreign_keys = ON');
    this.feedback = new SqliteFeedbackStore(this.connection);
  }

  async ping(): Promise<void> {
    this.connection.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.connection.close();
  }
}
