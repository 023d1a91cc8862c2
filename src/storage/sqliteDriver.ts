import type BetterSqlite3 from 'better-sqlite3';
import type { RunOptions, SqlDriver, SqlExecutor, SqlValue } from './sqlDriver';

/**
 * better-sqlite3 behind the shared SQL interface. One connection serves the whole process, so a transaction
 * must not let another caller's statements slip in between its own: every call queues behind the previous
 * one, and a transaction holds the queue until it commits. BEGIN IMMEDIATE takes SQLite's write lock at
 * the start, so a second process sharing the file waits (busy_timeout) instead of failing mid-way.
 */
export class SqliteDriver implements SqlDriver {
  readonly engine = 'sqlite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly direct: SqlExecutor = {
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => this.prepare(sql).all(...params) as Row[],
    run: async (sql: string, params: readonly SqlValue[] = []) => this.prepare(sql).run(...params).changes,
  };

  constructor(private readonly connection: BetterSqlite3.Database) {}

  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.inTurn(() => this.direct.all<Row>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[], options?: RunOptions): Promise<number> {
    if (options?.waitForDisk === false)
      return this.inTurn(async () => this.withoutFsync(() => this.prepare(sql).run(...(params ?? [])).changes));
    return this.inTurn(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.inTurn(async () => void this.connection.exec(sql));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      this.connection.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.connection.exec('COMMIT');
        return result;
      } catch (error) {
        this.rollBackWhatIsOpen();
        throw error;
      }
    });
  }

  /**
   * After some errors (SQLITE_FULL, SQLITE_IOERR, …) SQLite has already rolled the transaction back itself;
   * a ROLLBACK then fails with "no transaction is active" and would hide the real error. So roll back only
   * what is still open, and never let the rollback's own failure replace the error that caused it.
   */
  private rollBackWhatIsOpen(): void {
    if (!this.connection.inTransaction) return;
    try {
      this.connection.exec('ROLLBACK');
    } catch {
      // The caller rethrows the error that matters; a failed rollback leaves nothing committed.
    }
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Commits `write` without waiting for the disk (synchronous=NORMAL), then restores the connection's
   * synchronous=FULL. In WAL mode the row is safe from a crash of the process, and the next FULL commit (any
   * referral) or checkpoint syncs it with everything before it; only a power cut in between can lose it.
   */
  private withoutFsync<T>(write: () => T): T {
    this.connection.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.connection.pragma('synchronous = FULL');
    }
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
