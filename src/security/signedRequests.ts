/**
 * The first steps of every signed API call from a council system (outcomes, updates): refuse when no secret
 * is configured (503), refuse a bad signature or an old timestamp (401), and parse the JSON body.
 */
import { verifySignature } from './hmacSignature';

export interface SignedRequest {
  rawBody: string;
  timestamp?: string;
  signature?: string;
}

export interface ApiResponse {
  status: number;
  body: Record<string, unknown>;
}

export type OpenedRequest = { ok: true; json: unknown } | { ok: false; response: ApiResponse };

/** `secretVariable` names the setting in the 503 answer, so an operator knows what to configure. */
export function openSignedRequest(secret: string | undefined, secretVariable: string, request: SignedRequest, now: number): OpenedRequest {
  if (!secret)
    return { ok: false, response: { status: 503, body: { error: `This API is not configured on this bot (${secretVariable}).` } } };
  const check = verifySignature(secret, { timestamp: request.timestamp, signature: request.signature }, request.rawBody, now);
  if (!check.ok) return { ok: false, response: { status: 401, body: { error: `Not accepted: ${check.reason}.` } } };
  try {
    return { ok: true, json: JSON.parse(request.rawBody) };
  } catch {
    return { ok: true, json: undefined }; // the caller's schema refuses it with a 400 that says what is expected
  }
}
