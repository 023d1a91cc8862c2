import type { Pool, PoolClient } from 'pg';
import type { SqlDriver, SqlExecutor, SqlValue } from './sqlDriver';

/**
 * node-postgres behind the shared SQL interface. Plain statements use the pool; a transaction holds one
 * client from BEGIN to COMMIT, as node-postgres requires.
 */
export class PostgresDriver implements SqlDriver {
  readonly engine = 'postgres' as const;

  constructor(private readonly pool: Pool) {}

  all<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return executorFor(this.pool).all<Row>(sql, params);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return executorFor(this.pool).run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const lost = watchConnection(client);
    try {
      await client.query('BEGIN');
      const result = await work(executorFor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      lost.stopWatching();
      // A client whose connection died is destroyed, not handed to the next caller.
      client.release(lost.error);
    }
  }
}

/**
 * A checked-out client whose connection ends (the server restarted, or an administrator ended the session)
 * emits 'error'. The pool listens only to idle clients, so without a listener here that event would crash
 * the process; the query in progress fails anyway, with the same error, and the caller handles that.
 */
export function watchConnection(client: PoolClient): { error?: Error; stopWatching(): void } {
  const watch: { error?: Error; stopWatching(): void } = { stopWatching: () => client.off('error', onError) };
  function onError(error: Error) {
    watch.error = error;
  }
  client.on('error', onError);
  return watch;
}

function executorFor(client: Pool | PoolClient): SqlExecutor {
  return {
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => (await client.query(numbered(sql), [...params])).rows as Row[],
    run: async (sql: string, params: readonly SqlValue[] = []) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
  };
}

const numberedCache = new Map<string, string>();

/** `?` placeholders become `$1, $2, …`. Our statements never contain a literal question mark. */
function numbered(sql: string): string {
  let converted = numberedCache.get(sql);
  if (converted === undefined) {
    let index = 0;
    converted = sql.replace(/\?/g, () => `$${++index}`);
    numberedCache.set(sql, converted);
  }
  return converted;
}
