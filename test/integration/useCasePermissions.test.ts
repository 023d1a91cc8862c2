/**
 * Every use case checks its own permission (src/policies/), so no route is the only check: each is called
 * here directly, as a crafted card or a new route could, by someone who may not, and must refuse and write
 * nothing. Each block also shows the same call working for someone who may, so a check that refuses
 * everyone would fail too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralCardContext } from '../../src/cards/referralCards';
import { notificationCards } from '../../src/cards/referralNoticeCards';
import { WorkingCalendar } from '../../src/calendar/workingCalendar';
import { loadConfig, WORKING_DAYS_FILE } from '../../src/config';
import {
  addPersonToDirectory,
  addSchoolToDirectory,
  removePersonFromDirectory,
  removeSchoolFromDirectory,
  showDirectory,
} from '../../src/directory/changeDirectory';
import { openDirectory } from '../../src/directory/openDirectory';
import { schoolPeople } from '../../src/directory/schoolPeople';
import type { SqlDirectory } from '../../src/directory/sqlDirectory';
import { feedbackReport } from '../../src/feedback/feedbackReport';
import { createLogger } from '../../src/logging/logger';
import { listReferrals, openInbox, viewReferral } from '../../src/referrals/readReferrals';
import { recordOutcomeByStaff } from '../../src/referrals/recordOutcome';
import { createReferralRuntime, type ReferralRuntime } from '../../src/referrals/referralRuntime';
import { retryDelivery } from '../../src/referrals/retryDelivery';
import { submitReferral } from '../../src/referrals/submitReferral';
import { rememberChannel } from '../../src/storage/channelRows';
import type { SqlDriver } from '../../src/storage/sqlDriver';
import { linkChannelToSchool, saveSubscriptions, unlinkChannelFromSchool } from '../../src/updates/channelRegistry';
import { NotAllowedToPost, postUpdate } from '../../src/updates/postUpdate';
import type { UpdateDeps } from '../../src/updates/updateDeps';
import type { UpdateDraft } from '../../src/updates/updateForm';
import { readUpdateReport } from '../../src/updates/updateReport';
import { USERS } from '../support/activities';
import { ENGINES, openTestDatabase } from '../support/databases';
import { realKnowledgeBase } from '../support/knowledge';
import { validForm } from '../support/referralForms';

const knowledge = realKnowledgeBase();
const cards: ReferralCardContext = {
  timeZone: 'Europe/London',
  frontDoor: knowledge.contact('front-door')!,
  emergencyContacts: knowledge.emergencyContacts(),
  disclaimer: 'x',
};
const CHANNEL = '19:primary-general@thread.tacv2';
const PRIMARY_TEAM = 'team-id'; // config/directory.yaml gives this team to Sample Primary
const DRAFT: UpdateDraft = {
  title: 'Parenting course',
  message: 'A six-week course for parents, starting in January.',
  category: 'course',
  audience: { type: 'all' },
  expiresOn: '2099-12-31',
};

/** Everything a use case could write, apart from the audit log (refusals are audited). */
const WRITTEN = [
  'referrals',
  'outbox',
  'updates',
  'update_deliveries',
  'channels',
  'directory_schools',
  'directory_people',
  'answer_votes',
  'inbound_events',
];

async function everythingWritten(sql: SqlDriver): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of WRITTEN) tables[table] = await sql.all(`SELECT * FROM ${table} ORDER BY 1`);
  return tables;
}

async function refusedAudits(sql: SqlDriver, action: string): Promise<Array<{ actor: string }>> {
  return sql.all<{ actor: string }>('SELECT actor FROM audit_log WHERE action = ? AND allowed = 0 ORDER BY id', [action]);
}

