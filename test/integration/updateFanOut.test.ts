import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkChannel, rememberChannel } from '../../src/storage/channelRows';
import { deliveryCounts } from '../../src/storage/updateRows';
import { postUpdate } from '../../src/updates/postUpdate';
import type { UpdateDraft } from '../../src/updates/updateForm';
import { PLAYGROUND_TENANT } from '../support/activities';
import { botEnvFor, type Engine } from '../support/databases';
import { busiestWindow } from '../support/fakeConnector';
import { startFakeConnectorProcess, type RefusalRule } from '../support/fakeConnectorProcess';
import { startTestBot } from '../support/runningBot';
import { waitFor } from '../support/waitFor';

const BUSY_CHANNEL = '19:busy@thread.tacv2';

/**
 * Teams refusing sends the way it does under load, by channel number: 429 with Retry-After on the first try
 * (1 channel in 10), 502 (1 in 10), 504 twice (1 in 10), 412 (1 in 10). Every channel accepts in the end.
 */
const TEAMS_UNDER_LOAD: RefusalRule[] = [
  { every: 10, remainder: 0, attempts: 1, status: 429, headers: { 'retry-after': '1' } },
  { every: 10, remainder: 1, attempts: 1, status: 502 },
  { every: 10, remainder: 2, attempts: 2, status: 504 },
  { every: 10, remainder: 3, attempts: 1, status: 412 },
];

const draft = (title: string, schools: string[]): UpdateDraft => ({
  title,
  message: 'Consultation slots with the early-help team next week: book through your locality lead.',
  category: 'consultation',
  audience: { type: 'schools', schools },
  expiresOn: '2099-12-31',
});

async function fanOut(engine: Engine, channels: number, instances: number) {
  const setup = await botEnvFor(engine);
  // In a process of its own, so its clock is not held up by the bot's work: it times requests as Teams would.
  const connector = await startFakeConnectorProcess(TEAMS_UNDER_LOAD);
  const env = {
    ...setup.env,
    DELIVERY_RETRY_BASE_MS: '100',
    DELIVERY_RETRY_MAX_MS: '2000',
    DELIVERY_POLL_MS: '20',
    REFERRAL_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  };
  const bots = [];
  for (let i = 0; i < instances; i++) bots.push(await startTestBot(env));
  const { sql } = bots[0].database;
  const reference = (id: string) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    bot: { id: 'bot-id' },
    conversation: { id, conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT },
  });
  const ids = Array.from({ length: channels }, (_, i) => `19:school-channel-${i}@thread.tacv2`);
  for (const id of [...ids, BUSY_CHANNEL])
    await rememberChannel(sql, { conversationId: id, tenantId: PLAYGROUND_TENANT, reference: reference(id) }, 1);
  for (const id of ids) await linkChannel(sql, id, 'sample-primary', 'admin', 2);
  await linkChannel(sql, BUSY_CHANNEL, 'sample-secondary', 'admin', 2);
  return {
    bots,
    connector,
    ids,
    cleanup: async () => (await Promise.all(bots.map((bot) => bot.stop())), await connector.close(), await setup.cleanup()),
  };
}

describe.each([
  ['sqlite', 500, 1],
  ['postgres', 200, 2],
] as const)(
  'one update to many school channels while Teams throttles and fails (%s, %i channels, %i instance(s))',
  (engine, channels, instances) => {
    let run: Awaited<ReturnType<typeof fanOut>>;
    let seconds = 0;
    let state: Awaited<ReturnType<Awaited<ReturnType<typeof fanOut>>['connector']['state']>>;
    beforeAll(async () => {
      run = await fanOut(engine, channels, instances);
      const author = { id: 'system:updates-api', name: 'Council early-help team' };
      const started = Date.now();
      // One update to every school channel, and, at the same time, 15 quick updates to one busy channel.
      const big = await postUpdate(run.bots[0].updates.deps, author, draft('Consultation slots next week', ['sample-primary']), 'fan-out');
      for (let i = 0; i < 15; i++)
        await postUpdate(run.bots[i % run.bots.length].updates.deps, author, draft(`Reminder ${i}`, ['sample-secondary']), `busy-${i}`);
      await waitFor(
        'every channel done',
        async () => (await deliveryCounts(run.bots[0].database.sql, big.update.id)).pending === 0,
        90_000,
      );
      seconds = (Date.now() - started) / 1000;
      await waitFor(
        'the busy channel done',
        async () => (await run.connector.state()).sent.filter((s) => s.conversationId === BUSY_CHANNEL).length >= 15,
        30_000,
      );
      state = await run.connector.state();
    }, 120_000);
    afterAll(() => run?.cleanup());

    it('every channel gets the update exactly once, and nothing else (no error message, no duplicate)', async () => {
      const received = new Map<string, string[]>();
      for (const sent of state.sent)
        received.set(sent.conversationId, [...(received.get(sent.conversationId) ?? []), JSON.stringify(sent.activity)]);
      expect(
        run.ids.filter((id) => received.get(id)?.length !== 1 || !received.get(id)![0].includes('Consultation slots next week')),
      ).toEqual([]);
      expect(received.get(BUSY_CHANNEL)?.filter((text) => text.includes('Reminder '))).toHaveLength(15);
      expect(received.get(BUSY_CHANNEL)).toHaveLength(15);
      const counts = await deliveryCounts(run.bots[0].database.sql, 1);
      expect(counts).toEqual({ pending: 0, sent: channels, failed: 0, skipped: 0 });
      console.warn(
        `${channels} channels (${instances} instance${instances > 1 ? 's' : ''}, ${engine}): ${seconds.toFixed(1)} s, ${state.requests.length} requests`,
      );
    });

    it('never sends more than 50 a second to the tenant, counting refused requests too', () => {
      expect(busiestWindow(state.requests.map((r) => r.at))).toBeLessThanOrEqual(50);
    });

    it('never sends more than 7 a second into one conversation', () => {
      const busy = state.requests.filter((r) => r.conversationId === BUSY_CHANNEL).map((r) => r.at);
      expect(busy.length).toBe(15);
      expect(busiestWindow(busy)).toBeLessThanOrEqual(7);
    });

    it('retries 429, 412, 502 and 504, and waits at least as long as Retry-After asked', () => {
      const statuses = new Set(state.requests.map((r) => r.status));
      for (const status of [429, 412, 502, 504]) expect(statuses).toContain(status);
      const throttled = state.requests.filter((r) => r.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      for (const refusal of throttled) {
        const next = state.requests.find((r) => r.conversationId === refusal.conversationId && r.at > refusal.at);
        expect(next!.at - refusal.at, refusal.conversationId).toBeGreaterThanOrEqual(1000);
      }
    });
  },
);
