import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findChannel,
  linkChannel,
  listLinkedChannels,
  markTeamRemoved,
  rememberChannel,
  setMutedCategories,
} from '../../src/storage/channelRows';
import type { Database } from '../../src/storage/database';
import { WorkerLease } from '../../src/outbox/workerLease';
import { holdLease, releaseLease } from '../../src/storage/leaseRows';
import { claimFinalReport, finishDelivery, insertDelivery, insertUpdate, lockUpdate } from '../../src/storage/updateRows';
import { ENGINES, openTestDatabase } from '../support/databases';

const channel = (id: string, teamId = 'team-a') => ({
  conversationId: id,
  tenantId: 'tenant',
  teamId,
  teamName: 'Team A',
  reference: { conversation: { id } },
});

describe.each(ENGINES)('update storage on %s', (engine) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database: db, close } = await openTestDatabase(engine));
  });
  afterAll(() => close());

  it('remembers a channel, keeps its link and mutes when seen again, and forgets it when the bot is removed', async () => {
    await rememberChannel(db.sql, channel('c1'), 1);
    await linkChannel(db.sql, 'c1', 'sample-primary', 'dsl', 2);
    await setMutedCategories(db.sql, 'c1', ['reminder']);
    await rememberChannel(db.sql, { ...channel('c1'), teamName: undefined }, 3);
    expect(await findChannel(db.sql, 'c1')).toMatchObject({
      schoolId: 'sample-primary',
      mutedCategories: 'reminder',
      teamName: 'Team A',
      addedAt: 1,
    });
    await markTeamRemoved(db.sql, 'team-a', 4);
    expect(await listLinkedChannels(db.sql)).toEqual([]);
    await rememberChannel(db.sql, channel('c1'), 5); // added back
    expect((await listLinkedChannels(db.sql)).map((c) => c.conversationId)).toEqual(['c1']);
  });

  it('a lease has one holder at a time; another takes it only once it expires', async () => {
    expect(await holdLease(db.sql, 'sender', 'a', 1000, 500)).toBe(true);
    expect(await holdLease(db.sql, 'sender', 'b', 1200, 500)).toBe(false);
    expect(await holdLease(db.sql, 'sender', 'a', 1400, 500)).toBe(true); // renewed, now until 1900
    expect(await holdLease(db.sql, 'sender', 'b', 1800, 500)).toBe(false);
    expect(await holdLease(db.sql, 'sender', 'b', 2000, 500)).toBe(true); // a stopped renewing
    await releaseLease(db.sql, 'sender', 'b');
    expect(await holdLease(db.sql, 'sender', 'c', 2001, 500)).toBe(true);
  });

  it('a worker lease: one instance works; another takes over only once the first stops renewing', async () => {
    let now = 10_000;
    const first = new WorkerLease(db.sql, 'worker', 3000, () => now);
    const second = new WorkerLease(db.sql, 'worker', 3000, () => now);
    expect(await first.hold()).toBe(true);
    expect(await second.hold()).toBe(false);
    now += 2000;
    expect(await first.hold()).toBe(true); // renewed: now until 15,000
    now += 2000;
    expect(await second.hold()).toBe(false);
    now += 1500; // the first has stopped (crashed) and its lease has run out
    expect(await second.hold()).toBe(true);
    expect(await first.hold()).toBe(false);
  });

  it('when many deliveries finish at once, exactly one of them claims the final report', async () => {
    const update = (await db.sql.transaction((tx) =>
      insertUpdate(tx, {
        sourceKey: 'race',
        title: 't',
        message: 'm',
        category: 'course',
        link: null,
        expiresOn: '2026-12-31',
        audience: '{}',
        authorId: 'a',
        authorName: 'A',
        createdAt: 1,
      }),
    ))!;
    const channels = Array.from({ length: 4 }, (_, i) => `race-${i}`);
    await db.sql.transaction(async (tx) => {
      for (const id of channels) await insertDelivery(tx, update.id, id, 'sample-primary');
    });
    // Each transaction marks its own delivery, then waits (up to 300 ms) for the others to do the same before
    // it checks: the worst case, where every one of them checks while the others are still uncommitted.
    let arrived = 0;
    const othersArrived = () =>
      new Promise<void>((resolve) => {
        const deadline = Date.now() + 300;
        const timer = setInterval(() => {
          if (arrived === channels.length || Date.now() > deadline) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });
    const claims = await Promise.all(
      channels.map((id) =>
        db.sql.transaction(async (tx) => {
          await lockUpdate(tx, update.id);
          await finishDelivery(tx, update.id, id, 'sent', null, 2);
          arrived += 1;
          await othersArrived();
          return claimFinalReport(tx, update.id, 3);
        }),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
