import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { cardSubmit, postActivity, teamsMessage, USERS } from '../support/activities';
import { freshPostgresSchema } from '../support/databases';
import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot } from '../support/runningBot';

describe('the directory in PostgreSQL (DATABASE_URL set)', () => {
  let pool: Pool;
  let drop: () => Promise<void>;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let otherInstance: Awaited<ReturnType<typeof startTestBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    pool = new Pool({ connectionString: schema.url });
    bot = await startTestBot({ DATABASE_URL: schema.url });
    otherInstance = await startTestBot({ DATABASE_URL: schema.url });
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot.stop();
    await otherInstance.stop();
    await connector.close();
    await pool.end();
    await drop();
  });

  const say = (text: string, user: string) => postActivity(bot.url, teamsMessage({ text, serviceUrl: connector.url, user }));
  const press = (value: object, user: string) => postActivity(bot.url, cardSubmit({ serviceUrl: connector.url, value, user }));
  const lastReply = () => {
    const activity = connector.sent.at(-1)!.activity;
    return activity.text ?? JSON.stringify(activity.attachments?.[0]?.content);
  };

  it('is seeded once from the sample and recognises its people', async () => {
    const { rows } = await pool.query('SELECT COUNT(*)::int AS n FROM directory_people');
    expect(rows[0].n).toBe(6);
    const seeded = await pool.query("SELECT actor, detail FROM audit_log WHERE action = 'directory.seeded'");
    expect(seeded.rows).toEqual([{ actor: 'system:directory-seed', detail: '2 schools, 6 people' }]);
    await say('whoami', USERS.dslSamplePrimary);
    expect(lastReply()).toContain('Sample Primary School (fictional)');
  });

  it('an admin’s change is stored in the database and seen by another instance', async () => {
    await press(
      {
        verb: 'directoryAddPerson',
        personName: 'Pat Postgres',
        aadObjectId: USERS.notInDirectory,
        role: 'staff',
        school: 'sample-primary',
      },
      USERS.admin,
    );
    expect(lastReply()).toContain('Added Pat Postgres.');
    const { rows } = await pool.query('SELECT role, school_id FROM directory_people WHERE aad_object_id = $1', [USERS.notInDirectory]);
    expect(rows).toEqual([{ role: 'staff', school_id: 'sample-primary' }]);
    await otherInstance.directory.reload();
    expect(otherInstance.directory.findPerson(USERS.notInDirectory)?.name).toBe('Pat Postgres');
  });

  it('a rejected form saves nothing', async () => {
    await press(
      { verb: 'directoryAddPerson', personName: 'No School', aadObjectId: 'abcd-0000', role: 'headteacher', school: '' },
      USERS.admin,
    );
    expect(lastReply()).toContain('Nothing was saved');
    const { rows } = await pool.query('SELECT COUNT(*)::int AS n FROM directory_people WHERE aad_object_id = $1', ['abcd-0000']);
    expect(rows[0].n).toBe(0);
  });

  it('a school with people cannot be removed', async () => {
    await press({ verb: 'directoryRemoveSchool', schoolId: 'sample-primary' }, USERS.admin);
    expect(lastReply()).toContain('move or remove the school’s people first');
    expect(bot.directory.school('sample-primary')).toBeDefined();
  });

  it('a row edited in SQL that breaks the rules is refused and the last good directory kept', async () => {
    await pool.query("UPDATE directory_people SET role = 'wizard' WHERE aad_object_id = $1", [USERS.frontDoor]);
    await bot.directory.reload();
    expect(bot.directory.findPerson(USERS.frontDoor)?.role).toBe('front-door');
    await pool.query("UPDATE directory_people SET role = 'front-door' WHERE aad_object_id = $1", [USERS.frontDoor]);
  });
});

describe('upgrading a PostgreSQL deployment whose directory the old store made', () => {
  let drop: () => Promise<void>;
  let pool: Pool;
  let bot: Awaited<ReturnType<typeof startTestBot>> | undefined;

  /**
   * The state an older release leaves: migrations 1 to 4 applied, and the directory tables and rows created
   * by directory/postgresDirectory.ts (its exact schema), with an admin's edits that are not in the sample.
   */
  async function olderDeployment(url: string): Promise<void> {
    const migrated = new PostgresDatabase(url);
    await migrated.sql.run('SELECT 1'); // applies every migration
    await migrated.close();
    await pool.query('DELETE FROM schema_migrations WHERE id >= 5');
    await pool.query('DROP TABLE directory_people; DROP TABLE directory_schools');
    await pool.query(`
      CREATE TABLE IF NOT EXISTS directory_schools (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, urn TEXT NOT NULL, phase TEXT NOT NULL, teams_team_id TEXT
      );
      CREATE TABLE IF NOT EXISTS directory_people (
        aad_object_id TEXT PRIMARY KEY, name TEXT NOT NULL, upn TEXT, role TEXT NOT NULL,
        school_id TEXT REFERENCES directory_schools(id)
      );`);
    await pool.query("INSERT INTO directory_schools VALUES ('elm-primary', 'Elm Primary', '654321', 'primary', NULL)");
    await pool.query(
      "INSERT INTO directory_people VALUES ($1, 'Lee Legacy', NULL, 'dsl', 'elm-primary'), ($2, 'Ada Admin', 'ada@example.org', 'admin', NULL)",
      [USERS.dslSamplePrimary, USERS.admin],
    );
  }

  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    pool = new Pool({ connectionString: schema.url });
    await olderDeployment(schema.url);
    bot = await startTestBot({ DATABASE_URL: schema.url });
  });
  afterAll(async () => {
    await bot?.stop();
    await pool.end();
    await drop();
  });

  it('keeps the existing rows: nothing is lost and the sample is not seeded over them', async () => {
    expect(bot!.directory.findPerson(USERS.dslSamplePrimary)).toEqual({
      name: 'Lee Legacy',
      aadObjectId: USERS.dslSamplePrimary,
      role: 'dsl',
      school: 'elm-primary',
    });
    expect(bot!.directory.snapshot().schools.map((school) => school.id)).toEqual(['elm-primary']);
    const { rows } = await pool.query('SELECT COUNT(*)::int AS n FROM directory_people');
    expect(rows[0].n).toBe(2);
    const applied = await pool.query('SELECT id FROM schema_migrations WHERE id = 5');
    expect(applied.rowCount).toBe(1);
  });

  it('the kept tables take changes through the new store', async () => {
    await bot!.directory.addPerson({ name: 'Nia New', aadObjectId: USERS.notInDirectory, role: 'staff', school: 'elm-primary' });
    const { rows } = await pool.query('SELECT name FROM directory_people WHERE aad_object_id = $1', [USERS.notInDirectory]);
    expect(rows).toEqual([{ name: 'Nia New' }]);
  });
});
