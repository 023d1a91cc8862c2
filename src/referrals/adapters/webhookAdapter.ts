/**
 * `webhook`: POSTs the referral as JSON to a council system, signed with HMAC-SHA256 over `timestamp.body`
 * (headers x-safeguarding-timestamp and x-safeguarding-signature) and carrying an Idempotency-Key header
 * (the referral's reference), which stays the same on every retry.
 *
 * Settings (for a front door referral; early help uses EARLY_HELP_WEBHOOK_…):
 *   FRONT_DOOR_WEBHOOK_URL                       where to POST; https:// in production
 *   FRONT_DOOR_WEBHOOK_SECRET or …_SECRET_FILE    the shared signing secret (at least 32 characters)
 *
 * A 2xx answer is the acknowledgement; its JSON `reference` (or `id`), if any, is kept as the receiver's
 * reference. Timeouts, refused connections, 408, 425, 429 and 5xx are retried (429 and 503 honour
 * Retry-After). Any other answer means the receiver refuses this referral as sent: it goes to dead-letter
 * at once, for staff to see and retry after the receiver is fixed.
 */
import { z } from 'zod';
import { ConfigError, secretValue } from '../../configProblems';
import { IDEMPOTENCY_HEADER, signedHeaders } from '../../security/hmacSignature';
import { DeliveryFailure, type AdapterContext, type AdapterFactory, type ReferralForDelivery } from './referralAdapter';

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export const webhookAdapter: AdapterFactory = {
  name: 'webhook',
  create(settings, context) {
    const { url, secret } = webhookSettings(settings, context);
    return {
      name: 'webhook',
      async deliver(referral: ReferralForDelivery, idempotencyKey: string) {
        const body = JSON.stringify(referral);
        const response = await post(
          url,
          body,
          { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: idempotencyKey, ...signedHeaders(secret, body) },
          context.timeoutMs,
        );
        if (response.ok) return { receiverReference: await receiverReferenceFrom(response) };
        throw new DeliveryFailure(
          `the receiver answered ${response.status}`,
          RETRYABLE_STATUS.has(response.status),
          retryAfterMs(response.headers.get('retry-after')),
        );
      },
    };
  },
};

function webhookSettings(settings: Record<string, string>, context: AdapterContext): { url: string; secret: string } {
  const problems: string[] = [];
  const name = (setting: string) => `${context.variablePrefix}${setting}`;
  const url = z.string().url().safeParse(settings.URL);
  if (!url.success) problems.push(`${name('URL')}: required, the full address to POST referrals to`);
  else if (context.mode === 'production' && !url.data.startsWith('https://'))
    problems.push(`${name('URL')}: must be https:// in production`);
  const secret = secretValue(settings.SECRET, name('SECRET_FILE'), settings.SECRET_FILE, problems);
  if (!secret || secret.length < 32)
    problems.push(`${name('SECRET')} (or ${name('SECRET_FILE')}): required, at least 32 characters (e.g. openssl rand -base64 32)`);
  if (problems.length > 0) throw new ConfigError(problems);
  return { url: url.data!, secret: secret! };
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `could not connect (${causeCode(error) ?? name})`;
    throw new DeliveryFailure(reason, true);
  }
}

/** The receiver's reference from a JSON answer like {"reference": "CASE-123"}; anything else is ignored. */
async function receiverReferenceFrom(response: Response): Promise<string | undefined> {
  try {
    const answer = (await response.json()) as { reference?: unknown; id?: unknown };
    const reference = answer.reference ?? answer.id;
    return typeof reference === 'string' || typeof reference === 'number' ? String(reference).slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function causeCode(error: unknown): string | undefined {
  const code = ((error as { cause?: { code?: unknown } }).cause ?? {}).code;
  return typeof code === 'string' ? code : undefined;
}
