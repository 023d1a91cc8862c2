/**
 * Scale-out (`npm run bench -- scale`): one and then two bot instances on one PostgreSQL, as a council would
 * run them behind a load balancer. Referrals from 10 schools' DSLs are submitted round-robin to the
 * instances and delivered by webhook to a local receiver; then an outcome is recorded for each (again
 * spread over the instances), and every outcome card goes to a DSL's chat through a fake Bot Framework
 * connector in its own process, which notes when each request arrives. Reports submits a second,
 * deliveries a second, outcome cards a second, and the busiest second into one conversation (Teams' limit
 * is 7) and across the tenant (limit 50): with two instances these must hold as with one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { personConversationKey } from '../../src/teams/conversationMemory';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import type { Person } from '../../src/directory/schema';
import { createLogger } from '../../src/logging/logger';
import { recordOutcomeFromSystem } from '../../src/referrals/recordOutcome';
import { submitReferral } from '../../src/referrals/submitReferral';
import { startBot, type RunningBot } from '../../src/startBot';
import { saveConversationReference } from '../../src/storage/conversationRows';
import { freshBenchSchema } from './benchDatabase';
import { FORM, startReceiver } from './benchReferrals';
import { busiestSecond } from './busiestSecond';

const SCHOOLS = 10;
const REFERRALS_PER_SCHOOL = 30;
const REFERRALS = SCHOOLS * REFERRALS_PER_SCHOOL;
const TENANT = '00000000-0000-0000-0000-0000000000001';
const SECRET = 'benchmark-secret-benchmark-secret-0123';
const CONNECTOR = path.join(PROJECT_ROOT, 'test', 'support', 'fakeConnectorServer.mjs');
/** Submissions in flight at once across the instances, as from many DSLs pressing Send together. */
const CONCURRENCY = 10;

interface Measured {
  submitsPerSecond: number;
  deliveriesPerSecond: number;
  cardsPerSecond: number;
  busiestConversation: number;
  busiestTenant: number;
  cardsOnce: boolean;
}

