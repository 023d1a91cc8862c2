import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  /** Set when the bot replaced one of its earlier messages (a card updated in place). */
  replacedActivityId?: string;
  activity: { type: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
}

/**
 * A stand-in for the Bot Framework connector (the service Teams replies go to): it records every activity
 * the bot sends or updates, so a test can assert what a user would have seen.
 */
export async function startFakeConnector() {
  const sent: SentActivity[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const match = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
      if (match && (req.method === 'POST' || req.method === 'PUT')) {
        const replacedActivityId = req.method === 'PUT' ? decodeURIComponent(match[2] ?? '') : undefined;
        sent.push({ conversationId: decodeURIComponent(match[1]), replacedActivityId, activity: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: replacedActivityId ?? `reply-${sent.length}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    /** The JSON of every card sent so far, for text assertions. */
    cardsText: () => sent.flatMap((s) => s.activity.attachments ?? []).map((a) => JSON.stringify(a.content)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
