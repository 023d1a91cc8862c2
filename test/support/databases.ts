import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import type { Database } from '../../src/storage/database';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';

/** The machine's PostgreSQL (trust auth); CI has the same. Override with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * A PostgreSQL URL whose tables live in a new, empty schema, so each test file starts clean on the machine's
 * real PostgreSQL. `drop()` removes the schema and everything in it.
 */
export async function freshPostgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: TEST_DATABASE_URL });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    drop: async () => {
      const pool = new Pool({ connectionString: TEST_DATABASE_URL });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

/** A real, empty database of either engine. */
export async function openTestDatabase(
  engine: Engine,
): Promise<{ database: Database; url?: string; dataDir: string; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `db-${engine}-`));
  if (engine === 'sqlite') {
    const database = new SqliteDatabase(path.join(dataDir, 'safeguarding.db'));
    return { database, dataDir, close: () => database.close() };
  }
  const schema = await freshPostgresSchema();
  const database = new PostgresDatabase(schema.url);
  return {
    database,
    url: schema.url,
    dataDir,
    close: async () => {
      await database.close();
      await schema.drop();
    },
  };
}

/** Bot environment for an engine: nothing extra for SQLite, a fresh schema's URL for PostgreSQL. */
export async function botEnvFor(engine: Engine): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (engine === 'sqlite') return { env: {}, cleanup: async () => undefined };
  const schema = await freshPostgresSchema();
  return { env: { DATABASE_URL: schema.url }, cleanup: schema.drop };
}
