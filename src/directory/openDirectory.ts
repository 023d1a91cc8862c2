/**
 * Opens the directory: in the database on either engine, seeded once from the council's YAML file (or the
 * sample) when its tables are empty.
 */
import type { Logger } from '../logging/logger';
import type { Database } from '../storage/database';
import type { Directory } from './directory';
import { seedFrom, type DirectoryPaths } from './directorySeed';
import { SqlDirectory } from './sqlDirectory';

/**
 * `paths` is the Config (or anything with its two directory paths). On the first start after the upgrade
 * from the YAML store, the council's file (DIRECTORY_PATH), with every admin edit made from Teams, is what
 * fills the tables; it is not read again after that.
 */
export function openDirectory(
  paths: DirectoryPaths,
  database: Pick<Database, 'sql'>,
  logger?: Logger,
  refreshMs?: number,
): Promise<SqlDirectory> {
  return SqlDirectory.open(database.sql, seedFrom(paths), { logger, refreshMs });
}

/** Whether the directory has been read from its store; until then /readyz says not ready. */
export function directoryLoaded(directory: Directory): boolean {
  return directory instanceof SqlDirectory ? directory.isLoaded() : true;
}
