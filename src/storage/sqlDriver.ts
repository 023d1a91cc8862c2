/**
 * The SQL both engines share. Referral data (referrals, outbox, audit log, conversation references) is read
 * and written with the same SQL on SQLite and PostgreSQL, so each table's queries live in one file and the
 * engines differ only in their driver. Statements use `?` placeholders; the PostgreSQL driver numbers them.
 *
 * Timestamps are integers (milliseconds since the epoch) and flags are 0/1 in both engines, so rows read
 * the same whichever engine wrote them.
 */
export type SqlValue = string | number | null;

export interface SqlExecutor {
  /** Rows of a SELECT, or of a statement with RETURNING. */
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /**
   * Runs a statement; resolves to the number of rows it changed. `options.waitForDisk: false` marks a single
   * write whose loss in a power cut tells no one anything false (the row file that owns the table decides);
   * the SQLite driver then skips the fsync for it. Inside a transaction, and on PostgreSQL, it changes nothing.
   */
  run(sql: string, params?: readonly SqlValue[], options?: RunOptions): Promise<number>;
}

export interface RunOptions {
  waitForDisk?: boolean;
}

export interface SqlDriver extends SqlExecutor {
  readonly engine: 'sqlite' | 'postgres';
  /** Runs several statements without parameters (schema changes). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction: everything it does commits together or not at all. Never await network
   * I/O (an HTTP call, a Teams send) inside `work`: on SQLite the transaction holds the database meanwhile.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

export async function firstRow<Row>(sql: SqlExecutor, statement: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
  return (await sql.all<Row>(statement, params))[0];
}