describe.each(ENGINES)('use cases refuse whoever may not, and write nothing, on %s', (engine) => {
  let close: () => Promise<void>;
  let sql: SqlDriver;
  let directory: SqlDirectory;
  let referrals: ReferralRuntime;
  let updates: UpdateDeps;
  let clock = Date.UTC(2026, 10, 23, 10, 0);
  const person = (id: string) => directory.findPerson(id)!;
  const dsl = () => person(USERS.dslSamplePrimary);
  const head = () => person(USERS.headSamplePrimary);
  const otherDsl = () => person(USERS.dslSampleSecondary);
  const admin = () => person(USERS.admin);
  const earlyHelp = () => person(USERS.earlyHelp);
  const directoryDeps = () => ({ directory, sql, now: () => clock++ });

  /** Runs `attempt` and checks that no table but the audit log changed. */
  async function writesNothing<T>(attempt: () => Promise<T>): Promise<T> {
    const before = await everythingWritten(sql);
    const result = await attempt();
    expect(await everythingWritten(sql)).toEqual(before);
    return result;
  }

  beforeAll(async () => {
    const opened = await openTestDatabase(engine);
    close = opened.close;
    sql = opened.database.sql;
    directory = await openDirectory(loadConfig({ DATA_DIR: opened.dataDir }), opened.database);
    const logger = createLogger('silent');
    referrals = createReferralRuntime({
      config: loadConfig({ DATA_DIR: opened.dataDir }),
      sql,
      directory,
      logger,
      notifier: { sendCard: async () => 'sent' },
      notificationCards: notificationCards(cards),
      now: () => clock,
    });
    updates = { sql, directory, calendar: WorkingCalendar.load(WORKING_DAYS_FILE), logger, now: () => clock, jobsQueued: () => undefined };
    await rememberChannel(sql, { conversationId: CHANNEL, tenantId: 'tenant', teamId: PRIMARY_TEAM, reference: {} }, clock);
  });
  afterAll(async () => {
    directory.stop();
    await close();
  });

  it('posting an update: refused to a DSL and to someone not in the directory; early-help staff post', async () => {
    for (const author of [
      { id: USERS.dslSamplePrimary, name: 'Alex' },
      { id: USERS.notInDirectory, name: 'Jordan' },
    ]) {
      await writesNothing(() => expect(postUpdate(updates, author, DRAFT, `teams:${author.id}:nonce-1`)).rejects.toThrow(NotAllowedToPost));
    }
    const posted = await postUpdate(updates, { id: USERS.earlyHelp, name: 'Adele' }, DRAFT, 'teams:early-help:nonce-1');
    expect(posted.status).toBe('posted');
  });

  it('an update’s report: refused to a DSL, shown to its author', async () => {
    const { update } = await postUpdate(updates, { id: USERS.earlyHelp, name: 'Adele' }, DRAFT, 'teams:early-help:nonce-2');
    expect(await readUpdateReport(updates, dsl(), update.id)).toBeUndefined();
    expect(await readUpdateReport(updates, undefined, update.id)).toBeUndefined();
    expect((await readUpdateReport(updates, earlyHelp(), update.id))?.update.id).toBe(update.id);
  });

  it('the feedback report: refused to a DSL and to someone not in the directory, shown to an admin', async () => {
    expect(await feedbackReport({ sql }, dsl())).toBeUndefined();
    expect(await feedbackReport({ sql }, undefined)).toBeUndefined();
    expect(await feedbackReport({ sql }, admin())).toEqual([]);
  });

  it('a school’s people: refused to another school’s DSL exactly like a school that does not exist', () => {
    expect(schoolPeople({ directory }, otherDsl(), 'sample-primary')).toBeUndefined();
    expect(schoolPeople({ directory }, otherDsl(), 'no-such-school')).toBeUndefined();
    expect(schoolPeople({ directory }, undefined, 'sample-primary')).toBeUndefined();
    expect(schoolPeople({ directory }, dsl())?.people.map((p) => p.name)).toContain('Megan Bowen');
    expect(schoolPeople({ directory }, admin(), 'sample-secondary')?.school.id).toBe('sample-secondary');
  });

  it('directory changes: a headteacher is refused each one, nothing is written, and each refusal is audited', async () => {
    expect(showDirectory({ directory }, head())).toBeUndefined();
    const form = { personName: 'Hal Head', aadObjectId: USERS.notInDirectory, role: 'admin' };
    expect(await writesNothing(() => addPersonToDirectory(directoryDeps(), head(), form))).toEqual({ status: 'not-allowed' });
    expect(
      await writesNothing(() =>
        addSchoolToDirectory(directoryDeps(), head(), { schoolId: 'elm', schoolName: 'Elm', urn: '111111', phase: 'primary' }),
      ),
    ).toEqual({
      status: 'not-allowed',
    });
    expect(await writesNothing(() => removePersonFromDirectory(directoryDeps(), head(), USERS.dslSamplePrimary))).toEqual({
      status: 'not-allowed',
    });
    expect(await writesNothing(() => removeSchoolFromDirectory(directoryDeps(), undefined, 'sample-secondary'))).toEqual({
      status: 'not-allowed',
    });
    expect(directory.findPerson(USERS.notInDirectory)).toBeUndefined();
    expect(await refusedAudits(sql, 'directory.person-added')).toEqual([{ actor: USERS.headSamplePrimary }]);
    expect(await refusedAudits(sql, 'directory.school-removed')).toEqual([{ actor: 'unknown' }]);
  });

  it('directory changes by an admin are written with an audit entry, removals included', async () => {
    expect(showDirectory({ directory }, admin())?.schools).toHaveLength(2);
    const added = await addPersonToDirectory(directoryDeps(), admin(), {
      personName: 'Rae Removed',
      aadObjectId: 'CCCC-3333',
      role: 'staff',
      school: 'sample-secondary',
    });
    expect(added).toEqual({ status: 'saved', message: 'Added Rae Removed.' });
    expect(await removePersonFromDirectory(directoryDeps(), admin(), 'cccc-3333')).toEqual({ status: 'removed' });
    expect(await removePersonFromDirectory(directoryDeps(), admin(), 'cccc-3333')).toEqual({ status: 'not-removed' });
    expect(await removeSchoolFromDirectory(directoryDeps(), admin(), 'sample-secondary')).toEqual({ status: 'not-removed' }); // it still has people
    const trail = await sql.all<{ actor: string; action: string; schoolId: string; detail: string; allowed: number }>(
      `SELECT actor, action, school_id AS "schoolId", detail, allowed FROM audit_log WHERE action LIKE 'directory.person-%' AND allowed = 1 ORDER BY id`,
    );
    expect(trail.map((row) => ({ ...row, allowed: Number(row.allowed) }))).toEqual([
      { actor: USERS.admin, action: 'directory.person-added', schoolId: 'sample-secondary', detail: 'cccc-3333 staff', allowed: 1 },
      { actor: USERS.admin, action: 'directory.person-removed', schoolId: 'sample-secondary', detail: 'cccc-3333', allowed: 1 },
    ]);
  });

  it('an admin renaming a school keeps its Teams team, so the school still claims the channels in that team', async () => {
    expect(directory.school('sample-primary')?.teamsTeamId).toBe(PRIMARY_TEAM);
    const saved = await addSchoolToDirectory(directoryDeps(), admin(), {
      schoolId: 'sample-primary',
      schoolName: 'Sample Primary Academy',
      urn: '900001',
      phase: 'primary',
    });
    expect(saved).toEqual({ status: 'saved', message: 'Updated Sample Primary Academy.' });
    expect(directory.school('sample-primary')).toMatchObject({ name: 'Sample Primary Academy', teamsTeamId: PRIMARY_TEAM });
    // The next test then finds another school's DSL still refused the unlinked channel in that team.
  });

  it('a school channel: another school’s DSL can neither link, unlink nor change what it receives', async () => {
    expect(await writesNothing(() => linkChannelToSchool(updates, otherDsl(), CHANNEL, 'sample-secondary'))).toEqual({
      status: 'not-allowed',
    });
    expect((await linkChannelToSchool(updates, dsl(), CHANNEL)).status).toBe('done');
    expect(await writesNothing(() => saveSubscriptions(updates, otherDsl(), CHANNEL, []))).toEqual({ status: 'not-allowed' });
    expect(await writesNothing(() => unlinkChannelFromSchool(updates, otherDsl(), CHANNEL))).toEqual({ status: 'not-allowed' });
    expect((await refusedAudits(sql, 'channel.changed')).length).toBe(3);
  });

  it('referrals: refused to submit, list, view, decide or retry for whoever may not', async () => {
    expect(
      await writesNothing(() =>
        submitReferral(referrals.deps, admin(), {
          kind: 'front-door',
          values: validForm('front-door'),
          nonce: 'perm-nonce-0',
          activityId: 'a0',
        }),
      ),
    ).toEqual({
      status: 'not-allowed',
    });
    const stored = await submitReferral(referrals.deps, dsl(), {
      kind: 'front-door',
      values: validForm('front-door'),
      nonce: 'perm-nonce-1',
      activityId: 'a1',
    });
    if (stored.status !== 'stored') throw new Error(stored.status);
    const reference = stored.referral.reference;

    expect(await writesNothing(() => listReferrals(referrals.deps, admin()))).toEqual({ scope: 'not-allowed' });
    expect(await writesNothing(() => listReferrals(referrals.deps, undefined))).toEqual({ scope: 'not-allowed' });
    expect(await writesNothing(() => viewReferral(referrals.deps, otherDsl(), reference))).toBeUndefined();
    expect(await writesNothing(() => viewReferral(referrals.deps, admin(), reference))).toBeUndefined();
    expect(await writesNothing(() => openInbox(referrals.deps, dsl()))).toBeUndefined();
    const note = { code: 'no-further-action', note: 'Threshold for the front door not met; early help offered.' };
    expect(await writesNothing(() => recordOutcomeByStaff(referrals.deps, earlyHelp(), reference, note))).toEqual({ status: 'not-found' });
    expect(await writesNothing(() => recordOutcomeByStaff(referrals.deps, head(), reference, note))).toEqual({ status: 'not-found' });
    expect(await writesNothing(() => retryDelivery(referrals.deps, otherDsl(), reference))).toBe('not-found');

    expect((await viewReferral(referrals.deps, head(), reference))?.summary.reference).toBe(reference);
    expect(await openInbox(referrals.deps, person(USERS.frontDoor))).toBeDefined();
    expect((await refusedAudits(sql, 'referral.viewed')).map((row) => row.actor)).toEqual([USERS.dslSampleSecondary, USERS.admin]);
  });
});
