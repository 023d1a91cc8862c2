/**
 * POST /api/messages: the one door Teams knocks on. It checks the activity's shape (400), lets the adapter
 * authenticate and run the turn, and maps every failure to its status: bad token 401, identity service
 * unreachable 503, our own fault 500. Each refusal is one plain sentence in a JSON body and one log line,
 * which names the reason and the token's issuer and app id, never the token or any other claim.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../logging/logger';
import type { BotAdapter } from './adapter';
import { classifyFailure, tokenOrigin } from './edgeFailure';
import { parseInboundActivity, type InboundActivity } from './inboundActivity';
import { TenantNotAllowedError } from './tenantGuard';

const PATH = '/api/messages';

export interface MessagesEndpointDeps {
  adapter: BotAdapter;
  handleTurn: (context: TurnContext) => Promise<void>;
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
      const invokeResponse = await deps.adapter.processAuthenticated(authHeader, asBotbuilderActivity(parsed.activity), deps.handleTurn);
      answer(res, invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      const failure = classifyFailure(error, authHeader);
      logFailure(deps.logger, failure, error, authHeader);
      res.json(failure.status, { error: failure.sentence });
    }
  };
}

function logFailure(logger: Logger, failure: ReturnType<typeof classifyFailure>, error: unknown, authHeader: string): void {
  const fields = { path: PATH, status: failure.status, reason: failure.reason };
  if (failure.status === 401) {
    const tenant = error instanceof TenantNotAllowedError ? error.tenantId : undefined;
    logger.warn({ ...fields, ...tokenOrigin(authHeader), tenant }, 'authentication failed');
  } else if (failure.status === 503) {
    logger.error({ ...fields, cause: (error as { code?: unknown }).code ?? (error as Error).name }, 'identity service unreachable');
  } else {
    const { name, message, stack } = error as Error;
    logger.error({ ...fields, err: { name, message, stack } }, 'activity failed');
  }
}

function authorizationOf(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

/** botbuilder expects Date timestamps, as its own request reader makes them. */
function asBotbuilderActivity(activity: InboundActivity): Activity {
  const dated = { ...activity } as Record<string, unknown>;
  for (const key of ['timestamp', 'localTimestamp'] as const) {
    if (typeof activity[key] === 'string') {
      dated[`raw${key[0].toUpperCase()}${key.slice(1)}`] = activity[key];
      dated[key] = new Date(activity[key]);
    }
  }
  return dated as unknown as Activity;
}

function answer(res: Response, status: number, body: unknown): void {
  if (body === undefined) {
    res.status(status);
    res.end();
  } else {
    res.json(status, body);
  }
}
