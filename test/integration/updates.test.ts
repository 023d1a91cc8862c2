import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/security/hmacSignature';
import { channelActivity, postActivity, teamInstall, teamUninstall, USERS } from '../support/activities';
import { botEnvFor, ENGINES } from '../support/databases';
import { startFakeConnector, type InjectFailure } from '../support/fakeConnector';
import { startTestBot } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const PRIMARY_TEAM = 'team-id'; // Sample Primary's team in config/directory.yaml
const SECONDARY_TEAM = '19:secondary-general@thread.tacv2';

/** The values an early-help officer types into the update form. */
const update = (overrides: Record<string, string> = {}) => ({
  title: 'Solihull Approach parenting course: spring places',
  message: 'Ten weekly sessions for parents of children aged 0 to 18, starting 12 January. Schools can pass this on to families.',
  category: 'course',
  audience: 'all',
  schools: '',
  link: 'https://example.org/solihull-approach',
  expiresOn: '2026-12-31',
  ...overrides,
});

describe.each(ENGINES)('early-help updates to school channels, on %s', (engine) => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let cleanup: () => Promise<void>;
  let inject: InjectFailure = () => undefined;
  const users = teamsUsers(
    () => bot.url,
    () => connector,
  );
  const inChannel = (teamId: string, user: string, content: { text?: string; value?: object }) =>
    postActivity(bot.url, channelActivity({ serviceUrl: connector.url, teamId, user, ...content }));
  const asText = (s: { activity: { text?: string; attachments?: Array<{ content: unknown }> } }) =>
    JSON.stringify(s.activity.attachments?.[0]?.content ?? s.activity.text);
  /** Everything in a channel, its threads included (the bot answers a post in that post's thread, as Teams does). */
  const postsIn = (channelId: string) => connector.sent.filter((s) => s.conversationId.split(';')[0] === channelId).map(asText);
  const lastIn = (channelId: string) => postsIn(channelId).at(-1) ?? '';
  /** Updates are new posts in the channel itself, never replies in someone's thread. */
  const updatePosts = (channelId: string, title: string) =>
    connector.sent
      .filter((s) => s.conversationId === channelId)
      .map(asText)
      .filter((text) => text.includes('Early help · ') && text.includes(title));

  beforeAll(async () => {
    const setup = await botEnvFor(engine);
    cleanup = setup.cleanup;
    bot = await startTestBot({ ...setup.env, DELIVERY_POLL_MS: '25', DELIVERY_RETRY_BASE_MS: '50', RATE_LIMIT_BURST: '1000' });
    connector = await startFakeConnector({ inject: (conversationId) => inject(conversationId) });
    await users.say(USERS.earlyHelp, 'whoami');
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
    await cleanup?.();
  });

  it('when the bot is added to a school’s team, it welcomes the team and offers to link the channel', async () => {
    await postActivity(bot.url, teamInstall({ serviceUrl: connector.url, teamId: PRIMARY_TEAM, teamName: 'Sample Primary School' }));
    expect(postsIn(PRIMARY_TEAM).some((text) => text.includes('What I do not do'))).toBe(true);
    expect(lastIn(PRIMARY_TEAM)).toContain('Link this channel');
    expect(lastIn(PRIMARY_TEAM)).toContain('The directory says this team belongs to Sample Primary School (fictional).');
  });

  it('a DSL of another school cannot link it; the school’s own DSL links it with one press', async () => {
    await inChannel(PRIMARY_TEAM, USERS.dslSampleSecondary, { value: { verb: 'linkChannel' } });
    expect(lastIn(PRIMARY_TEAM)).toContain('Only this school’s DSL or headteacher, or a council admin');
    await inChannel(PRIMARY_TEAM, USERS.dslSamplePrimary, { value: { verb: 'linkChannel' } });
    expect(lastIn(PRIMARY_TEAM)).toContain('Linked to Sample Primary School (fictional). Early-help updates will arrive here.');
  });

  it('an admin links another team’s channel to the school they choose', async () => {
    await postActivity(bot.url, teamInstall({ serviceUrl: connector.url, teamId: SECONDARY_TEAM, teamName: 'Sample Secondary staff' }));
    await inChannel(SECONDARY_TEAM, USERS.admin, { value: { verb: 'linkChannel', schoolId: 'sample-secondary' } });
    expect(lastIn(SECONDARY_TEAM)).toContain('Linked to Sample Secondary Academy (fictional)');
  });

  it('the school mutes reminders in its channel', async () => {
    await inChannel(PRIMARY_TEAM, USERS.dslSamplePrimary, { text: 'subscriptions' });
    expect(lastIn(PRIMARY_TEAM)).toContain('What this channel receives');
    await inChannel(PRIMARY_TEAM, USERS.dslSamplePrimary, {
      value: { verb: 'saveSubscriptions', receive: 'course,service-change,consultation' },
    });
    expect(lastIn(PRIMARY_TEAM)).toContain('Saved.');
    await inChannel(PRIMARY_TEAM, USERS.dslSampleSecondary, { value: { verb: 'saveSubscriptions', receive: '' } });
    expect(lastIn(PRIMARY_TEAM)).toContain('Only this school’s DSL or headteacher');
  });

  it('only early-help staff post updates, from their personal chat', async () => {
    await users.say(USERS.dslSamplePrimary, 'post update');
    expect(users.lastSeen(USERS.dslSamplePrimary)).toContain('for the council’s early-help staff');
    await inChannel(PRIMARY_TEAM, USERS.earlyHelp, { text: 'post update' });
    expect(lastIn(PRIMARY_TEAM)).toContain('type **post update** there');
  });

  it('a refused form comes back with the values kept and each error beside its field', async () => {
    await users.press(USERS.earlyHelp, {
      verb: 'previewUpdate',
      nonce: 'update-nonce-0001',
      ...update({ title: '', link: 'http://not-secure.example' }),
    });
    const card = users.lastSeen(USERS.earlyHelp);
    expect(card).toContain('Give the update a title');
    expect(card).toContain('A link must be a full https:// address');
    expect(card).toContain('"value":"course"');
  });

  it('early-help staff preview an update, send it, and it arrives once in each linked channel', async () => {
    await users.say(USERS.earlyHelp, 'post update');
    expect(users.lastSeen(USERS.earlyHelp)).toContain('Post an early-help update');
    await users.press(USERS.earlyHelp, { verb: 'previewUpdate', nonce: 'update-nonce-0001', ...update() });
    const preview = users.lastSeen(USERS.earlyHelp);
    expect(preview).toContain('Preview: this is what schools will see');
    expect(preview).toContain('2 channels at 2 schools');
    await users.press(USERS.earlyHelp, { verb: 'sendUpdate', nonce: 'update-nonce-0001', ...update() });
    expect(users.lastSeen(USERS.earlyHelp)).toContain('Delivery report: Solihull Approach parenting course');
    await users.press(USERS.earlyHelp, { verb: 'sendUpdate', nonce: 'update-nonce-0001', ...update() }); // a double click
    await waitFor('the final report', () => users.seen(USERS.earlyHelp).some((text) => text.includes('Finished.')));
    for (const channel of [PRIMARY_TEAM, SECONDARY_TEAM])
      expect(updatePosts(channel, 'Solihull Approach parenting course')).toHaveLength(1);
    expect(updatePosts(PRIMARY_TEAM, 'Solihull Approach')[0]).toContain('https://example.org/solihull-approach');
  });

  it('a reminder skips the channel that muted reminders', async () => {
    const reminder = update({ title: 'Reminder: DSL network meeting on Thursday', category: 'reminder', link: '' });
    await users.press(USERS.earlyHelp, { verb: 'previewUpdate', nonce: 'update-nonce-0002', ...reminder });
    expect(users.lastSeen(USERS.earlyHelp)).toContain('1 channel has muted reminder');
    await users.press(USERS.earlyHelp, { verb: 'sendUpdate', nonce: 'update-nonce-0002', ...reminder });
    await waitFor('the reminder in the secondary channel', () => updatePosts(SECONDARY_TEAM, 'DSL network meeting').length === 1);
    expect(updatePosts(PRIMARY_TEAM, 'DSL network meeting')).toHaveLength(0);
  });

  it('a channel Teams says the bot has left (403) is reported as failed, and skipped from then on', async () => {
    inject = (conversationId) => (conversationId === SECONDARY_TEAM ? { status: 403 } : undefined);
    const closure = update({ title: 'Service change: Family Hub opening hours', category: 'service-change', link: '' });
    await users.press(USERS.earlyHelp, { verb: 'sendUpdate', nonce: 'update-nonce-0003', ...closure });
    const report = await waitFor('the final report', () =>
      users.seen(USERS.earlyHelp).find((text) => text.includes('Family Hub opening hours') && text.includes('Finished')),
    );
    expect(report).toContain('Finished, with failures');
    expect(report).toContain('Teams answered 403: the bot is no longer in this conversation');
    inject = () => undefined;
    await users.press(USERS.earlyHelp, { verb: 'previewUpdate', nonce: 'update-nonce-0004', ...update({ title: 'Another course' }) });
    expect(users.lastSeen(USERS.earlyHelp)).toContain('1 channel at 1 school');
  });

  it('once the bot is removed from a team, nothing more is posted there', async () => {
    await postActivity(bot.url, teamUninstall({ serviceUrl: connector.url, teamId: PRIMARY_TEAM }));
    await users.press(USERS.earlyHelp, { verb: 'previewUpdate', nonce: 'update-nonce-0005', ...update({ title: 'After removal' }) });
    expect(users.lastSeen(USERS.earlyHelp)).toContain('No linked channel would receive this update');
  });

  it('a council system posts an update through the signed API, once per event id', async () => {
    await postActivity(bot.url, teamInstall({ serviceUrl: connector.url, teamId: PRIMARY_TEAM, teamName: 'Sample Primary School' })); // the bot is back
    const secret = (await import('node:fs')).readFileSync(`${bot.config.dataDir}/updates-api.secret`, 'utf8').trim();
    const send = (body: object, headers = signedHeaders(secret, JSON.stringify(body))) =>
      fetch(`${bot.url}/api/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const body = {
      eventId: 'council-upd-1',
      title: 'Consultation slots with the early-help team',
      message: 'Book a 30-minute consultation about a family you are worried about.',
      category: 'consultation',
      audience: 'primary',
      expiresOn: '2026-12-31',
      from: 'Solihull early help',
    };
    expect((await send(body, {})).status).toBe(401);
    const bad = await send({ ...body, eventId: 'council-upd-0', category: 'gossip' });
    expect(bad.status).toBe(422);
    const first = await send(body);
    expect(first.status).toBe(202);
    const { updateId, channels } = await first.json();
    expect(channels).toBe(1);
    const again = await send(body);
    expect(await again.json()).toEqual({ status: 'duplicate', updateId });
    await waitFor(
      'the API’s update in the primary channel',
      () => updatePosts(PRIMARY_TEAM, 'Consultation slots with the early-help team').length === 1,
    );
    expect(updatePosts(PRIMARY_TEAM, 'Consultation slots')[0]).toContain('From Solihull early help');
  });
});
