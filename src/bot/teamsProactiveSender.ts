/**
 * Every message the bot sends unasked (an outcome card, a chase prompt, an early-help update) leaves
 * through here, so Teams' limits for bots hold in one place: at most 7 messages a second into one
 * conversation and 50 a second across the tenant, counted over any one-second span.
 *
 * botbuilder's HTTP client retries a throttled request by itself (three more tries); those hidden retries
 * would break our counting, so they are switched off here and the outbox retries instead, with backoff,
 * jitter and the Retry-After Teams gives.
 */
import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { DeliveryFailure, RecipientGone } from '../outbox/jobHandler';
import type { SlidingWindowLimiter } from '../outbox/slidingWindowLimiter';

/** Answers worth trying again: throttled (429), precondition (412), and server or gateway trouble. */
const RETRYABLE = new Set([401, 408, 412, 429, 500, 502, 503, 504]);
/** The bot is no longer in the conversation, or it no longer exists. */
const GONE = new Set([403, 404]);

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
  async sendCard(reference: Partial<ConversationReference>, card: object): Promise<void> {
    const conversation = reference.conversation?.id ?? 'unknown';
    await this.limiter.acquire([
      { key: `tenant:${reference.conversation?.tenantId ?? 'unknown'}`, limit: this.limits.perTenant, windowMs: 1000 },
      { key: `conversation:${conversation}`, limit: this.limits.perConversation, windowMs: 1000 },
    ]);
    try {
      // In local mode the app id is empty and the Playground's connector needs no token.
      await this.adapter.continueConversationAsync(this.botAppId ?? '', reference, async (context) => {
        withoutHiddenRetries(context);
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      });
    } catch (error) {
      throw failureFrom(error);
    }
  }
}

function withoutHiddenRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(options: { name: string }): void } } } | undefined;
  client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

function failureFrom(error: unknown): DeliveryFailure {
  const { statusCode, response } = error as { statusCode?: number; response?: { headers?: { get(name: string): string | undefined } } };
  if (statusCode === undefined) return new DeliveryFailure(`Teams could not be reached (${(error as Error)?.name ?? 'error'})`, true);
  if (GONE.has(statusCode)) return new RecipientGone(`Teams answered ${statusCode}: the bot is no longer in this conversation`);
  const retryAfter = Number(response?.headers?.get('retry-after'));
  return new DeliveryFailure(`Teams answered ${statusCode}`, RETRYABLE.has(statusCode), Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined);
}
