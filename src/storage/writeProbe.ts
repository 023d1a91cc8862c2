/**
 * Whether the database takes writes, for /readyz. Answering a SELECT is not enough: on a full disk SQLite
 * still reads, and every referral submitted would fail. The probe writes a row about the size of a stored
 * referral, then deletes it, in one transaction that commits: the insert needs free space (a full SQLite file
 * refuses it with SQLITE_FULL) and the commit goes to the journal (a full disk refuses that), yet nothing is
 * left behind. The row goes in the `leases` table under a name no job uses, so no table is needed for it.
 */
import { randomUUID } from 'node:crypto';
import type { SqlDriver } from './sqlDriver';

/** Larger than a SQLite page, so the probe needs new space the way a referral does. */
const PROBE_BYTES = 8 * 1024;

export async function databaseTakesWrites(sql: SqlDriver): Promise<boolean> {
  const name = `readiness-probe:${randomUUID()}`;
  try {
    await sql.transaction(async (tx) => {
      await tx.run('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)', [name, 'x'.repeat(PROBE_BYTES), 0]);
      await tx.run('DELETE FROM leases WHERE name = ?', [name]);
    });
    return true;
  } catch {
    return false;
  }
}