export async function benchScale(): Promise<void> {
  const rows: string[] = [];
  for (const instances of [1, 2]) {
    const schema = await freshBenchSchema('scale');
    if (!schema) {
      rows.push('| PostgreSQL not reachable: skipped | | | | | | |');
      break;
    }
    try {
      const m = await run(instances, schema.url);
      rows.push(
        `| ${instances} | ${m.submitsPerSecond.toFixed(0)} | ${m.deliveriesPerSecond.toFixed(0)} | ${m.cardsPerSecond.toFixed(1)} | ${m.busiestConversation} | ${m.busiestTenant} | ${m.cardsOnce ? 'yes' : 'NO'} |`,
      );
    } finally {
      await schema.drop();
    }
  }
  console.log(
    `\nScale-out on PostgreSQL (${REFERRALS} referrals from ${SCHOOLS} schools' DSLs, webhook delivery; then an outcome card for each into the DSLs' chats)\n`,
  );
  console.log(
    '| Instances | Submits/s | Deliveries/s | Outcome cards/s | Busiest second, one conversation (limit 7) | Busiest second, tenant (limit 50) | Each card once |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

async function run(instances: number, databaseUrl: string): Promise<Measured> {
  const connector = await startConnector();
  const receiver = await startReceiver();
  const env = {
    PORT: '0',
    ALLOWED_TENANT_IDS: TENANT,
    DATABASE_URL: databaseUrl,
    REFERRAL_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
    FRONT_DOOR_ADAPTER: 'webhook',
    FRONT_DOOR_WEBHOOK_URL: receiver.url,
    FRONT_DOOR_WEBHOOK_SECRET: SECRET,
    DELIVERY_POLL_MS: '100',
  };
  const bots: RunningBot[] = [];
  for (let i = 0; i < instances; i++)
    bots.push(await startBot(loadConfig({ ...env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-scale-')) }), createLogger('silent')));
  try {
    const dsls = await addSchools(bots, connector.url);
    const started = performance.now();
    const references = await submitAll(bots, dsls);
    const submitted = performance.now();
    await until(
      async () =>
        Number(
          (await bots[0].database.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM referrals WHERE delivery_state = 'delivered'"))[0].n,
        ) === REFERRALS,
    );
    const delivered = performance.now();
    const outcomesFrom = performance.now();
    await Promise.all(
      references.map((reference, i) =>
        recordOutcomeFromSystem(bots[i % bots.length].referrals.deps, reference, {
          code: 'advice-nfa',
          note: 'Advice given to the school by phone.',
          eventId: `bench-${reference}`,
        }),
      ),
    );
    await until(async () => (await connector.state()).sent.length >= REFERRALS);
    const cardsDone = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 500)); // any card sent twice would show up meanwhile
    const state = await connector.state();
    return {
      submitsPerSecond: REFERRALS / ((submitted - started) / 1000),
      deliveriesPerSecond: REFERRALS / ((delivered - started) / 1000),
      cardsPerSecond: REFERRALS / ((cardsDone - outcomesFrom) / 1000),
      busiestConversation: Math.max(...[...arrivalsByConversation(state.requests).values()].map(busiestSecond)),
      busiestTenant: busiestSecond(state.requests.map((r) => r.at)),
      cardsOnce: state.sent.length === REFERRALS,
    };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    connector.close();
    await receiver.close();
  }
}

/** One DSL per school, each with a personal chat the bot knows; every instance reloads the directory. */
async function addSchools(bots: RunningBot[], connectorUrl: string): Promise<Person[]> {
  const { directory, database } = bots[0];
  const dsls: Person[] = [];
  for (let i = 0; i < SCHOOLS; i++) {
    const school = `bench-school-${i}`;
    await directory.addSchool({ id: school, name: `Bench School ${i}`, urn: String(800000 + i), phase: 'primary' });
    const dsl: Person = { name: `Bench DSL ${i}`, aadObjectId: `00000000-0000-0000-0000-${String(100000000000 + i)}`, role: 'dsl', school };
    await directory.addPerson(dsl);
    const reference = {
      channelId: 'msteams',
      serviceUrl: connectorUrl,
      bot: { id: 'bot-id' },
      user: { id: `user-${i}`, aadObjectId: dsl.aadObjectId },
      conversation: { id: `chat-${i}@dsl`, conversationType: 'personal', tenantId: TENANT },
    };
    await saveConversationReference(database.sql, personConversationKey(dsl.aadObjectId), reference, Date.now());
    dsls.push(dsl);
  }
  await Promise.all(bots.map((bot) => bot.directory.reload()));
  return dsls;
}

/** Submits every referral, CONCURRENCY at a time, each to the next instance in turn; returns their references. */
async function submitAll(bots: RunningBot[], dsls: Person[]): Promise<string[]> {
  const references: string[] = [];
  let next = 0;
  const submitter = async () => {
    for (let i = next++; i < REFERRALS; i = next++) {
      const nonce = `bench-scale-${i}`;
      const result = await submitReferral(bots[i % bots.length].referrals.deps, dsls[i % SCHOOLS], {
        kind: 'front-door',
        values: FORM,
        nonce,
        activityId: nonce,
      });
      if (result.status !== 'stored') throw new Error(`submission ${i}: ${result.status}`);
      references.push(result.referral.reference);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, submitter));
  return references;
}

async function until(done: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the benchmark did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startConnector() {
  const child = spawn(process.execPath, [CONNECTOR], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) =>
    child.stdout.once('data', (line: Buffer) => resolve(JSON.parse(line.toString()).port)),
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    state: async () =>
      (await (await fetch(`${url}/_state`)).json()) as {
        sent: Array<{ conversationId: string }>;
        requests: Array<{ conversationId: string; at: number }>;
      },
    close: () => child.kill(),
  };
}

function arrivalsByConversation(requests: Array<{ conversationId: string; at: number }>): Map<string, number[]> {
  const arrivals = new Map<string, number[]>();
  for (const request of requests) arrivals.set(request.conversationId, [...(arrivals.get(request.conversationId) ?? []), request.at]);
  return arrivals;
}
