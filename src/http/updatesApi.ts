/**
 * POST /api/updates: a council system posts an early-help update to school channels, signed like the
 * outcome API (HMAC-SHA256 over `timestamp.body`, timestamp within 5 minutes). The event id makes it
 * idempotent: a retried request returns the same update and posts nothing twice.
 */
import { z } from 'zod';
import { UPDATES_API_AUTHOR } from '../policies';
import { openSignedRequest, type ApiResponse, type SignedRequest } from '../security/signedRequests';
import { postUpdate } from '../updates/postUpdate';
import { AUDIENCE_CHOICES } from '../updates/updateCategories';
import type { UpdateDeps } from '../updates/updateDeps';
import { checkUpdate } from '../updates/updateForm';

const requestSchema = z
  .object({
    eventId: z.string().min(1).max(200),
    title: z.string(),
    message: z.string(),
    category: z.string(),
    /** "all", "primary", "secondary", "special", or a list of school ids. */
    audience: z.union([z.enum(AUDIENCE_CHOICES).exclude(['chosen']), z.array(z.string()).min(1)]),
    link: z.string().optional(),
    expiresOn: z.string(),
    /** Shown on the post as who it is from. */
    from: z.string().min(2).max(80).optional(),
  })
  .strict();

export async function handleUpdateRequest(deps: UpdateDeps, secret: string | undefined, request: SignedRequest): Promise<ApiResponse> {
  const opened = openSignedRequest(secret, 'UPDATES_API_SECRET', request, deps.now());
  if (!opened.ok) return opened.response;
  const parsed = requestSchema.safeParse(opened.json);
  if (!parsed.success)
    return {
      status: 400,
      body: {
        error: 'See the README for the body of POST /api/updates.',
        problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
      },
    };

  const body = parsed.data;
  const chosen = Array.isArray(body.audience);
  const check = checkUpdate(
    {
      ...body,
      audience: chosen ? 'chosen' : (body.audience as string),
      schools: chosen ? (body.audience as string[]).join(',') : undefined,
    },
    deps.calendar.dateOf(deps.now()),
    deps.directory.snapshot().schools.map((school) => school.id),
  );
  if (!check.ok) return { status: 422, body: { error: 'The update was not posted.', problems: check.errors } };
  const result = await postUpdate(
    deps,
    { id: UPDATES_API_AUTHOR, name: body.from ?? 'Council early-help team' },
    check.draft,
    `api:${body.eventId}`,
  );
  if (result.status === 'already-posted') return { status: 200, body: { status: 'duplicate', updateId: result.update.id } };
  return { status: 202, body: { status: 'queued', updateId: result.update.id, channels: result.channels } };
}
