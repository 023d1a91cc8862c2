/**
 * What the rest of the bot needs from a database, whichever engine is behind it.
 * SQLite is the embedded default; PostgreSQL is used when DATABASE_URL is set.
 */
export interface Database {
  readonly engine: 'sqlite' | 'postgres';
  /** Resolves when the database answers a trivial query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
