/**
 * "Did this help?" on both engines: one vote per person per answer and pack version, enforced by the server
 * over HTTP whatever the card sends; counts stay anonymous; votes from the old per-engine stores survive the
 * migration as legacy counts; audit rows record the running pack version.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { appendAudit, setAuditPackVersion } from '../../src/storage/auditRows';
import { recordVote, voteCounts } from '../../src/storage/feedbackRows';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { cardSubmit, postActivity, teamsMessage, USERS } from '../support/activities';
import { ENGINES, freshPostgresSchema, openTestDatabase, type Engine } from '../support/databases';
import { useBotWithConnector } from '../support/runningBot';

describe.each(ENGINES)('"Did this help?" votes over HTTP (%s)', (engine: Engine) => {
  // A high burst, so every vote reaches the vote rule: "one vote" must not be the rate limiter's doing.
  const harness = useBotWithConnector({ RATE_LIMIT_BURST: '100' }, engine);
  const vote = (answerId: string, helpful: unknown, user: string = USERS.dslSamplePrimary, extra: object = {}) =>
    postActivity(
      harness.bot.url,
      cardSubmit({ serviceUrl: harness.connector.url, user, value: { verb: 'answerFeedback', answerId, helpful, ...extra } }),
    );
  const countsFor = async (answerId: string) => (await voteCounts(harness.bot.database.sql)).filter((count) => count.answerId === answerId);
  const runningVersion = async () => {
    const row = await harness.bot.database.sql.all<{ packVersion: string }>(
      'SELECT DISTINCT pack_version AS "packVersion" FROM answer_votes WHERE pack_version IS NOT NULL',
    );
    return row.map((r) => r.packVersion);
  };

  it('ten votes by one person on one answer count once', async () => {
    const repliesBefore = harness.connector.sent.length;
    for (let i = 0; i < 10; i++) await vote('neglect', true);
    expect(harness.connector.sent.slice(repliesBefore).map((sent) => sent.activity.text)).toEqual(Array(10).fill('Thanks, noted.'));
    expect(await countsFor('neglect')).toEqual([
      { answerId: 'neglect', packVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2} · [0-9a-f]{8}$/), helpful: 1, notHelpful: 0 },
    ]);
  });

  it('two people count twice, including someone who is not in the directory', async () => {
    await vote('family-hubs', true, USERS.dslSamplePrimary);
    await vote('family-hubs', true, USERS.notInDirectory);
    expect(await countsFor('family-hubs')).toMatchObject([{ helpful: 2, notHelpful: 0 }]);
  });

  it('a changed vote replaces the first', async () => {
    await vote('fgm', true, USERS.earlyHelp);
    await vote('fgm', false, USERS.earlyHelp);
    expect(await countsFor('fgm')).toMatchObject([{ helpful: 0, notHelpful: 1 }]);
  });

  it('ignores whatever else the card sends: a voter, a pack version', async () => {
    await vote('bullying', true, USERS.frontDoor, {
      voter: 'someone-else',
      packVersion: '1999-01-01 · deadbeef',
      aadObjectId: randomUUID(),
    });
    await vote('bullying', true, USERS.frontDoor, { voter: 'another', packVersion: '2000-01-01 · cafebabe' });
    expect(await countsFor('bullying')).toMatchObject([{ helpful: 1, notHelpful: 0 }]);
    expect(await runningVersion()).toHaveLength(1);
  });

  it('stores no Entra id, only a fingerprint per person and answer', async () => {
    await vote('neglect', true, USERS.admin);
    const rows = await harness.bot.database.sql.all<{ voter: string }>('SELECT voter FROM answer_votes');
    const stored = JSON.stringify(await harness.bot.database.sql.all('SELECT * FROM answer_votes'));
    for (const id of Object.values(USERS)) expect(stored).not.toContain(id);
    // The same person on two answers gets two unrelated fingerprints.
    expect(new Set(rows.map((row) => row.voter)).size).toBe(rows.length);
  });

  it('refuses a vote for an unknown answer, a non-boolean vote and a sender without an Entra id', async () => {
    const before = await voteCounts(harness.bot.database.sql);
    await vote('no-such-answer', true);
    await vote('neglect', 'yes');
    const anonymous = cardSubmit({
      serviceUrl: harness.connector.url,
      value: { verb: 'answerFeedback', answerId: 'neglect', helpful: true },
    });
    await postActivity(harness.bot.url, { ...anonymous, from: { id: 'user-x', name: 'No Entra id' } });
    expect(harness.connector.sent.at(-1)!.activity.text).toContain('could not record');
    expect(await voteCounts(harness.bot.database.sql)).toEqual(before);
  });

  it('the running bot records its pack version on the audit rows it writes', async () => {
    const [version] = await runningVersion();
    await postActivity(harness.bot.url, teamsMessage({ text: 'status', serviceUrl: harness.connector.url, user: USERS.dslSamplePrimary }));
    const rows = await harness.bot.database.sql.all<{ packVersion: string | null }>(
      `SELECT pack_version AS "packVersion" FROM audit_log WHERE action = 'referral.listed'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.packVersion === version)).toBe(true);
  });

  it('report shows the votes per answer and per pack version', async () => {
    const [version] = await runningVersion();
    await postActivity(harness.bot.url, teamsMessage({ text: 'report', serviceUrl: harness.connector.url, user: USERS.admin }));
    const card = harness.connector.cardsText().at(-1)!;
    expect(card).toContain('Neglect: what it looks like and what to do');
    expect(card).toContain(`${version} (current)`);
    expect(card).toContain('👍 2 · 👎 0');
  });
});

describe.each(ENGINES)('vote and audit storage (%s)', (engine: Engine) => {
  it('keeps counts per answer per pack version, most-voted answer first', async () => {
    const { database, close } = await openTestDatabase(engine);
    try {
      const on = new Date('2026-12-02T10:00:00Z');
      await recordVote(database.sql, { answerId: 'a', packVersion: '2026-11-01 · 11111111', voter: 'v1', helpful: true, on });
      await recordVote(database.sql, { answerId: 'a', packVersion: '2026-12-01 · 22222222', voter: 'v1', helpful: false, on });
      await recordVote(database.sql, { answerId: 'a', packVersion: '2026-12-01 · 22222222', voter: 'v2', helpful: true, on });
      await recordVote(database.sql, { answerId: 'b', packVersion: '2026-12-01 · 22222222', voter: 'v3', helpful: true, on });
      expect(await voteCounts(database.sql)).toEqual([
        { answerId: 'a', packVersion: '2026-12-01 · 22222222', helpful: 1, notHelpful: 1 },
        { answerId: 'a', packVersion: '2026-11-01 · 11111111', helpful: 1, notHelpful: 0 },
        { answerId: 'b', packVersion: '2026-12-01 · 22222222', helpful: 1, notHelpful: 0 },
      ]);
    } finally {
      await close();
    }
  });

  it('records the running pack version on every audit row', async () => {
    const { database, close } = await openTestDatabase(engine);
    try {
      setAuditPackVersion('2026-12-02 · 1a2b3c4d');
      await appendAudit(database.sql, { at: 1, actor: 'system:test', action: 'referral.viewed', reference: 'FD-1', allowed: true });
      const rows = await database.sql.all<{ packVersion: string | null }>('SELECT pack_version AS "packVersion" FROM audit_log');
      expect(rows).toEqual([{ packVersion: '2026-12-02 · 1a2b3c4d' }]);
    } finally {
      setAuditPackVersion(undefined);
      await close();
    }
  });

  it('moves votes from the old feedback table over as legacy counts, and drops the old table', async () => {
    const { database, close } = await databaseWithOldFeedbackTable(engine);
    try {
      expect(await voteCounts(database.sql)).toEqual([
        { answerId: 'neglect', packVersion: undefined, helpful: 2, notHelpful: 1 },
        { answerId: 'fgm', packVersion: undefined, helpful: 0, notHelpful: 1 },
      ]);
      const tables = await database.sql.all<{ name: string }>(
        engine === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE name = 'answer_feedback'"
          : "SELECT tablename AS name FROM pg_tables WHERE tablename = 'answer_feedback' AND schemaname = current_schema()",
      );
      expect(tables).toEqual([]);
    } finally {
      await close();
    }
  });
});

const OLD_VOTES: Array<[string, boolean]> = [
  ['neglect', true],
  ['neglect', false],
  ['neglect', true],
  ['fgm', false],
];

/** A database as the old SqliteFeedbackStore / PostgresFeedbackStore left it: their own table, no migrations. */
async function databaseWithOldFeedbackTable(engine: Engine) {
  if (engine === 'sqlite') {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'old-votes-')), 'safeguarding.db');
    const old = new BetterSqlite3(file);
    old.exec(
      'CREATE TABLE answer_feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, answer_id TEXT NOT NULL, helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)), recorded_on TEXT NOT NULL)',
    );
    for (const [answerId, helpful] of OLD_VOTES)
      old
        .prepare('INSERT INTO answer_feedback (answer_id, helpful, recorded_on) VALUES (?, ?, ?)')
        .run(answerId, helpful ? 1 : 0, '2026-10-01');
    old.close();
    const database = new SqliteDatabase(file);
    return { database, close: () => database.close() };
  }
  const schema = await freshPostgresSchema();
  const old = new Pool({ connectionString: schema.url });
  await old.query(
    'CREATE TABLE answer_feedback (id BIGSERIAL PRIMARY KEY, answer_id TEXT NOT NULL, helpful BOOLEAN NOT NULL, recorded_on DATE NOT NULL)',
  );
  for (const [answerId, helpful] of OLD_VOTES)
    await old.query('INSERT INTO answer_feedback (answer_id, helpful, recorded_on) VALUES ($1, $2, $3)', [answerId, helpful, '2026-10-01']);
  await old.end();
  const database = new PostgresDatabase(schema.url);
  return {
    database,
    close: async () => {
      await database.close();
      await schema.drop();
    },
  };
}
