/**
 * Channel takeover, as the outside test found it: a DSL of another school who is a member of a school's team
 * sends `linkChannel` with their own school's id. Card data is whatever the client sends, so these tests
 * craft the presses by hand and check what the database holds afterwards, not only what the card said.
 */
import { describe, expect, it } from 'vitest';
import { findChannel } from '../../src/storage/channelRows';
import { channelActivity, postActivity, teamInstall, USERS } from '../support/activities';
import { ENGINES } from '../support/databases';
import { useBotWithConnector } from '../support/runningBot';

const PRIMARY_TEAM = 'team-id'; // config/directory.yaml gives this team to Sample Primary
const UNASSIGNED_TEAM = '19:federation-general@thread.tacv2'; // a team the directory gives to no school
const REFUSED = 'Only this school’s DSL or headteacher, or a council admin';

describe.each(ENGINES)('a school’s channel is changed only by that school or an admin, on %s', (engine) => {
  const harness = useBotWithConnector({ RATE_LIMIT_BURST: '1000' }, engine);
  const press = (teamId: string, user: string, value: object) =>
    postActivity(harness.bot.url, channelActivity({ serviceUrl: harness.connector.url, teamId, user, value }));
  const lastIn = (teamId: string) => {
    const last = harness.connector.sent.filter((s) => s.conversationId.split(';')[0] === teamId).at(-1)!.activity;
    return last.text ?? JSON.stringify(last.attachments?.[0]?.content);
  };
  const linkedSchool = async (teamId: string) => (await findChannel(harness.bot.database.sql, teamId))?.schoolId ?? null;
  const refusals = () =>
    harness.bot.database.sql.all<{ actor: string; schoolId: string | null; detail: string }>(
      `SELECT actor, school_id AS "schoolId", detail FROM audit_log WHERE action = 'channel.changed' AND allowed = 0 ORDER BY id`,
    );
  const install = (teamId: string, teamName: string) =>
    postActivity(harness.bot.url, teamInstall({ serviceUrl: harness.connector.url, teamId, teamName }));

  it('another school’s DSL cannot link an unlinked channel of a team the directory gives to a school, even naming their own school', async () => {
    await install(PRIMARY_TEAM, 'Sample Primary School');
    await press(PRIMARY_TEAM, USERS.dslSampleSecondary, { verb: 'linkChannel', schoolId: 'sample-secondary' });
    expect(lastIn(PRIMARY_TEAM)).toContain(REFUSED);
    expect(await linkedSchool(PRIMARY_TEAM)).toBeNull();
    expect((await refusals()).at(-1)).toEqual({
      actor: USERS.dslSampleSecondary,
      schoolId: 'sample-secondary',
      detail: `link ${PRIMARY_TEAM}`,
    });
  });

  it('another school’s DSL cannot move, unlink or mute a linked channel; its own DSL still can change it', async () => {
    await press(PRIMARY_TEAM, USERS.dslSamplePrimary, { verb: 'linkChannel' });
    expect(await linkedSchool(PRIMARY_TEAM)).toBe('sample-primary');
    const before = (await refusals()).length;

    await press(PRIMARY_TEAM, USERS.dslSampleSecondary, { verb: 'linkChannel', schoolId: 'sample-secondary' });
    expect(lastIn(PRIMARY_TEAM)).toContain(REFUSED);
    await press(PRIMARY_TEAM, USERS.dslSampleSecondary, { verb: 'unlinkChannel' });
    expect(lastIn(PRIMARY_TEAM)).toContain(REFUSED);
    await press(PRIMARY_TEAM, USERS.dslSampleSecondary, { verb: 'saveSubscriptions', receive: '' });
    expect(lastIn(PRIMARY_TEAM)).toContain(REFUSED);
    expect(await linkedSchool(PRIMARY_TEAM)).toBe('sample-primary');
    expect((await refusals()).slice(before).map((row) => row.detail)).toEqual([
      `link ${PRIMARY_TEAM}`,
      `unlink ${PRIMARY_TEAM}`,
      `subscriptions ${PRIMARY_TEAM}`,
    ]);

    await press(PRIMARY_TEAM, USERS.dslSamplePrimary, { verb: 'saveSubscriptions', receive: 'course' });
    expect(lastIn(PRIMARY_TEAM)).toContain('Saved.');
  });

  it('the school’s own head cannot hand its team’s channel to another school', async () => {
    await press(PRIMARY_TEAM, USERS.headSamplePrimary, { verb: 'linkChannel', schoolId: 'sample-secondary' });
    expect(lastIn(PRIMARY_TEAM)).toContain(REFUSED);
    expect(await linkedSchool(PRIMARY_TEAM)).toBe('sample-primary');
  });

  it('a council admin can relink a school’s channel to another school, and back', async () => {
    await press(PRIMARY_TEAM, USERS.admin, { verb: 'linkChannel', schoolId: 'sample-secondary' });
    expect(lastIn(PRIMARY_TEAM)).toContain('Linked to Sample Secondary Academy (fictional)');
    expect(await linkedSchool(PRIMARY_TEAM)).toBe('sample-secondary');
    await press(PRIMARY_TEAM, USERS.admin, { verb: 'linkChannel', schoolId: 'sample-primary' });
    expect(await linkedSchool(PRIMARY_TEAM)).toBe('sample-primary');
  });

  it('in a team no school has been given, the first school to link owns the channel; another school cannot take it', async () => {
    await install(UNASSIGNED_TEAM, 'Federation staff');
    await press(UNASSIGNED_TEAM, USERS.dslSampleSecondary, { verb: 'linkChannel' });
    expect(await linkedSchool(UNASSIGNED_TEAM)).toBe('sample-secondary');
    await press(UNASSIGNED_TEAM, USERS.dslSamplePrimary, { verb: 'linkChannel', schoolId: 'sample-primary' });
    expect(lastIn(UNASSIGNED_TEAM)).toContain(REFUSED);
    expect(await linkedSchool(UNASSIGNED_TEAM)).toBe('sample-secondary');
  });
});
