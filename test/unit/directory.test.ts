import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPersonToDirectory, addSchoolToDirectory } from '../../src/directory/changeDirectory';
import { DirectoryError } from '../../src/directory/directory';
import { SAMPLE_DIRECTORY } from '../../src/config';
import { parseDirectory } from '../../src/directory/directorySeed';
import { openDirectory } from '../../src/directory/openDirectory';
import type { Person } from '../../src/directory/schema';
import type { SqlDirectory } from '../../src/directory/sqlDirectory';
import { readPeople, readSchools } from '../../src/storage/directoryRows';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { USERS } from '../support/activities';

describe('the directory YAML (seed data)', () => {
  it('accepts the sample', () => {
    const sample = parseDirectory(readFileSync(SAMPLE_DIRECTORY, 'utf8'), 'sample');
    expect(sample.people.length).toBeGreaterThan(0);
  });

  it('rejects a person whose school is not in the file, naming where', () => {
    const broken = readFileSync(SAMPLE_DIRECTORY, 'utf8').replace('school: sample-secondary', 'school: nowhere-school');
    expect(() => parseDirectory(broken, 'directory.yaml')).toThrow(DirectoryError);
    expect(() => parseDirectory(broken, 'directory.yaml')).toThrow(
      'directory.yaml: people.5.school: "nowhere-school" is not a school in this file',
    );
  });

  it('rejects a school role without a school', () => {
    const noSchool = readFileSync(SAMPLE_DIRECTORY, 'utf8').replace('    role: dsl\n    school: sample-primary', '    role: dsl');
    expect(() => parseDirectory(noSchool, 'd')).toThrow(
      'people.0.school: school roles (dsl, deputy-dsl, headteacher, staff) need a school',
    );
  });
});

describe('the directory in SQLite, seeded from the sample', () => {
  let database: SqliteDatabase;
  let directory: SqlDirectory;
  let clock = 1_000;
  const deps = () => ({ directory, sql: database.sql, now: () => clock++ });
  const admin = () => directory.findPerson(USERS.admin)!;

  beforeEach(async () => {
    database = new SqliteDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dir-')), 'safeguarding.db'));
    directory = await openDirectory(
      { directoryPath: path.join(tmpdir(), 'no-council-file-here.yaml'), sampleDirectoryPath: SAMPLE_DIRECTORY },
      database,
    );
  });
  afterEach(async () => {
    directory.stop();
    await database.close();
  });

  it('recognises people by Entra object id, whatever the case', () => {
    expect(directory.findPerson(USERS.admin.toUpperCase())?.role).toBe('admin');
    expect(directory.findPerson('unknown')).toBeUndefined();
    expect(directory.findPerson(undefined)).toBeUndefined();
  });

  it('an admin adds a school and then a person in it, written to the tables', async () => {
    expect(
      await addSchoolToDirectory(deps(), admin(), { schoolId: 'oak-primary', schoolName: 'Oak Primary', urn: '123456', phase: 'primary' }),
    ).toEqual({
      status: 'saved',
      message: 'Added Oak Primary.',
    });
    const result = await addPersonToDirectory(deps(), admin(), {
      personName: 'Ola Oak',
      aadObjectId: 'AAAA-1111',
      role: 'dsl',
      school: 'oak-primary',
    });
    expect(result.status).toBe('saved');
    expect((await readSchools(database.sql)).map((s) => s.id)).toContain('oak-primary');
    expect((await readPeople(database.sql)).find((p) => p.aadObjectId === 'aaaa-1111')?.schoolId).toBe('oak-primary');
  });

  it('reports every problem against its field and saves nothing', async () => {
    const before = await readSchools(database.sql);
    const result = await addSchoolToDirectory(deps(), admin(), { schoolId: 'Bad Id', schoolName: '', urn: '12', phase: '' });
    expect(result.status).toBe('invalid');
    expect(Object.keys((result as { errors: object }).errors).sort()).toEqual(['phase', 'schoolId', 'schoolName', 'urn']);
    expect(await readSchools(database.sql)).toEqual(before);
  });

  it('a change that would break the directory is refused before anything is written', async () => {
    const orphan: Person = { name: 'Nora Nowhere', aadObjectId: 'bbbb-2222', role: 'dsl', school: 'no-such-school' };
    await expect(directory.addPerson(orphan)).rejects.toThrow(DirectoryError);
    expect((await readPeople(database.sql)).map((p) => p.aadObjectId)).not.toContain('bbbb-2222');
  });
});
