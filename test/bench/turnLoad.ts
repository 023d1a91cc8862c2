/**
 * Drives a bot over loopback the way Teams does: post an activity to /api/messages, and count the turn done
 * when the bot's reply reaches the fake connector (a reply carries the activity's id as replyToId; a card
 * updated in place is matched by its conversation). Closed loop: `concurrency` senders, each with its own
 * personal chat, sending their next activity as soon as the last one's reply arrives.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface TurnTimes {
  turns: number;
  seconds: number;
  /** Milliseconds per turn, sorted. */
  latencies: number[];
}

/** Builds the activity for one turn: `sender` is 0…concurrency-1, `n` counts every turn of the run. */
export type ActivityFor = (
  serviceUrl: string,
  sender: number,
  n: number,
) => { id: string; conversation: { id: string } } & Record<string, unknown>;

export interface FakeConnector {
  url: string;
  expect(activity: { id: string; conversation: { id: string } }): Promise<void>;
  close(): Promise<void>;
}

export async function startReplyConnector(): Promise<FakeConnector> {
  const waiting = new Map<string, () => void>();
  const byConversation = new Map<string, string>();
  const settle = (activityId: string | undefined) => {
    const done = activityId ? waiting.get(activityId) : undefined;
    if (!done || !activityId) return;
    waiting.delete(activityId);
    done();
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${Math.random().toString(36).slice(2)}` }));
      if (!match) return;
      const conversationId = decodeURIComponent(match[1]);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { replyToId?: string };
      settle(body.replyToId && waiting.has(body.replyToId) ? body.replyToId : byConversation.get(conversationId));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    expect: (activity) =>
      new Promise<void>((resolve) => {
        waiting.set(activity.id, resolve);
        byConversation.set(activity.conversation.id, activity.id);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(botUrl: string, activity: object): Promise<number> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${botUrl}/api/messages`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `turns` turns (after `warmup` unmeasured ones) at the given concurrency. */
export async function driveTurns(
  botUrl: string,
  connector: FakeConnector,
  activityFor: ActivityFor,
  options: { concurrency: number; turns: number; warmup: number },
): Promise<TurnTimes> {
  let next = 0;
  const latencies: number[] = [];
  const total = options.warmup + options.turns;
  let measuredStart = 0;
  const oneTurn = async (sender: number, n: number) => {
    const activity = activityFor(connector.url, sender, n);
    const replied = connector.expect(activity);
    const started = performance.now();
    const status = await post(botUrl, activity);
    if (status >= 300) throw new Error(`the bot answered ${status} to turn ${n}`);
    await replied;
    if (n >= options.warmup) latencies.push(performance.now() - started);
  };
  const sender = async (id: number) => {
    while (next < total) {
      const n = next++;
      if (n === options.warmup) measuredStart = performance.now();
      await oneTurn(id, n);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => sender(id)));
  const seconds = (performance.now() - measuredStart) / 1000;
  return { turns: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b) };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
