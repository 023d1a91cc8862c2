/**
 * What happens to every authenticated activity before the routes see it: the tenant guard, a logger with
 * a request id for this turn, the text cleaned of the bot's mentions, channel chatter that is not for the
 * bot set aside, the per-user rate limit (messages and invokes alike), and card presses sent as invokes
 * (Action.Execute) run through the same verbs as Action.Submit. The adapter hands each turn to this function.
 *
 * A refused tenant is not thrown through botbuilder (which would need an error class botbuilder knows): the
 * turn says so in its result, and the HTTP layer answers 401.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cleanMessageText, mentionsBot } from '../conversation/inboundText';
import type { Logger } from '../logging/logger';
import type { UserRateLimiter } from '../storage/userRateRows';
import { isCardActionInvoke, refuseInvoke, runCardActionAsSubmit, runsAsSubmit, submitValueOf } from './invokes';
import { isTenantAllowed, OTHER_TENANT_REPLY, tenantOf } from './tenantGuard';
import { setTurnLogger } from './turnContext';

const TOO_FAST =
  'You are sending messages faster than I can answer. Please wait a few seconds and try again. If a child is in immediate danger, call 999.';

/** How a turn ended, for the HTTP layer: run (whatever the routes made of it), or refused for its tenant. */
export type TurnVerdict = { refused: false } | { refused: 'tenant'; tenantId: string | undefined };

export type TurnHandler = (context: TurnContext) => Promise<TurnVerdict>;

export interface TurnPipelineOptions {
  app: Application;
  allowedTenantIds: readonly string[];
  logger: Logger;
  /** In memory, or shared by every instance on PostgreSQL (storage/userRateRows.ts). */
  rateLimiter: UserRateLimiter;
}

const RAN: TurnVerdict = { refused: false };

export function createTurnPipeline(options: TurnPipelineOptions): TurnHandler {
  return async (context) => {
    const { activity } = context;
    if (!isTenantAllowed(activity, options.allowedTenantIds)) {
      // A person should see why nothing happens; if even that reply fails, the refusal still stands.
      // The HTTP layer logs the refusal (one line per refused request).
      if (activity.type === ActivityTypes.Message) await context.sendActivity(OTHER_TENANT_REPLY).catch(() => undefined);
      return { refused: 'tenant', tenantId: tenantOf(activity) };
    }
    const log = turnLoggerFor(context, options.logger);
    log.info(
      { activityType: activity.type, verb: verbOf(isCardActionInvoke(context) ? submitValueOf(activity.value) : activity.value) },
      'turn received',
    );
    // Decided on the text as sent, before the mentions are cleaned away.
    const ignore = isChatterNotForTheBot(context);
    // Text that is not a string (Teams never sends it) reads as no text: the help card, not an error.
    if (activity.type === ActivityTypes.Message) activity.text = cleanMessageText(activity) ?? '';
    if (ignore) {
      log.debug('channel message without a mention of the bot ignored');
      return RAN;
    }
    if (!(await withinRateLimit(context, options.rateLimiter, log))) return RAN;
    // Refreshes (CARD_REFRESH_VERBS) stay invokes: their routes answer with a card in the invoke response.
    if (runsAsSubmit(context)) await runCardActionAsSubmit(context, (turn) => options.app.run(turn).then(() => undefined));
    else await options.app.run(context);
    return RAN;
  };
}

/** Who, what, when: the staff member's Entra id and the kind of activity. Never the text or card values. */
function turnLoggerFor(context: TurnContext, logger: Logger): Logger {
  const { activity } = context;
  const log = logger.child({
    requestId: randomUUID(),
    user: activity.from?.aadObjectId ?? activity.from?.id,
    tenant: tenantOf(activity),
    conversationType: activity.conversation?.conversationType,
  });
  setTurnLogger(context, log);
  return log;
}

/**
 * In a channel or group chat the bot answers only posts that mention it. A card button pressed there is a
 * message with a value and no text, and still counts. Personal chat needs no mention.
 */
function isChatterNotForTheBot(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message || activity.conversation?.conversationType === 'personal') return false;
  const isCardPress = activity.value !== undefined && !activity.text;
  return !isCardPress && !mentionsBot(context.activity);
}

/** Messages and invokes share one bucket per user; a refused invoke still gets the response Teams waits for. */
async function withinRateLimit(context: TurnContext, rateLimiter: UserRateLimiter, log: Logger): Promise<boolean> {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return true;
  const decision = await rateLimiter.take(`${tenantOf(activity)}/${activity.from?.aadObjectId ?? activity.from?.id}`);
  if (decision === 'allow') return true;
  log.warn({ activityType: activity.type }, 'rate limited');
  if (activity.type === ActivityTypes.Invoke) await refuseInvoke(context, TOO_FAST);
  else if (decision === 'refuse-and-warn') await context.sendActivity(TOO_FAST);
  return false;
}

/** Card submissions carry a verb naming the button; it is safe to log, unlike the values typed. */
function verbOf(value: unknown): string | undefined {
  const verb = (value as { verb?: unknown } | undefined)?.verb;
  return typeof verb === 'string' ? verb.slice(0, 40) : undefined;
}
