/**
 * Referral speed (`npm run bench -- referrals`), on SQLite and on PostgreSQL (BENCH_DATABASE_URL, default
 * the machine's postgres://postgres@127.0.0.1:5432/test, in a throw-away schema):
 *  - submit: check the form, seal it, store it with its outbox job and audit entry (one transaction);
 *  - status: a DSL's list of 25 referrals (each opened to show the child's initials);
 *  - delivery: 300 referrals through the webhook adapter to a local receiver, healthy and with 20% of
 *    answers failing (503), counting that each arrives exactly once.
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openDirectory } from '../../src/directory/openDirectory';
import { createLogger } from '../../src/logging/logger';
import { listReferrals } from '../../src/referrals/readReferrals';
import { createReferralRuntime, type ReferralRuntime } from '../../src/referrals/referralRuntime';
import { submitReferral } from '../../src/referrals/submitReferral';
import type { Database } from '../../src/storage/database';
import { countJobsByState } from '../../src/storage/outboxRows';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { freshBenchSchema } from './benchDatabase';

const REFERRALS = 300;
const SECRET = 'benchmark-secret-benchmark-secret-0123';
const DSL = '00000000-0000-0000-0000-0000000000020';

/** A fictional child, as a DSL would type the form. */
export const FORM = {
  childFirstName: 'Sample',
  childLastName: 'Child',
  childAge: '9',
  childAddress: '1 Example Street, Solihull',
  household: 'Mum and stepdad',
  concernWhat: 'Bruising on both upper arms, explained differently by the child and by mum.',
  concernWhen: 'This morning',
  concernWhere: 'Classroom',
  parentsKnow: 'yes',
  parentsAgree: 'not-asked',
  referrerPhone: '0121 496 0000',
};

export async function benchReferrals(): Promise<void> {
  const rows: string[] = [];
  for (const engine of ['sqlite', 'postgres'] as const) {
    const opened = await openBenchDatabase(engine);
    if (!opened) {
      rows.push(`| ${engine} | PostgreSQL not reachable: skipped | | | | | |`);
      continue;
    }
    const receiver = await startReceiver();
    const { runtime, stopDirectory } = await benchRuntime(opened.database, opened.dataDir, receiver.url);
    try {
      const submit = await timeEach(REFERRALS, (i) => submitOne(runtime, `bench-a-${i}`));
      const status = await timeEach(200, () => listReferrals(runtime.deps, runtime.deps.directory.findPerson(DSL)));
      const healthy = await deliverAll(runtime);
      receiver.failShare = 0.2;
      for (let i = 0; i < REFERRALS; i++) await submitOne(runtime, `bench-b-${i}`);
      const flaky = await deliverAll(runtime);
      const exactlyOnce = receiver.stored.size === 2 * REFERRALS ? 'each stored once' : `STORED ${receiver.stored.size}`;
      rows.push(
        `| ${engine} | ${ms(submit.p50)} | ${ms(submit.p99)} | ${ms(status.p50)} | ${ms(status.p99)} | ${healthy.toFixed(1)} s (${Math.round(REFERRALS / healthy)}/s) | ${flaky.toFixed(1)} s, ${receiver.requests - 2 * REFERRALS} retries, ${exactlyOnce} |`,
      );
    } finally {
      stopDirectory();
      await receiver.close();
      await opened.close();
    }
  }
  console.log(`\nReferrals (milliseconds unless stated; ${REFERRALS} referrals per delivery run, webhook to a local receiver)\n`);
  console.log('| Engine | Submit p50 | Submit p99 | Status list p50 | Status list p99 | Deliver 300 | Deliver 300, 20% answers fail |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

async function benchRuntime(
  database: Database,
  dataDir: string,
  receiverUrl: string,
): Promise<{ runtime: ReferralRuntime; stopDirectory: () => void }> {
  const directory = await openDirectory(loadConfig({ DATA_DIR: dataDir }), database);
  const config = loadConfig({
    DATA_DIR: dataDir,
    FRONT_DOOR_ADAPTER: 'webhook',
    FRONT_DOOR_WEBHOOK_URL: receiverUrl,
    FRONT_DOOR_WEBHOOK_SECRET: SECRET,
    DELIVERY_RETRY_BASE_MS: '10',
    DELIVERY_RETRY_MAX_MS: '100',
    DELIVERY_MAX_ATTEMPTS: '50',
  });
  const runtime = createReferralRuntime({
    config,
    sql: database.sql,
    directory,
    logger: createLogger('silent'),
    notifier: { sendCard: async () => 'sent' },
    notificationCards: () => ({}),
  });
  return { runtime, stopDirectory: () => directory.stop() };
}

async function submitOne(runtime: ReferralRuntime, nonce: string): Promise<void> {
  const result = await submitReferral(runtime.deps, runtime.deps.directory.findPerson(DSL), {
    kind: 'front-door',
    values: FORM,
    nonce,
    activityId: nonce,
  });
  if (result.status !== 'stored') throw new Error(`submission ${nonce}: ${result.status}`);
}

/** Runs the outbox worker until nothing is left to do; returns the seconds it took. */
async function deliverAll(runtime: ReferralRuntime): Promise<number> {
  const started = performance.now();
  for (;;) {
    const ran = await runtime.worker.runOnce();
    if (ran > 0) continue;
    const counts = await countJobsByState(runtime.deps.sql);
    if (counts.pending === 0 && counts['in-flight'] === 0) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 5)); // wait for retries that are not yet due
  }
}

async function timeEach(count: number, work: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

/** A receiver that honours idempotency keys and fails a given share of answers with 503. */
export async function startReceiver() {
  const stored = new Set<string>();
  const state = { failShare: 0, requests: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests += 1;
      const key = String(req.headers['idempotency-key']);
      if (Math.random() < state.failShare) {
        res.statusCode = 503;
        res.end();
        return;
      }
      stored.add(key);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ reference: `CASE-${key}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    stored,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/referrals`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

async function openBenchDatabase(
  engine: 'sqlite' | 'postgres',
): Promise<{ database: Database; dataDir: string; close: () => Promise<void> } | undefined> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${engine}-`));
  if (engine === 'sqlite') {
    const database = new SqliteDatabase(path.join(dataDir, 'safeguarding.db'));
    return { database, dataDir, close: () => database.close() };
  }
  const schema = await freshBenchSchema('referrals');
  if (!schema) return undefined;
  const database = new PostgresDatabase(schema.url);
  return {
    database,
    dataDir,
    close: async () => {
      await database.close();
      await schema.drop();
    },
  };
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
