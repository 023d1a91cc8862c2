/**
 * The `leases` table: a named job that only one instance should do at a time (posting updates, so that the
 * tenant-wide rate limit holds however many instances run). The holder renews its lease while it works;
 * if it stops renewing (a crash), the lease expires and another instance takes over.
 */
import type { SqlExecutor } from './sqlDriver';

/** Takes or renews the lease; true while `holder` has it. */
export async function holdLease(sql: SqlExecutor, name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
  const changed = await sql.run(
    `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at < ?`,
    [name, holder, now + ttlMs, now],
  );
  return changed === 1;
}

export async function releaseLease(sql: SqlExecutor, name: string, holder: string): Promise<void> {
  await sql.run('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder]);
}
