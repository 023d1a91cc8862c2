/**
 * Replacing the whole directory from a YAML file on purpose (`npm run directory:import -- file.yaml`): for a
 * council that keeps its staff list in a file, or bulk-edits one. The file is checked in full first; then
 * the tables are emptied and refilled in one transaction with one audit entry, so every instance sees the
 * old directory or the new one, never half of each. Running instances pick it up at their next refresh.
 */
import { appendAudit } from '../storage/auditRows';
import { deleteWholeDirectory, insertDirectory, lockDirectorySeed } from '../storage/directoryRows';
import type { SqlDriver } from '../storage/sqlDriver';
import { parseDirectory } from './directorySeed';

export const IMPORT_ACTOR = 'system:directory-import';

/** Throws DirectoryError (naming every problem) and changes nothing if the file breaks the rules. */
export async function importDirectory(
  sql: SqlDriver,
  yaml: string,
  source: string,
  at: number,
): Promise<{ schools: number; people: number }> {
  const directory = parseDirectory(yaml, source);
  const counts = { schools: directory.schools.length, people: directory.people.length };
  await sql.transaction(async (tx) => {
    await lockDirectorySeed(sql, tx); // an instance seeding empty tables at this moment waits, then finds these rows
    await deleteWholeDirectory(tx);
    await insertDirectory(tx, directory);
    await appendAudit(tx, {
      at,
      actor: IMPORT_ACTOR,
      action: 'directory.imported',
      allowed: true,
      detail: `${counts.schools} schools, ${counts.people} people`,
    });
  });
  return counts;
}
