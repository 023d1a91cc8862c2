import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/security/hmacSignature';

export type ReceiverMode = 'accept' | 'fail' | 'reject' | 'hang' | 'refuse-connections';

/**
 * A council case system for the webhook adapter to deliver to. It checks every signature, and honours the
 * Idempotency-Key: a key it has seen gets the same answer again and is not stored twice, as a well-behaved
 * receiver should. Its mode can be switched to fail (503), reject (400: "this referral is wrong"), hang
 * (never answer) or refuse connections.
 */
export async function startReferralReceiver(secret: string, port = 0) {
  const stored = new Map<string, { reference: string; caseNumber: string }>();
  const requestsByKey = new Map<string, number>();
  const badSignatures: string[] = [];
  let mode: ReceiverMode = 'accept';
  let delayMs = 0;
  let onRequest: (key: string) => void = () => undefined;
  let onAccepted: (key: string) => void = () => undefined;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
    onRequest(key);
    const check = verifySignature(
      secret,
      { timestamp: req.headers['x-safeguarding-timestamp'] as string, signature: req.headers['x-safeguarding-signature'] as string },
      body,
    );
    if (!check.ok) {
      badSignatures.push(check.reason);
      answer(res, 401);
      return;
    }
    if (mode === 'hang') return; // the bot's timeout gives up on us
    if (mode === 'fail' || mode === 'reject') {
      answer(res, mode === 'fail' ? 503 : 400);
      return;
    }
    const referral = JSON.parse(body) as { reference: string };
    if (!stored.has(key)) stored.set(key, { reference: referral.reference, caseNumber: `CASE-${stored.size + 1}` });
    setTimeout(() => {
      answer(res, 201, { reference: stored.get(key)!.caseNumber });
      onAccepted(key);
    }, delayMs);
  };

  let server: http.Server | undefined;
  let boundPort = port;
  const listen = async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => handle(req, res, body));
    });
    await new Promise<void>((resolve) => server!.listen(boundPort, '127.0.0.1', resolve));
    boundPort = (server.address() as AddressInfo).port;
  };
  const close = async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  };
  await listen();

  return {
    get url() {
      return `http://127.0.0.1:${boundPort}/referrals`;
    },
    stored,
    requestsByKey,
    badSignatures,
    onRequest: (listener: (key: string) => void) => (onRequest = listener),
    /** Called once an accepted referral's answer has been sent. */
    onAccepted: (listener: (key: string) => void) => (onAccepted = listener),
    /** Answers accepted referrals only after this long. */
    setDelay: (ms: number) => (delayMs = ms),
    /** Switches behaviour; `refuse-connections` stops listening until another mode is set. */
    async setMode(next: ReceiverMode) {
      mode = next;
      if (next === 'refuse-connections') await close();
      else if (!server) await listen();
    },
    close,
  };
}

function answer(res: http.ServerResponse, status: number, body?: object): void {
  res.statusCode = status;
  if (status === 503) res.setHeader('retry-after', '0');
  if (body) res.setHeader('content-type', 'application/json');
  res.end(body ? JSON.stringify(body) : undefined);
}
