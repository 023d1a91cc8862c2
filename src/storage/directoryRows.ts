/**
 * The `directory_schools` and `directory_people` tables (migration 5): the schools and the people who use
 * the bot, with their role. Every directory statement is here, the same on SQLite and PostgreSQL. Rows are
 * checked against the directory's zod schema by the reader (directory/sqlDirectory.ts), since they may also
 * be edited in SQL.
 * Entra object ids are stored in lower case, so a lookup never depends on the letter case Teams sends.
 */
import type { SqlDriver, SqlExecutor } from './sqlDriver';

export interface SchoolRow {
  id: string;
  name: string;
  urn: string;
  phase: string;
  teamsTeamId: string | null;
}

export interface PersonRow {
  aadObjectId: string;
  name: string;
  upn: string | null;
  role: string;
  schoolId: string | null;
}

/** What a whole directory is, as rows (a seed, an import). */
export interface DirectoryRows {
  schools: Array<{ id: string; name: string; urn: string; phase: string; teamsTeamId?: string }>;
  people: Array<{ aadObjectId: string; name: string; upn?: string; role: string; school?: string }>;
}

/** Any number works as long as every instance uses the same one (and it differs from the migrations' lock). */
const DIRECTORY_SEED_LOCK = 815_231_008;

export function readSchools(sql: SqlExecutor): Promise<SchoolRow[]> {
  return sql.all<SchoolRow>('SELECT id, name, urn, phase, teams_team_id AS "teamsTeamId" FROM directory_schools ORDER BY id');
}

export function readPeople(sql: SqlExecutor): Promise<PersonRow[]> {
  return sql.all<PersonRow>(
    'SELECT aad_object_id AS "aadObjectId", name, upn, role, school_id AS "schoolId" FROM directory_people ORDER BY name, aad_object_id',
  );
}

/** Schools plus people: zero means the directory has never been seeded (or was emptied on purpose). */
export async function countDirectoryRows(sql: SqlExecutor): Promise<number> {
  const rows = await sql.all<{ n: number | string }>(
    'SELECT (SELECT COUNT(*) FROM directory_schools) + (SELECT COUNT(*) FROM directory_people) AS n',
  );
  return Number(rows[0]?.n ?? 0);
}

export async function upsertSchool(sql: SqlExecutor, school: DirectoryRows['schools'][number]): Promise<void> {
  await sql.run(
    `INSERT INTO directory_schools (id, name, urn, phase, teams_team_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, urn = excluded.urn, phase = excluded.phase, teams_team_id = excluded.teams_team_id`,
    [school.id, school.name, school.urn, school.phase, school.teamsTeamId ?? null],
  );
}

export async function upsertPerson(sql: SqlExecutor, person: DirectoryRows['people'][number]): Promise<void> {
  await sql.run(
    `INSERT INTO directory_people (aad_object_id, name, upn, role, school_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (aad_object_id) DO UPDATE SET name = excluded.name, upn = excluded.upn, role = excluded.role, school_id = excluded.school_id`,
    [person.aadObjectId.toLowerCase(), person.name, person.upn ?? null, person.role, person.school ?? null],
  );
}

/** Resolves to whether someone was removed. */
export async function deletePerson(sql: SqlExecutor, aadObjectId: string): Promise<boolean> {
  return (await sql.run('DELETE FROM directory_people WHERE aad_object_id = ?', [aadObjectId.toLowerCase()])) > 0;
}

/** Removes a school only while nobody belongs to it: the rule holds in the database too, whoever calls. */
export async function deleteEmptySchool(sql: SqlExecutor, id: string): Promise<boolean> {
  const changed = await sql.run(
    'DELETE FROM directory_schools WHERE id = ? AND NOT EXISTS (SELECT 1 FROM directory_people WHERE school_id = ?)',
    [id, id],
  );
  return changed > 0;
}

/** Inserts a whole directory: schools first, since people refer to them. */
export async function insertDirectory(sql: SqlExecutor, directory: DirectoryRows): Promise<void> {
  for (const school of directory.schools) await upsertSchool(sql, school);
  for (const person of directory.people) await upsertPerson(sql, person);
}

/** Empties both tables (people first, for the school reference); only inside a transaction that refills them. */
export async function deleteWholeDirectory(sql: SqlExecutor): Promise<void> {
  await sql.run('DELETE FROM directory_people');
  await sql.run('DELETE FROM directory_schools');
}

/**
 * Takes the seed lock for the rest of the transaction, so instances starting together on an empty
 * PostgreSQL seed once: the second waits, then finds the first one's rows. SQLite's BEGIN IMMEDIATE already
 * holds the only write lock there is.
 */
export async function lockDirectorySeed(driver: Pick<SqlDriver, 'engine'>, tx: SqlExecutor): Promise<void> {
  if (driver.engine === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [DIRECTORY_SEED_LOCK]);
}
