/**
 * The HTTP layer: restify routes only (the only folder that imports restify). Each handler parses,
 * delegates and answers; no business logic here. The API handlers sit beside this file.
 *   POST /api/messages  Bot Framework activities (shape and errors: messagesEndpoint.ts; JWT and tenant: the Teams edge)
 *   POST /api/referrals/{reference}/outcome  a council system records an outcome (HMAC-signed; see outcomeApi.ts)
 *   POST /api/updates   a council system posts an early-help update to school channels (HMAC-signed; see updatesApi.ts)
 *   GET  /healthz       the process is alive
 *   GET  /readyz        the knowledge index and the directory are loaded and the database takes a write
 */
import restify from 'restify';
import type { Logger } from '../logging/logger';
import type { ApiResponse, SignedRequest } from '../security/signedRequests';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../security/hmacSignature';
import type { Database } from '../storage/database';
import { databaseTakesWrites } from '../storage/writeProbe';
import type { ActivityProcessor } from '../teams/adapter';
import { messagesEndpoint } from './messagesEndpoint';
import type { OutcomeApiRequest } from './outcomeApi';

/** The running server, for start-up and tests; nothing outside src/http imports restify itself. */
export type HttpServer = restify.Server;

export interface ServerDependencies {
  /** Authenticates and runs one activity: JWT, tenant guard, rate limit, routes (the Teams edge, src/teams). */
  processActivity: ActivityProcessor;
  /** Checks and applies an outcome sent by a council system. */
  recordOutcomeEvent: (request: OutcomeApiRequest) => Promise<ApiResponse>;
  /** Checks and posts an early-help update sent by a council system. */
  postUpdate: (request: SignedRequest) => Promise<ApiResponse>;
  database: Database;
  isKnowledgeLoaded: () => boolean;
  /** False while the directory is still waiting for its database: everyone would be unknown. */
  isDirectoryLoaded: () => boolean;
  logger: Logger;
}

/** What a caller is told when restify itself refuses a request, by status. */
const REFUSAL_SENTENCES: Record<number, string> = {
  400: 'The request body is not valid JSON.',
  404: 'There is nothing at this address.',
  405: 'This address does not accept that method.',
  413: 'The request is too large.',
};

/** Teams activities are small; anything larger than this is not a legitimate activity. */
const MAX_BODY_BYTES = 256 * 1024;

export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'safeguarding-assistant', handleUncaughtExceptions: false });
  server.use(securityHeaders);
  server.use(jsonOnlyForPosts);
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', messagesEndpoint({ processActivity: deps.processActivity, logger: deps.logger }));

  server.post('/api/referrals/:reference/outcome', async (req, res) => {
    const { status, body } = await deps.recordOutcomeEvent({ reference: String(req.params.reference ?? ''), ...signedRequestOf(req) });
    deps.logger.info({ path: '/api/referrals/:reference/outcome', status }, 'outcome API request');
    res.json(status, body);
  });

  server.post('/api/updates', async (req, res) => {
    const { status, body } = await deps.postUpdate(signedRequestOf(req));
    deps.logger.info({ path: '/api/updates', status }, 'updates API request');
    res.json(status, body);
  });

  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'alive' });
  });

  server.get('/readyz', async (_req, res) => {
    const checks = {
      knowledge: deps.isKnowledgeLoaded(),
      directory: deps.isDirectoryLoaded(),
      database: await databaseTakesWrites(deps.database.sql),
    };
    const ready = Object.values(checks).every(Boolean);
    res.json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
  });

  server.on('restifyError', (req, _res, error, callback) => {
    deps.logger.warn({ method: req.method, path: req.path(), status: error.statusCode }, 'request refused');
    // restify's own body quotes its parser's message ("Expected property name … at position 1"): say one plain sentence.
    error.toJSON = () => ({ error: REFUSAL_SENTENCES[error.statusCode] ?? 'The request was refused.' });
    return callback();
  });
  return server;
}

/** The signature covers the body exactly as sent, so it is checked against the raw text, not re-serialised JSON. */
function signedRequestOf(req: restify.Request): SignedRequest {
  return {
    rawBody: (req as restify.Request & { rawBody?: string }).rawBody ?? '',
    timestamp: req.header(TIMESTAMP_HEADER) || undefined,
    signature: req.header(SIGNATURE_HEADER) || undefined,
  };
}

/** The APIs speak JSON only; anything else is refused before it is parsed. */
function jsonOnlyForPosts(req: restify.Request, res: restify.Response, next: restify.Next): void {
  if (req.method === 'POST' && !(req.contentType() ?? '').startsWith('application/json')) {
    res.json(415, { error: 'Send application/json.' });
    return next(false);
  }
  next();
}

function securityHeaders(_req: restify.Request, res: restify.Response, next: restify.Next): void {
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('X-Frame-Options', 'DENY');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('Cache-Control', 'no-store');
  res.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}
