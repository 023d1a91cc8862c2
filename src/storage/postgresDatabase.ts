import { Pool } from 'pg';
import type { Database } from './database';

/** PostgreSQL through a node-postgres pool, with finite timeouts so a dead server fails fast instead of hanging a turn. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly pool: Pool;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 10000 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
