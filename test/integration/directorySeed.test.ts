/**
 * The directory's YAML is seed data. A SQLite deployment from before the directory tables (the YAML store,
 * with admin edits written back to DATA_DIR/directory.yaml) moves that file into the database on its first
 * start after the upgrade; later edits to the file are read only by `npm run directory:import`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DirectoryError } from '../../src/directory/directory';
import { loadConfig, SAMPLE_DIRECTORY } from '../../src/config';
import { parseDirectory } from '../../src/directory/directorySeed';
import { importDirectory } from '../../src/directory/importDirectory';
import { openDirectory } from '../../src/directory/openDirectory';
import { readPeople } from '../../src/storage/directoryRows';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { startBot } from '../../src/startBot';
import { PLAYGROUND_TENANT, USERS } from '../support/activities';
import { memoryLogger } from '../support/memoryLog';
import { ENGINES, openTestDatabase } from '../support/databases';
import { startTestBot } from '../support/runningBot';

const NEW_DSL = '00000000-0000-0000-0000-0000000000031';

/** The council's copy as the old YAML store left it: the sample plus a person an admin added from Teams. */
function councilFileWithAdminEdit(): string {
  const sample = parseDirectory(readFileSync(SAMPLE_DIRECTORY, 'utf8'), 'sample');
  const edited = {
    ...sample,
    people: [...sample.people, { name: 'Sam Newdsl', aadObjectId: NEW_DSL, role: 'deputy-dsl', school: 'sample-secondary' }],
  };
  return `# Edited from Teams by an admin; comments are not kept.\n${YAML.stringify(edited)}`;
}

/** A SQLite file at the schema an older release left: migrations 1 to 4, no directory tables. */
async function olderSqliteDatabase(dataDir: string): Promise<void> {
  const database = new SqliteDatabase(path.join(dataDir, 'safeguarding.db'));
  await database.sql.run('SELECT 1'); // applies every migration
  database.connection.exec('DELETE FROM schema_migrations WHERE id >= 5; DROP TABLE directory_people; DROP TABLE directory_schools');
  await database.close();
}

describe('upgrading a SQLite deployment that kept its directory in YAML', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yaml-upgrade-'));
  const directoryFile = path.join(dataDir, 'directory.yaml');
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    await olderSqliteDatabase(dataDir);
    writeFileSync(directoryFile, councilFileWithAdminEdit());
    bot = await startTestBot({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('the first start moves the council’s file, with its admin edits, into the database', async () => {
    expect(bot.directory.findPerson(NEW_DSL)?.name).toBe('Sam Newdsl');
    const rows = await readPeople(bot.database.sql);
    expect(rows.map((row) => row.aadObjectId)).toContain(NEW_DSL);
    expect(rows).toHaveLength(7);
    const seeded = await bot.database.sql.all<{ actor: string; detail: string }>(
      "SELECT actor, detail FROM audit_log WHERE action = 'directory.seeded'",
    );
    expect(seeded).toEqual([{ actor: 'system:directory-seed', detail: '2 schools, 7 people' }]);
  });

  it('after a restart the database is the directory: a later edit to the file is not read, changes made in Teams are kept', async () => {
    await bot.directory.addPerson({ name: 'Tia Teams', aadObjectId: USERS.notInDirectory, role: 'staff', school: 'sample-primary' });
    await bot.stop();
    writeFileSync(directoryFile, readFileSync(directoryFile, 'utf8').replace('name: Isaiah Langer', 'name: Isaiah Fromfile'));
    const log = memoryLogger();
    bot = await startBot(loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_TENANT_IDS: PLAYGROUND_TENANT }), log.logger);
    expect(bot.directory.findPerson(USERS.frontDoor)?.name).toBe('Isaiah Langer');
    // Editing the file used to change who has access; now it does not, so the operator is told how to apply it.
    expect(log.lines.filter((line) => line.includes('the directory file changed after it was last loaded'))).toHaveLength(1);
    expect(bot.directory.findPerson(USERS.notInDirectory)?.name).toBe('Tia Teams');
    expect(await bot.database.sql.all("SELECT id FROM audit_log WHERE action = 'directory.seeded'")).toHaveLength(1);
  });

  it('`npm run directory:import` replaces the directory from the file, and the running bot sees it on its next refresh', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npx', ['tsx', 'src/cli/importDirectory.ts', directoryFile], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(stdout).toContain('Directory replaced: 2 schools, 7 people (sqlite).');
    await bot.directory.reload();
    expect(bot.directory.findPerson(USERS.frontDoor)?.name).toBe('Isaiah Fromfile');
    expect(bot.directory.findPerson(USERS.notInDirectory)).toBeUndefined(); // not in the file: the import replaces everything
    await bot.stop();
    const log = memoryLogger();
    bot = await startBot(loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_TENANT_IDS: PLAYGROUND_TENANT }), log.logger);
    expect(log.lines.some((line) => line.includes('the directory file changed after it was last loaded'))).toBe(false);
  });
});

describe.each(ENGINES)('importing a directory file, on %s', (engine) => {
  it('a file that breaks the rules changes nothing; a good one replaces everything in one go, with an audit entry', async () => {
    const opened = await openTestDatabase(engine);
    const directory = await openDirectory(loadConfig({ DATA_DIR: opened.dataDir }), opened.database);
    try {
      const before = await readPeople(opened.database.sql);
      const broken = readFileSync(SAMPLE_DIRECTORY, 'utf8').replace('school: sample-secondary', 'school: nowhere-school');
      await expect(importDirectory(opened.database.sql, broken, 'broken.yaml', 1)).rejects.toThrow(DirectoryError);
      expect(await readPeople(opened.database.sql)).toEqual(before);

      expect(await importDirectory(opened.database.sql, councilFileWithAdminEdit(), 'council.yaml', 2)).toEqual({ schools: 2, people: 7 });
      await directory.reload();
      expect(directory.findPerson(NEW_DSL)?.school).toBe('sample-secondary');
      const audit = await opened.database.sql.all<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'directory.imported'");
      expect(audit).toEqual([{ actor: 'system:directory-import' }]);
    } finally {
      directory.stop();
      await opened.close();
    }
  });
});
