/**
 * What happens to every authenticated activity before the routes see it: the tenant guard, a logger with
 * a request id for this turn, and the per-user rate limit. The server hands each turn to this function.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { Logger } from '../logging/logger';
import type { RateLimiter } from './rateLimiter';
import { isTenantAllowed, OTHER_TENANT_REPLY, TenantNotAllowedError, tenantOf } from './tenantGuard';

const TURN_LOGGER = Symbol('turnLogger');

export interface TurnHandlerOptions {
  app: Application;
  allowedTenantIds: readonly string[];
  logger: Logger;
  rateLimiter: RateLimiter;
}

export function createTurnHandler(options: TurnHandlerOptions): (context: TurnContext) => Promise<void> {
  const { rateLimiter } = options;
  return async (context) => {
    const { activity } = context;
    if (!isTenantAllowed(activity, options.allowedTenantIds)) {
      options.logger.warn({ tenant: tenantOf(activity), activityType: activity.type }, 'tenant refused');
      // A person should see why nothing happens; if even that reply fails, the refusal still stands.
      if (activity.type === ActivityTypes.Message) await context.sendActivity(OTHER_TENANT_REPLY).catch(() => undefined);
      throw new TenantNotAllowedError(tenantOf(activity));
    }
    // Who, what, when: the staff member's Entra id and the kind of activity. Never the text or card values.
    const log = options.logger.child({
      requestId: randomUUID(),
      user: activity.from?.aadObjectId ?? activity.from?.id,
      tenant: tenantOf(activity),
      conversationType: activity.conversation?.conversationType,
    });
    context.turnState.set(TURN_LOGGER, log);
    log.info({ activityType: activity.type, verb: verbOf(activity.value) }, 'turn received');

    if (activity.type === ActivityTypes.Message) {
      const decision = rateLimiter.take(`${tenantOf(activity)}/${activity.from?.aadObjectId ?? activity.from?.id}`);
      if (decision !== 'allow') {
        log.warn('rate limited');
        if (decision === 'refuse-and-warn') {
          await context.sendActivity('You are sending messages faster than I can answer. Please wait a few seconds and try again. If a child is in immediate danger, call 999.');
        }
        return;
      }
    }
    await options.app.run(context);
  };
}

/** The logger for this turn (with its request id); routes use it instead of the process-wide one. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return context.turnState.get(TURN_LOGGER) ?? fallback;
}

/** Card submissions carry a verb naming the button; it is safe to log, unlike the values typed. */
function verbOf(value: unknown): string | undefined {
  const verb = (value as { verb?: unknown } | undefined)?.verb;
  return typeof verb === 'string' ? verb.slice(0, 40) : undefined;
}
