/**
 * Every message the bot sends unasked (an outcome card, a chase prompt, an early-help update) leaves
 * through here, so Teams' limits for bots hold in one place: at most 7 messages a second into one
 * conversation and 50 a second across the tenant, counted over any one-second span.
 *
 * Both adjustments are made to the HTTP pipeline of the connector client botbuilder creates for the send:
 *  - the rate limit waits right before the request leaves and is told when its answer is back, so it can
 *    keep the limit as Teams counts it, on arrival (see outbox/slidingWindowLimiter.ts);
 *  - botbuilder's client retries a throttled request by itself (three more tries); those hidden retries
 *    would break the count too, so they are removed and the outbox retries instead, with backoff, jitter
 *    and the Retry-After Teams gives.
 *
 * Neither has a supported extension point in botbuilder 4.23 (see docs/ARCHITECTURE.md, "The Teams edge"):
 * `ConnectorClientOptions.noRetryPolicy` is declared but ignored by botbuilder-stdlib's client, its retry
 * options are not passed on, and a policy given through `requestPolicyFactories` runs before the retry
 * phase, so hidden retries would slip past the limit. So the pipeline is adjusted here, on the one client of
 * each send, and this file is the only place that knows the connector client's shape.
 */
import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { DeliveryFailure, RecipientGone } from '../outbox/jobHandler';
import type { RateLimit, SlidingWindowLimiter } from '../outbox/slidingWindowLimiter';

/** Answers worth trying again: throttled (429), precondition (412), and server or gateway trouble. */
const RETRYABLE = new Set([401, 408, 412, 429, 500, 502, 503, 504]);
/** The bot is no longer in the conversation, or it no longer exists. */
const GONE = new Set([403, 404]);
const WINDOW_MS = 1000;

/** Where to post: the conversation reference remembered from an earlier activity (conversationMemory.ts). */
export type ProactiveReference = Partial<ConversationReference>;

export interface ProactiveLimits {
  perConversation: number;
  perTenant: number;
}

export class TeamsProactiveSender {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string | undefined,
    private readonly limiter: SlidingWindowLimiter,
    private readonly limits: ProactiveLimits,
  ) {}

  /** Sends the card as a new message in the conversation; throws DeliveryFailure (RecipientGone) if Teams refuses. */
  async sendCard(reference: ProactiveReference, card: object): Promise<void> {
    const limits: RateLimit[] = [
      { key: `tenant:${reference.conversation?.tenantId ?? 'unknown'}`, limit: this.limits.perTenant, windowMs: WINDOW_MS },
      { key: `conversation:${reference.conversation?.id ?? 'unknown'}`, limit: this.limits.perConversation, windowMs: WINDOW_MS },
    ];
    let refused: unknown;
    try {
      // In local mode the app id is empty and the Playground's connector needs no token.
      await this.adapter.continueConversationAsync(this.botAppId ?? '', reference, async (context) => {
        adjustPipeline(context, () => this.limiter.acquire(limits));
        // Caught here, not thrown: an error thrown in this turn would reach the adapter's onTurnError, which
        // would post an apology into the conversation and report the send as done.
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))).catch((error: unknown) => (refused = error));
      });
    } catch (error) {
      refused = error; // e.g. no token could be obtained
    }
    if (refused !== undefined) throw failureFrom(refused);
  }
}

interface Pipeline {
  removePolicy(options: { name: string }): void;
  addPolicy(
    policy: { name: string; sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown> },
    options?: { afterPhase?: string },
  ): void;
}

/** Removes the hidden retries and waits for the rate limit last, just before the request goes out. */
function adjustPipeline(context: TurnContext, waitForTurn: () => Promise<() => void>): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: Pipeline } } | undefined;
  const pipeline = client?.client?.pipeline;
  if (!pipeline) throw new Error('The Bot Framework connector client has changed shape: check TeamsProactiveSender');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy(
    {
      name: 'teamsRateLimit',
      sendRequest: async (request, next) => {
        const finished = await waitForTurn();
        try {
          return await next(request);
        } finally {
          finished();
        }
      },
    },
    { afterPhase: 'Sign' },
  );
}

function failureFrom(error: unknown): DeliveryFailure {
  const { statusCode, response } = error as { statusCode?: number; response?: { headers?: { get(name: string): string | undefined } } };
  if (statusCode === undefined) return new DeliveryFailure(`Teams could not be reached (${(error as Error)?.name ?? 'error'})`, true);
  if (GONE.has(statusCode)) return new RecipientGone(`Teams answered ${statusCode}: the bot is no longer in this conversation`);
  const retryAfter = Number(response?.headers?.get('retry-after'));
  return new DeliveryFailure(
    `Teams answered ${statusCode}`,
    RETRYABLE.has(statusCode),
    Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
  );
}
