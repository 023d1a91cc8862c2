/**
 * Update fan-out speed (`npm run bench -- updates`): one early-help update to 500 school channels through the
 * real Teams sender, against a fake Bot Framework connector in its own process that refuses sends as Teams
 * does under load (429 with Retry-After 1 s, 502, 504 twice, 412, each on 1 channel in 10). Retries use the
 * production settings. Reports the time until every channel has it, the requests made, the busiest second
 * (limit 50), and whether each channel got it exactly once. Run on SQLite with one instance, and on
 * PostgreSQL with two instances sharing the work (one holds the sender lease at a time).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { startBot, type RunningBot } from '../../src/startBot';
import { linkChannel, rememberChannel } from '../../src/storage/channelRows';
import { deliveryCounts } from '../../src/storage/updateRows';
import { postUpdate } from '../../src/updates/postUpdate';
import { freshBenchSchema } from './benchDatabase';
import { busiestSecond } from './busiestSecond';

const CHANNELS = 500;
const TENANT = '00000000-0000-0000-0000-0000000000001';
/** The same connector the tests use (plain JavaScript, so it runs as its own process). */
const CONNECTOR = path.join(PROJECT_ROOT, 'test', 'support', 'fakeConnectorServer.mjs');
const RULES = [
  { every: 10, remainder: 0, attempts: 1, status: 429, headers: { 'retry-after': '1' } },
  { every: 10, remainder: 1, attempts: 1, status: 502 },
  { every: 10, remainder: 2, attempts: 2, status: 504 },
  { every: 10, remainder: 3, attempts: 1, status: 412 },
];

export async function benchUpdates(): Promise<void> {
  const rows: string[] = [];
  for (const [engine, instances] of [
    ['sqlite', 1],
    ['postgres', 2],
  ] as const) {
    const databaseUrl = engine === 'postgres' ? await freshBenchSchema('updates') : undefined;
    if (engine === 'postgres' && !databaseUrl) {
      rows.push('| PostgreSQL not reachable: skipped | | | | |');
      continue;
    }
    rows.push(await fanOut(engine, instances, databaseUrl?.url));
    await databaseUrl?.drop();
  }
  console.log(
    `\nUpdate fan-out (one update to ${CHANNELS} channels; Teams refusing as under load: 429 with Retry-After, 502, 504 twice, 412, each on 1 channel in 10; production retry settings)\n`,
  );
  console.log('| Engine | Instances | Every channel has it after | Requests | Busiest second (limit 50) | Exactly once |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

async function fanOut(engine: string, instances: number, databaseUrl: string | undefined): Promise<string> {
  const connector = await startConnector();
  const env = {
    PORT: '0',
    ALLOWED_TENANT_IDS: TENANT,
    REFERRAL_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const bots: RunningBot[] = [];
  for (let i = 0; i < instances; i++)
    bots.push(await startBot(loadConfig({ ...env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-updates-')) }), createLogger('silent')));
  try {
    const { sql } = bots[0].database;
    for (let i = 0; i < CHANNELS; i++) {
      const id = `19:school-channel-${i}@thread.tacv2`;
      const reference = {
        channelId: 'msteams',
        serviceUrl: connector.url,
        bot: { id: 'bot-id' },
        conversation: { id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      };
      await rememberChannel(sql, { conversationId: id, tenantId: TENANT, reference }, 1);
      await linkChannel(sql, id, 'sample-primary', 'bench', 2);
    }
    const started = performance.now();
    const { update } = await postUpdate(
      bots[0].updates.deps,
      { id: 'system:updates-api', name: 'Benchmark' }, // the signed API's author: postUpdate checks who posts
      {
        title: 'Consultation slots next week',
        message: 'Book a consultation with the early-help team.',
        category: 'consultation',
        audience: { type: 'all' },
        expiresOn: '2099-12-31',
      },
      `bench-${Date.now()}`,
    );
    while ((await deliveryCounts(sql, update.id)).pending > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - started) / 1000;
    const state = await connector.state();
    const perChannel = new Map<string, number>();
    for (const sent of state.sent) perChannel.set(sent.conversationId, (perChannel.get(sent.conversationId) ?? 0) + 1);
    const once = perChannel.size === CHANNELS && [...perChannel.values()].every((n) => n === 1);
    return `| ${engine} | ${instances} | ${seconds.toFixed(1)} s | ${state.requests.length} | ${busiestSecond(state.requests.map((r) => r.at))} | ${once ? 'yes' : 'NO'} |`;
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    connector.close();
  }
}

async function startConnector() {
  const child = spawn(process.execPath, [CONNECTOR], {
    env: { ...process.env, FAKE_CONNECTOR_RULES: JSON.stringify(RULES) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout.once('data', (line: Buffer) => resolve(JSON.parse(line.toString()).port)),
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    state: async () =>
      (await (await fetch(`${url}/_state`)).json()) as { sent: Array<{ conversationId: string }>; requests: Array<{ at: number }> },
    close: () => child.kill(),
  };
}
