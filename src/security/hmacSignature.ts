/**
 * Signed HTTP messages between the bot and a council system, both ways: the webhook adapter signs what it
 * sends, and the outcome API checks what it receives. HMAC-SHA256 over `timestamp.body`, with the timestamp
 * in its own header so a captured request cannot be replayed after the tolerance window.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-safeguarding-timestamp';
export const SIGNATURE_HEADER = 'x-safeguarding-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** How far a request's timestamp may be from our clock, either way. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/** `sha256=<hex>` over `<unix seconds>.<raw body>`. */
export function signature(secret: string, timestampSeconds: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** The headers for a signed request sent now. */
export function signedHeaders(secret: string, body: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature(secret, timestamp, body) };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Checks a received request. The comparison takes the same time whatever the signature holds. */
export function verifySignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  body: string,
  nowMs = Date.now(),
): SignatureCheck {
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: `missing or malformed ${TIMESTAMP_HEADER}` };
  if (Math.abs(nowMs - Number(headers.timestamp) * 1000) > TIMESTAMP_TOLERANCE_MS)
    return { ok: false, reason: 'timestamp is more than 5 minutes from now' };
  const expected = Buffer.from(signature(secret, headers.timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
