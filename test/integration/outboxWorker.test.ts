import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger';
import { DeliveryFailure, type JobHandler } from '../../src/outbox/jobHandler';
import { OutboxWorker } from '../../src/outbox/outboxWorker';
import type { Database } from '../../src/storage/database';
import { enqueueJob, findJob } from '../../src/storage/outboxRows';
import { ENGINES, openTestDatabase } from '../support/databases';
import { waitFor } from '../support/waitFor';

const DELIVERY = { maxAttempts: 3, timeoutMs: 1000, retryBaseMs: 20, retryMaxMs: 50, leaseMs: 10_000, pollMs: 20 };

describe.each(ENGINES)('the outbox worker, on %s', (engine) => {
  let failingHookCalls = 0;
  let db: Database;
  let close: () => Promise<void>;
  let worker: OutboxWorker;
  const finished: string[] = [];
  const attempts = new Map<string, number>();
  const deadLettered: string[] = [];
  let releaseSlowJob: () => void = () => undefined;

  /** Jobs whose key says how they behave: "slow-…" waits to be released, "flaky-…" fails twice, "refused-…" is refused. */
  const handler: JobHandler = {
    async run(job) {
      attempts.set(job.dedupeKey, (attempts.get(job.dedupeKey) ?? 0) + 1);
      if (job.dedupeKey.startsWith('slow')) await new Promise<void>((resolve) => (releaseSlowJob = resolve));
      if (job.dedupeKey.startsWith('flaky') && attempts.get(job.dedupeKey)! <= 2)
        throw new DeliveryFailure('the receiver answered 503', true);
      if (job.dedupeKey.startsWith('refused') || job.dedupeKey.startsWith('unrecordable'))
        throw new DeliveryFailure('the receiver answered 400', false);
      if (job.dedupeKey.startsWith('hopeless')) throw new DeliveryFailure('no answer', true);
      finished.push(job.dedupeKey);
    },
    async onDeadLetter(job) {
      if (job.dedupeKey.startsWith('unrecordable')) {
        failingHookCalls += 1;
        throw new Error('the database went away'); // recording the result fails
      }
      deadLettered.push(job.dedupeKey);
    },
  };
  const stateOf = async (key: string) => (await findJob(db.sql, key))?.state;
  const queue = (key: string) =>
    db.sql.transaction((tx) => enqueueJob(tx, { topic: 'test', dedupeKey: key, payload: {}, runAt: 0 }, 0)).then(() => worker.wake());

  beforeAll(async () => {
    ({ database: db, close } = await openTestDatabase(engine));
    worker = new OutboxWorker({
      sql: db.sql,
      handlers: { test: handler },
      delivery: DELIVERY,
      logger: createLogger('silent'),
      batchSize: 4,
    });
    worker.start();
  });
  afterAll(async () => {
    releaseSlowJob();
    await worker.stop();
    await close();
  });

  it('a slow job holds up only itself: jobs queued after it finish first', async () => {
    await queue('slow-1');
    await waitFor('the slow job to start', () => attempts.has('slow-1'));
    await queue('quick-1');
    await queue('quick-2');
    await waitFor('the quick jobs', () => finished.includes('quick-1') && finished.includes('quick-2'));
    expect(finished).not.toContain('slow-1');
    releaseSlowJob();
    await waitFor('the slow job', () => finished.includes('slow-1'));
  });

  it('a retryable failure is tried again until it succeeds', async () => {
    await queue('flaky-1');
    // The handler returns before the worker commits "done"; wait for the row, not for the handler.
    await waitFor('the flaky job to be recorded done', async () => (await stateOf('flaky-1')) === 'done');
    expect(attempts.get('flaky-1')).toBe(3);
  });

  it('a refusal goes to dead-letter at once; a failure goes there after the last attempt', async () => {
    await queue('refused-1');
    await queue('hopeless-1');
    // onDeadLetter runs inside the transaction that marks the job dead: wait for the commit, not the hook.
    await waitFor('both dead-lettered', async () => (await stateOf('refused-1')) === 'dead' && (await stateOf('hopeless-1')) === 'dead');
    expect(deadLettered).toEqual(expect.arrayContaining(['refused-1', 'hopeless-1']));
    expect(attempts.get('refused-1')).toBe(1);
    expect(attempts.get('hopeless-1')).toBe(DELIVERY.maxAttempts);
    expect(await findJob(db.sql, 'hopeless-1')).toMatchObject({
      state: 'dead',
      lastError: `no answer (gave up after ${DELIVERY.maxAttempts} attempts)`,
    });
  });

  it('when even the result cannot be recorded, the worker carries on and the job comes back after its lease', async () => {
    await queue('unrecordable-1');
    await waitFor('the failed recording', () => failingHookCalls === 1);
    await queue('quick-after-failure');
    await waitFor('a later job', () => finished.includes('quick-after-failure')); // the worker is still working
    expect((await findJob(db.sql, 'unrecordable-1'))?.state).toBe('in-flight'); // nothing half-recorded
  });
});
