/**
 * Opens the directory from wherever this deployment keeps it (PostgreSQL or the YAML file).
 */
import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../logging/logger';
import type { Database } from '../storage/database';
import { PostgresDatabase } from '../storage/postgresDatabase';
import { ensurePrivateDirectory, PRIVATE_FILE_MODE } from '../storage/privateFiles';
import type { Directory } from './directory';
import { PostgresDirectory } from './postgresDirectory';
import { YamlDirectory } from './yamlDirectory';

/** The fictional sample shipped with the project; copied to the data folder on first start. */
export const SAMPLE_DIRECTORY = path.join(PROJECT_ROOT, 'config', 'directory.yaml');

/**
 * With PostgreSQL configured the directory lives in the database (seeded once from the YAML file);
 * otherwise it is the YAML file itself.
 */
export async function openDirectory(directoryPath: string, database: Database, logger?: Logger): Promise<Directory> {
  if (database instanceof PostgresDatabase) {
    const seed = readFileSync(existsSync(directoryPath) ? directoryPath : SAMPLE_DIRECTORY, 'utf8');
    return PostgresDirectory.open(database.pool, seed, { logger });
  }
  return openYamlDirectory(directoryPath, logger);
}

/**
 * Whether the directory has been read from its store. A YAML directory is read before it is returned; one
 * in PostgreSQL may still be waiting for the database, and /readyz says not ready until it has loaded.
 */
export function directoryLoaded(directory: Directory): boolean {
  return directory instanceof PostgresDirectory ? directory.isLoaded() : true;
}

/**
 * Opens the directory file, creating it from the sample the first time, so that admin edits made from
 * Teams change the council's copy under DATA_DIR and never the file committed to the repository.
 */
export function openYamlDirectory(directoryPath: string, logger?: Logger): YamlDirectory {
  if (!existsSync(directoryPath)) {
    ensurePrivateDirectory(path.dirname(directoryPath));
    copyFileSync(SAMPLE_DIRECTORY, directoryPath);
    // The copy takes the sample's mode (0644); the council's copy names its staff, so it is owner-only.
    chmodSync(directoryPath, PRIVATE_FILE_MODE);
  }
  const directory = new YamlDirectory(directoryPath, logger);
  directory.watch();
  return directory;
}
