/**
 * `npm run directory:import -- file.yaml`: replaces the directory in the database (DATABASE_URL, or the
 * SQLite file under DATA_DIR) with the file's schools and people, in one transaction, with an audit entry.
 * The bot reads YAML only to seed empty tables; this is how a later edit to a file gets in. Running bots see
 * the new directory within their 30-second refresh.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { DirectoryError } from '../directory/directory';
import { importDirectory } from '../directory/importDirectory';
import { openDatabase } from '../storage/openDatabase';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run directory:import -- path/to/directory.yaml');
    process.exit(2);
  }
  const database = openDatabase(loadConfig(process.env));
  try {
    const counts = await importDirectory(database.sql, readFileSync(file, 'utf8'), path.basename(file), Date.now());
    console.log(`Directory replaced: ${counts.schools} schools, ${counts.people} people (${database.engine}).`);
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    console.error(`${error.message}\nNothing was changed.`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

void main();
