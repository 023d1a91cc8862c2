import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { migrate, MIGRATION_IDS } from '../../src/storage/migrations';
import { claimJobs, completeJob, countJobsByState, deadLetterJob, enqueueJob, findJob, reviveJob } from '../../src/storage/outboxRows';
import {
  findReferral,
  insertReferral,
  nextReferralNumber,
  purgePersonalData,
  recordOutcomeRow,
  type NewReferral,
} from '../../src/storage/referralRows';
import type { Database } from '../../src/storage/database';
import { ENGINES, freshPostgresSchema, openTestDatabase } from '../support/databases';

const referral = (n: number, overrides: Partial<NewReferral> = {}): NewReferral => ({
  reference: `FD-2026-${String(n).padStart(6, '0')}`,
  kind: 'front-door',
  schoolId: 'sample-primary',
  referrerId: 'dsl-id',
  referrerName: 'Alex Wilber',
  submissionKey: `key-${n}`,
  submissionHash: 'hash',
  submittedAt: 1000,
  decisionDueAt: 2000,
  adapter: 'inbox',
  personalSealed: 'v1.sealed',
  ...overrides,
});

const job = (key: string, runAt = 0) => ({ topic: 'test', dedupeKey: key, payload: { key }, runAt });

describe.each(ENGINES)('referral storage on %s', (engine) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database: db, close } = await openTestDatabase(engine));
  });
  afterAll(() => close());

  it('applies its migrations once, however often it is asked', async () => {
    await migrate(db.sql);
    await migrate(db.sql);
    const rows = await db.sql.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => Number(r.id))).toEqual(MIGRATION_IDS);
  });

  it('numbers references without duplicates, even when many are made at once', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => db.sql.transaction((tx) => nextReferralNumber(tx))));
    expect(new Set(numbers).size).toBe(20);
  });

  it('stores a submission once: the same submission key inserts nothing the second time', async () => {
    expect(await db.sql.transaction((tx) => insertReferral(tx, referral(1)))).toMatchObject({
      reference: 'FD-2026-000001',
      deliveryState: 'pending',
      outcomeCode: null,
    });
    expect(await db.sql.transaction((tx) => insertReferral(tx, referral(2, { submissionKey: 'key-1' })))).toBeUndefined();
    expect(await findReferral(db.sql, 'FD-2026-000002')).toBeUndefined();
  });

  it('a failed transaction leaves nothing behind: no referral without its delivery job, or the reverse', async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await insertReferral(tx, referral(3));
        await enqueueJob(tx, job('deliver:FD-2026-000003'), 0);
        throw new Error('crash between the two writes and the commit');
      }),
    ).rejects.toThrow('crash');
    expect(await findReferral(db.sql, 'FD-2026-000003')).toBeUndefined();
    expect(await findJob(db.sql, 'deliver:FD-2026-000003')).toBeUndefined();
  });

  it('a worker claims only its own topics', async () => {
    await db.sql.transaction((tx) => enqueueJob(tx, { topic: 'other-topic', dedupeKey: 'not-mine', payload: {}, runAt: 0 }, 0));
    expect((await claimJobs(db.sql, { topics: ['test'], now: 1, limit: 100, leaseMs: 1 })).some((j) => j.dedupeKey === 'not-mine')).toBe(
      false,
    );
    expect((await claimJobs(db.sql, { topics: ['other-topic'], now: 1, limit: 100, leaseMs: 1 })).map((j) => j.dedupeKey)).toEqual([
      'not-mine',
    ]);
  });

  it('queues a job once per key', async () => {
    expect(await db.sql.transaction((tx) => enqueueJob(tx, job('once'), 0))).toBe(true);
    expect(await db.sql.transaction((tx) => enqueueJob(tx, job('once'), 0))).toBe(false);
  });

  it('a claimed job is not claimed again until its lease runs out; then the late worker cannot complete it', async () => {
    await db.sql.transaction((tx) => enqueueJob(tx, job('leased', 100), 0));
    const [first] = (await claimJobs(db.sql, { topics: ['test'], now: 100, limit: 50, leaseMs: 1000 })).filter(
      (j) => j.dedupeKey === 'leased',
    );
    expect(first.attempts).toBe(1);
    expect((await claimJobs(db.sql, { topics: ['test'], now: 500, limit: 50, leaseMs: 1000 })).some((j) => j.dedupeKey === 'leased')).toBe(
      false,
    );
    const [second] = (await claimJobs(db.sql, { topics: ['test'], now: 1200, limit: 50, leaseMs: 1000 })).filter(
      (j) => j.dedupeKey === 'leased',
    );
    expect(second.attempts).toBe(2);
    expect(await db.sql.transaction((tx) => completeJob(tx, first, 1300))).toBe(false); // fenced out
    expect(await db.sql.transaction((tx) => completeJob(tx, second, 1300))).toBe(true);
    expect((await findJob(db.sql, 'leased'))?.state).toBe('done');
  });

  it('a dead-letter job stays visible and can be revived with fresh attempts', async () => {
    await db.sql.transaction((tx) => enqueueJob(tx, job('doomed', 0), 0));
    const [claimed] = (await claimJobs(db.sql, { topics: ['test'], now: 5000, limit: 50, leaseMs: 1000 })).filter(
      (j) => j.dedupeKey === 'doomed',
    );
    await db.sql.transaction((tx) => deadLetterJob(tx, claimed, 'the receiver answered 400', 5000));
    expect(await findJob(db.sql, 'doomed')).toMatchObject({ state: 'dead', lastError: 'the receiver answered 400' });
    expect(await db.sql.transaction((tx) => reviveJob(tx, 'doomed', 6000))).toBe(true);
    expect(await findJob(db.sql, 'doomed')).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await countJobsByState(db.sql)).dead).toBe(0);
  });

  it('records an outcome once', async () => {
    const row = (await findReferral(db.sql, 'FD-2026-000001'))!;
    const outcome = { id: row.id, code: 'advice-nfa', noteSealed: 'v1.note', recordedBy: 'fd-id', at: 3000 };
    expect(await db.sql.transaction((tx) => recordOutcomeRow(tx, outcome))).toBe(true);
    expect(await db.sql.transaction((tx) => recordOutcomeRow(tx, { ...outcome, code: 'strategy-discussion' }))).toBe(false);
    expect((await findReferral(db.sql, 'FD-2026-000001'))?.outcomeCode).toBe('advice-nfa');
  });

  it('retention deletes personal fields and the note, and keeps the reference, dates and outcome', async () => {
    expect(await db.sql.transaction((tx) => purgePersonalData(tx, 2000, 9000))).toEqual([]); // outcome at 3000 is not yet old enough
    expect(await db.sql.transaction((tx) => purgePersonalData(tx, 4000, 9000))).toEqual([
      { reference: 'FD-2026-000001', schoolId: 'sample-primary' },
    ]);
    expect(await findReferral(db.sql, 'FD-2026-000001')).toMatchObject({
      personalSealed: null,
      outcomeNoteSealed: null,
      personalDeletedAt: 9000,
      outcomeCode: 'advice-nfa',
      submittedAt: 1000,
      outcomeRecordedAt: 3000,
    });
  });
});

