import path from 'node:path';
import type { Database } from './database';
import { PostgresDatabase } from './postgresDatabase';
import { SqliteDatabase } from './sqliteDatabase';

/** PostgreSQL when a connection string is configured, otherwise a SQLite file in the data directory. */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Database {
  if (options.databaseUrl) return new PostgresDatabase(options.databaseUrl);
  return new SqliteDatabase(path.join(options.dataDir, 'safeguarding.db'));
}
