/**
 * What the rest of the bot needs from a database, whichever engine is behind it.
 * SQLite is the embedded default; PostgreSQL is used when DATABASE_URL is set.
 */
import type { SqlDriver } from './sqlDriver';

export interface Database {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Referral data (referrals, outbox, audit log, conversation references) and "Did this help?" votes,
   * through the SQL both engines share. Migrations are applied before its first statement runs.
   */
  readonly sql: SqlDriver;
  /** Resolves when the database answers a trivial query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
