/**
 * POST /api/messages: the one door Teams knocks on. It checks the activity's shape (400), lets the Teams
 * edge authenticate and run the turn, and maps every failure to its status: bad token or refused tenant 401,
 * identity service unreachable 503, our own fault 500. Each refusal is one plain sentence in a JSON body and
 * one log line, which names the reason and the token's issuer and app id, never the token or any other claim.
 */
import type { Request, Response } from 'restify';
import type { Logger } from '../logging/logger';
import { authenticationStatus, type ActivityProcessor } from '../teams/adapter';
import { classifyFailure, TENANT_REFUSED, tokenOrigin, type EdgeFailure } from './edgeFailure';
import { parseInboundActivity } from './inboundActivity';

const PATH = '/api/messages';

export interface MessagesEndpointDeps {
  /** Authenticates and runs one activity (teams/adapter.ts). */
  processActivity: ActivityProcessor;
  logger: Logger;
}

export function messagesEndpoint(deps: MessagesEndpointDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const parsed = parseInboundActivity(req.body);
    if (!parsed.ok) {
      deps.logger.warn({ path: PATH, status: 400, field: parsed.field }, 'activity refused: not a valid activity');
      res.json(400, { error: 'This is not a valid Bot Framework activity.' });
      return;
    }
    const authHeader = authorizationOf(req);
    try {
      const result = await deps.processActivity(authHeader, parsed.activity);
      if (result.refused) return refuse(deps.logger, res, TENANT_REFUSED, { ...tokenOrigin(authHeader), tenant: result.tenantId });
      answer(res, result.invokeResponse?.status ?? 200, result.invokeResponse?.body);
    } catch (error) {
      const failure = classifyFailure(error, authHeader, authenticationStatus(error));
      refuse(deps.logger, res, failure, failureDetails(failure, error, authHeader));
    }
  };
}

function refuse(logger: Logger, res: Response, failure: EdgeFailure, details: Record<string, unknown>): void {
  const fields = { path: PATH, status: failure.status, reason: failure.reason, ...details };
  if (failure.status === 401) logger.warn(fields, 'authentication failed');
  else if (failure.status === 503) logger.error(fields, 'identity service unreachable');
  else logger.error(fields, 'activity failed');
  res.json(failure.status, { error: failure.sentence });
}

/** What the log may say about a failure: the token's origin for a refusal, the cause or the error otherwise. */
function failureDetails(failure: EdgeFailure, error: unknown, authHeader: string): Record<string, unknown> {
  if (failure.status === 401) return tokenOrigin(authHeader);
  if (failure.status === 503) return { cause: (error as { code?: unknown }).code ?? (error as Error).name };
  const { name, message, stack } = error as Error;
  return { err: { name, message, stack } };
}

function authorizationOf(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

function answer(res: Response, status: number, body: unknown): void {
  if (body === undefined) {
    res.status(status);
    res.end();
  } else {
    res.json(status, body);
  }
}
