/**
 * The Bot Framework adapter and how it authenticates. In production it validates every inbound JWT against
 * our app id (CloudAdapter does this), with our narrower clock-skew allowance (security/tokenLifetime.ts)
 * through botframework-connector's supported hook, AuthenticationConfiguration.validateClaims; in local mode
 * there are no credentials, which botbuilder treats as "authentication disabled", and config.ts guarantees
 * local mode only ever listens on loopback. The HTTP layer (http/messagesEndpoint.ts) calls
 * `processActivity` below rather than CloudAdapter.process, so that it alone decides every status code and
 * log line.
 */
import {
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConfiguration,
  AuthenticationConstants,
  AuthenticationError,
  SkillValidation,
  type Claim,
} from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { lifetimeProblem, type LifetimeProblem } from '../security/tokenLifetime';
import type { TurnHandler } from './turnPipeline';

/** What became of one authenticated activity: its invoke response, or the tenant refused. Errors are thrown. */
export type ActivityResult =
  { refused: false; invokeResponse?: { status: number; body?: unknown } } | { refused: 'tenant'; tenantId: string | undefined };

/** Authenticates the request and runs the turn; throws what went wrong (see `authenticationStatus`). */
export type ActivityProcessor = (authHeader: string, activity: Record<string, unknown>) => Promise<ActivityResult>;

/**
 * CloudAdapter's `processActivity` (authenticate, then run the turn, returning the invoke response and throwing
 * what went wrong) is protected; its public wrappers either write the HTTP response themselves (`process`)
 * or wrap every error in a plain Error (`processActivityDirect`), which would lose the 401/503 distinction.
 */
export class BotAdapter extends TeamsAdapter {
  processAuthenticated(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function activityProcessor(adapter: BotAdapter, handleTurn: TurnHandler): ActivityProcessor {
  return async (authHeader, activity) => {
    let refusal: ActivityResult | undefined;
    const invokeResponse = await adapter.processAuthenticated(authHeader, asBotbuilderActivity(activity), async (context) => {
      const verdict = await handleTurn(context);
      if (verdict.refused) refusal = verdict;
    });
    return refusal ?? { refused: false, invokeResponse };
  };
}

/** A Bot Framework authentication failure's status (5xx: the identity service could not be reached), else undefined. */
export function authenticationStatus(error: unknown): number | undefined {
  return error instanceof AuthenticationError ? error.statusCode : undefined;
}

export function createAdapter(config: Config, logger: Logger): BotAdapter {
  const credentials = config.credentials;
  const factory = new ConfigurationServiceClientCredentialFactory(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.password,
          MicrosoftAppType: credentials.appType,
          MicrosoftAppTenantId: credentials.tenantId,
        }
      : {},
  );
  const adapter = new BotAdapter(publicCloudSettings(config.botOpenIdMetadataUrl), factory, authenticationConfiguration());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type },
      'turn failed',
    );
    await context.sendActivity(
      'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute; if a child may be at risk, phone the front door now.',
    );
  };
  return adapter;
}

/** A genuine token used outside its lifetime (plus our allowance). `reason` feeds the auth failure log. */
export class TokenLifetimeError extends AuthenticationError {
  constructor(readonly reason: LifetimeProblem) {
    super(reason === 'token-expired' ? 'The token has expired' : 'The token is not valid yet', StatusCodes.UNAUTHORIZED);
    this.name = 'TokenLifetimeError';
  }
}

export function authenticationConfiguration(now: () => number = Date.now): AuthenticationConfiguration {
  return new AuthenticationConfiguration([], async (claims) => checkClaims(claims, now() / 1000));
}

/** Throws if the token is outside its lifetime by more than the allowance, or is a bot-to-bot (skill) token. */
export function checkClaims(claims: Claim[], nowSeconds: number): void {
  // Setting validateClaims replaces botbuilder's own refusal of skill tokens; we have no skills, so refuse them.
  if (SkillValidation.isSkillClaim(claims)) throw new AuthenticationError('Skill tokens are not accepted', StatusCodes.UNAUTHORIZED);
  const problem = lifetimeProblem(claims, nowSeconds);
  if (problem) throw new TokenLifetimeError(problem);
}

/**
 * The public Azure cloud's endpoints. Naming one of them makes botbuilder expect all of them, so when the
 * signing-key metadata is moved (BotOpenIdMetadata: a proxy, or a test's own keys) every one is given.
 */
function publicCloudSettings(openIdMetadataUrl: string | undefined): Record<string, string | boolean> {
  if (!openIdMetadataUrl) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** botbuilder expects Date timestamps, as its own request reader makes them. */
function asBotbuilderActivity(activity: Record<string, unknown>): Activity {
  const dated = { ...activity };
  for (const key of ['timestamp', 'localTimestamp'] as const) {
    const value = activity[key];
    if (typeof value === 'string') {
      dated[`raw${key[0].toUpperCase()}${key.slice(1)}`] = value;
      dated[key] = new Date(value);
    }
  }
  return dated as unknown as Activity;
}
