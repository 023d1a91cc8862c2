import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIRECTORY } from '../../src/config';
import { readPeople } from '../../src/storage/directoryRows';
import { cardSubmit, postActivity, teamsMessage, USERS } from '../support/activities';
import { useBotWithConnector } from '../support/runningBot';

describe('who is who, through the bot', () => {
  const harness = useBotWithConnector();

  const say = (text: string, user: string) =>
    postActivity(harness.bot.url, teamsMessage({ text, serviceUrl: harness.connector.url, user }));
  const press = (value: object, user: string) =>
    postActivity(harness.bot.url, cardSubmit({ serviceUrl: harness.connector.url, value, user }));
  const lastReply = () => {
    const activity = harness.connector.sent.at(-1)!.activity;
    return activity.text ?? JSON.stringify(activity.attachments?.[0]?.content);
  };

  it('a DSL sees their role and school', async () => {
    await say('whoami', USERS.dslSamplePrimary);
    expect(lastReply()).toContain('Designated safeguarding lead');
    expect(lastReply()).toContain('Sample Primary School (fictional)');
  });

  it('an unknown user can still ask questions, and is told how to get access', async () => {
    await say('what is a lado', USERS.notInDirectory);
    expect(lastReply()).toContain('Allegations against staff');
    await say('whoami', USERS.notInDirectory);
    expect(lastReply()).toContain(`quoting your Microsoft Entra object id: ${USERS.notInDirectory}`);
    await press({ verb: 'makeReferral', answerId: 'neglect' }, USERS.notInDirectory);
    expect(harness.connector.sent.map((s) => s.activity.text ?? '').join('\n')).toContain(
      'referrals and school features need you to be in the directory',
    );
  });

  it('the feedback report is refused to a DSL and shown to an admin', async () => {
    await say('report', USERS.dslSamplePrimary);
    expect(lastReply()).toContain('is for the council’s admin, early-help and front-door staff');
    await say('report', USERS.admin);
    expect(lastReply()).toContain('“Did this help?” report');
  });

  it('a headteacher cannot open or change the directory', async () => {
    const rowsBefore = await readPeople(harness.bot.database.sql);
    await say('directory', USERS.headSamplePrimary);
    expect(lastReply()).toContain('Only the council’s directory admins');
    await press({ verb: 'directoryRemovePerson', aadObjectId: USERS.dslSamplePrimary }, USERS.headSamplePrimary);
    expect(await readPeople(harness.bot.database.sql)).toEqual(rowsBefore);
  });

  it('an admin adds a person, who is recognised at once', async () => {
    await press(
      {
        verb: 'directoryAddPerson',
        personName: 'Sam Newdsl',
        aadObjectId: USERS.notInDirectory,
        role: 'deputy-dsl',
        school: 'sample-secondary',
      },
      USERS.admin,
    );
    expect(lastReply()).toContain('Added Sam Newdsl.');
    await say('whoami', USERS.notInDirectory);
    expect(lastReply()).toContain('Deputy designated safeguarding lead');
    expect((await readPeople(harness.bot.database.sql)).map((person) => person.name)).toContain('Sam Newdsl');
  });

  it('a rejected form comes back with the values kept and each error beside its field', async () => {
    await press({ verb: 'directoryAddPerson', personName: 'Kim Typo', aadObjectId: 'abc-123-def', role: 'dsl', school: '' }, USERS.admin);
    const card = lastReply();
    expect(card).toContain('Nothing was saved');
    expect(card).toContain('school roles (dsl, deputy-dsl, headteacher, staff) need a school');
    expect(card).toContain('"value":"Kim Typo"');
    expect(card).toContain('"value":"abc-123-def"');
  });

  it('a DSL sees who at their own school is registered, but not another school', async () => {
    await say('school', USERS.dslSamplePrimary);
    expect(lastReply()).toContain('Sample Primary School (fictional)');
    expect(lastReply()).toContain('Megan Bowen');
    await say('school sample-primary', USERS.dslSampleSecondary);
    const refusal = lastReply();
    expect(refusal).toContain('I can’t show that school');
    await say('school no-such-school', USERS.dslSampleSecondary);
    expect(lastReply()).toBe(refusal); // another school is refused exactly like one that does not exist
  });

  it('an admin cannot remove a school that still has people', async () => {
    await press({ verb: 'directoryRemoveSchool', schoolId: 'sample-primary' }, USERS.admin);
    expect(lastReply()).toContain('move or remove the school’s people first');
  });

  it('the YAML file is seed data: a later edit to it is not read, an edit to the tables is, and a broken row is ignored', async () => {
    writeFileSync(
      harness.bot.config.directoryPath,
      readFileSync(SAMPLE_DIRECTORY, 'utf8').replace('name: Isaiah Langer', 'name: Isaiah Fromfile'),
    );
    await harness.bot.directory.reload();
    expect(harness.bot.directory.findPerson(USERS.frontDoor)?.name).toBe('Isaiah Langer');
    const sql = harness.bot.database.sql;
    await sql.run('UPDATE directory_people SET name = ? WHERE aad_object_id = ?', ['Isaiah Renamed', USERS.frontDoor]);
    await harness.bot.directory.reload();
    expect(harness.bot.directory.findPerson(USERS.frontDoor)?.name).toBe('Isaiah Renamed');
    await sql.run('UPDATE directory_people SET role = ? WHERE aad_object_id = ?', ['wizard', USERS.frontDoor]);
    await harness.bot.directory.reload();
    expect(harness.bot.directory.findPerson(USERS.frontDoor)?.role).toBe('front-door');
    await sql.run('UPDATE directory_people SET role = ? WHERE aad_object_id = ?', ['front-door', USERS.frontDoor]);
  });
});
