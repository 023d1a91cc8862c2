/**
 * Turns whatever the Bot Framework pipeline threw into an HTTP answer and a log line. botbuilder throws
 * its own AuthenticationError for some token problems but lets jsonwebtoken's errors (bad signature, wrong
 * algorithm, not yet valid) and network errors (identity metadata unreachable) escape, which it answered
 * with 500 and their internal message. Each gets a status, a reason category for the log, and one plain
 * sentence for the caller; the token itself is never logged or echoed.
 * Whether an error is botbuilder's AuthenticationError is the edge's to say (teams/adapter.ts,
 * authenticationStatus): it is passed in as `authStatus`, so this file needs no SDK.
 */

export interface EdgeFailure {
  status: 401 | 500 | 503;
  /** A category for the log: never the error's own message, which may quote claims. */
  reason: string;
  /** The one sentence the caller is told. */
  sentence: string;
}

const REFUSED = 'The request could not be authenticated.';

/** A user from a tenant the council has not allowed: refused after a genuine token, by the tenant guard. */
export const TENANT_REFUSED: EdgeFailure = {
  status: 401,
  reason: 'tenant-not-allowed',
  sentence: 'This organisation is not allowed to use this bot.',
};

/** `authStatus` is the status of botbuilder's AuthenticationError when `error` is one, else undefined. */
export function classifyFailure(error: unknown, authHeader: string, authStatus: number | undefined): EdgeFailure {
  if (isIdentityServiceFailure(error, authStatus)) {
    return {
      status: 503,
      reason: 'identity-service-unreachable',
      sentence: 'The bot cannot check credentials right now. Try again shortly.',
    };
  }
  const reason = authReason(error, authHeader, authStatus !== undefined);
  if (reason) return { status: 401, reason, sentence: REFUSED };
  return { status: 500, reason: 'internal-error', sentence: 'Something went wrong on our side. Try again shortly.' };
}

/** The signing keys could not be fetched: node-fetch failed, or botbuilder reported a non-2xx as a 500. */
function isIdentityServiceFailure(error: unknown, authStatus: number | undefined): boolean {
  if (authStatus !== undefined) return authStatus >= 500;
  return (error as { name?: unknown } | null)?.name === 'FetchError';
}

/** Why a token was refused, or undefined when the error is not about authentication at all. */
function authReason(error: unknown, authHeader: string, isAuthenticationError: boolean): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  // Our own lifetime check (teams/adapter.ts) names its reason.
  if (name === 'TokenLifetimeError') return String((error as { reason?: unknown }).reason);
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  if (name === 'NotBeforeError') return 'token-not-yet-valid';
  if (name === 'TokenExpiredError' || /token has expired/i.test(message)) return 'token-expired';
  if (name === 'JsonWebTokenError') return jwtLibraryReason(message, authHeader);
  if (!isAuthenticationError) return undefined;
  if (authHeader.trim().length === 0) return 'missing-token';
  if (/signing key/i.test(message)) return 'unknown-signing-key';
  if (/algorithm/i.test(message)) return 'wrong-algorithm';
  if (/appid|audience/i.test(message)) return 'wrong-audience';
  if (/serviceurl/i.test(message)) return 'service-url-mismatch';
  if (/endorsement/i.test(message)) return 'channel-not-endorsed';
  return 'untrusted-token';
}

/** `alg: none` fails as "signature is required", so the header's algorithm is checked first. */
function jwtLibraryReason(message: string, authHeader: string): string {
  const algorithm = decodePart(authHeader, 0)?.alg;
  if (/algorithm/i.test(message) || (algorithm !== undefined && !/^RS(256|384|512)$/.test(String(algorithm)))) return 'wrong-algorithm';
  if (/signature/i.test(message)) return 'bad-signature';
  return 'malformed-token';
}

/** The two claims worth logging about a refused token: who issued it and which app asked for it. Unverified. */
export function tokenOrigin(authHeader: string): { issuer?: string; appId?: string } {
  const claims = decodePart(authHeader, 1);
  return claims ? { issuer: shortString(claims.iss), appId: shortString(claims.appid ?? claims.azp) } : {};
}

/** One part of a JWT (0 header, 1 payload), decoded without checking anything. */
function decodePart(authHeader: string, index: 0 | 1): Record<string, unknown> | undefined {
  const part = authHeader.replace(/^Bearer\s+/i, '').split('.')[index];
  if (!part) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return decoded && typeof decoded === 'object' ? (decoded as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Claims in a refused token are attacker-controlled: only short strings reach the log. */
function shortString(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}