describe('several instances sharing one PostgreSQL', () => {
  let instances: PostgresDatabase[];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    instances = [new PostgresDatabase(schema.url), new PostgresDatabase(schema.url), new PostgresDatabase(schema.url)];
  });
  afterAll(async () => {
    await Promise.all(instances.map((db) => db.close()));
    await drop();
  });

  it('apply the migrations once when they start together', async () => {
    await Promise.all(instances.map((db) => migrate(db.sql)));
    const rows = await instances[0].sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations');
    expect(Number(rows[0].n)).toBe(MIGRATION_IDS.length);
  });

  it('never claim the same job twice (FOR UPDATE SKIP LOCKED)', async () => {
    await instances[0].sql.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) await enqueueJob(tx, job(`shared-${i}`), 0);
    });
    const claimedBy = await Promise.all(
      instances.map(async (db) => {
        const mine: string[] = [];
        for (;;) {
          const jobs = await claimJobs(db.sql, { topics: ['test'], now: 1, limit: 7, leaseMs: 60_000 });
          if (jobs.length === 0) return mine;
          mine.push(...jobs.map((j) => j.dedupeKey));
        }
      }),
    );
    const all = claimedBy.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(claimedBy.filter((mine) => mine.length > 0).length).toBeGreaterThan(1); // the work really was shared
  });
});
