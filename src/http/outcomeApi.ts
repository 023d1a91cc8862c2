/**
 * POST /api/referrals/{reference}/outcome: a council case system records the decision on a referral.
 * The request is signed like the webhook (HMAC-SHA256 over `timestamp.body`, timestamp within 5 minutes),
 * and each event id is accepted once, so a retried or replayed request changes nothing. An outcome is
 * accepted only on a referral whose delivery was acknowledged (see outcomeRefusal in directory/policies.ts).
 * This is the logic only; server.ts passes the raw request in and sends back what this returns.
 */
import { z } from 'zod';
import { openSignedRequest, type ApiResponse, type SignedRequest } from '../security/signedRequests';
import { recordOutcomeFromSystem } from '../referrals/recordOutcome';
import type { ReferralDeps } from '../referrals/referralDeps';
import { parseReference } from '../referrals/referenceNumber';

export interface OutcomeApiRequest extends SignedRequest {
  reference: string;
}

const eventSchema = z
  .object({
    eventId: z.string().min(1).max(200),
    outcome: z.string().min(1).max(80),
    note: z.string().max(2000),
  })
  .strict();

export async function handleOutcomeEvent(deps: ReferralDeps, secret: string | undefined, request: OutcomeApiRequest): Promise<ApiResponse> {
  const opened = openSignedRequest(secret, 'OUTCOME_API_SECRET', request, deps.now());
  if (!opened.ok) return opened.response;
  const reference = parseReference(request.reference);
  if (!reference) return { status: 404, body: { error: 'No referral with that reference.' } };
  const event = eventSchema.safeParse(opened.json);
  if (!event.success)
    return {
      status: 400,
      body: {
        error: 'The body must be {"eventId", "outcome", "note"}.',
        problems: event.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
      },
    };

  const result = await recordOutcomeFromSystem(deps, reference, {
    eventId: event.data.eventId,
    code: event.data.outcome,
    note: event.data.note,
  });
  switch (result.status) {
    case 'recorded':
      return { status: 200, body: { status: 'recorded', reference } };
    case 'duplicate-event':
      return { status: 200, body: { status: 'duplicate', reference, detail: 'This event id was accepted before; nothing changed.' } };
    case 'already-recorded':
      return { status: 409, body: { error: 'An outcome is already recorded for this referral.', outcome: result.referral.outcomeCode } };
    case 'not-found':
      return { status: 404, body: { error: 'No referral with that reference.' } };
    case 'not-delivered':
    case 'decided-elsewhere':
      // 409, not 404: the referral exists but was never acknowledged as delivered (still being sent, or dead-lettered).
      return { status: 409, body: { error: 'This referral has not been delivered, so no outcome can be recorded yet.' } };
    case 'invalid':
      return { status: 422, body: { error: 'The outcome was not recorded.', problems: result.errors } };
  }
}
