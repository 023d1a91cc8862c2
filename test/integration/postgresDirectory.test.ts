import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardSubmit, postActivity, teamsMessage, USERS } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot, TEST_DATABASE_URL } from '../support/runningBot';

describe('the directory in PostgreSQL (DATABASE_URL set)', () => {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL });
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let otherInstance: Awaited<ReturnType<typeof startTestBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    await pool.query('DROP TABLE IF EXISTS directory_people; DROP TABLE IF EXISTS directory_schools');
    bot = await startTestBot({ DATABASE_URL: TEST_DATABASE_URL });
    otherInstance = await startTestBot({ DATABASE_URL: TEST_DATABASE_URL });
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot.stop();
    await otherInstance.stop();
    await connector.close();
    await pool.end();
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
    await say('whoami', USERS.dslSamplePrimary);
    expect(lastReply()).toContain('Sample Primary School (fictional)');
  });

  it('an admin’s change is stored in the database and seen by another instance', async () => {
    await press({ verb: 'directoryAddPerson', personName: 'Pat Postgres', aadObjectId: USERS.notInDirectory, role: 'staff', school: 'sample-primary' }, USERS.admin);
    expect(lastReply()).toContain('Added Pat Postgres.');
    const { rows } = await pool.query('SELECT role, school_id FROM directory_people WHERE aad_object_id = $1', [USERS.notInDirectory]);
    expect(rows).toEqual([{ role: 'staff', school_id: 'sample-primary' }]);
    await otherInstance.directory.reload();
    expect(otherInstance.directory.findPerson(USERS.notInDirectory)?.name).toBe('Pat Postgres');
  });

  it('a rejected form saves nothing', async () => {
    await press({ verb: 'directoryAddPerson', personName: 'No School', aadObjectId: 'abcd-0000', role: 'headteacher', school: '' }, USERS.admin);
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
