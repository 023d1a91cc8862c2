import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  /** Set when the bot replaced one of its earlier messages (a card updated in place). */
  replacedActivityId?: string;
  activity: { type: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
}

/** Every request the bot made, accepted or not, with when it arrived: for checking rate limits. */
export interface ConnectorRequest {
  conversationId: string;
  at: number;
  status: number;
}

/** Decides how to answer a send: undefined to accept it; otherwise the status (and headers) to refuse it with. */
export type InjectFailure = (conversationId: string) => { status: number; headers?: Record<string, string> } | undefined;

/**
 * A stand-in for the Bot Framework connector (the service Teams replies go to): it records every activity
 * the bot sends or updates, so a test can assert what a user would have seen. It can refuse sends as Teams
 * does (429 with Retry-After, 502, 403), to test retries and rate limits.
 */
export async function startFakeConnector(options: { inject?: InjectFailure } = {}) {
  const sent: SentActivity[] = [];
  const requests: ConnectorRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const match = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404);
        res.end();
        return;
      }
      const conversationId = decodeURIComponent(match[1]);
      const refusal = req.method === 'POST' ? options.inject?.(conversationId) : undefined;
      requests.push({ conversationId, at: Date.now(), status: refusal?.status ?? 200 });
      if (refusal) {
        res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
        res.end(JSON.stringify({ error: { code: 'Injected', message: 'refused by the test' } }));
        return;
      }
      const replacedActivityId = req.method === 'PUT' ? decodeURIComponent(match[2] ?? '') : undefined;
      sent.push({ conversationId, replacedActivityId, activity: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: replacedActivityId ?? `reply-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    requests,
    /** The JSON of every card sent so far, for text assertions. */
    cardsText: () => sent.flatMap((s) => s.activity.attachments ?? []).map((a) => JSON.stringify(a.content)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The most requests in any window of `windowMs`, for checking a rate limit was never exceeded. */
export function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
