import { Pool, types } from 'pg';
import type { Database } from './database';
import { migratedDriver } from './migrations';
import { PostgresDriver } from './postgresDriver';
import type { SqlDriver } from './sqlDriver';

/** PostgreSQL through a node-postgres pool, with finite timeouts so a dead server fails fast instead of hanging a turn. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly pool: Pool;
  readonly sql: SqlDriver;

  constructor(connectionString: string) {
    this.pool = new Pool({
      connectionString,
      max: 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 10000,
      types: { getTypeParser: typeParser },
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    // A client checked out (or just handed back) when its connection is ended by the server (a restart, or an
    // administrator's pg_terminate_backend) emits 'error' too, and the pool listens only while it is idle. The
    // query in flight fails with that error anyway and the pool drops the broken client; this listener, on every
    // client for its whole life, keeps the same event from also crashing the process.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.sql = migratedDriver(new PostgresDriver(this.pool));
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const BIGINT_OID = 20;

/** Timestamps are BIGINT milliseconds; read them as numbers (exact up to the year 287,396) like SQLite does. */
const typeParser = ((oid: number, format?: string) =>
  oid === BIGINT_OID ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser;
