import { Pool } from 'pg';
import type { Database } from './database';
import type { FeedbackStore } from './feedbackStore';
import { PostgresFeedbackStore } from './postgresFeedbackStore';

/** PostgreSQL through a node-postgres pool, with finite timeouts so a dead server fails fast instead of hanging a turn. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly pool: Pool;
  readonly feedback: FeedbackStore;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 10000 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.feedback = new PostgresFeedbackStore(this.pool);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
