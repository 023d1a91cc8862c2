/**
 * The Bot Framework adapter. In production it validates every inbound JWT against our app id (CloudAdapter
 * does this), with our narrower clock-skew allowance (tokenLifetime.ts); in local mode there are no
 * credentials, which botbuilder treats as "authentication disabled", and config.ts guarantees local mode only
 * ever listens on loopback. The HTTP edge (messagesEndpoint.ts) calls `processAuthenticated` itself rather
 * than CloudAdapter.process, so that it alone decides every status code and log line.
 */
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { TenantNotAllowedError } from './tenantGuard';
import { authenticationConfiguration } from './tokenLifetime';

export class BotAdapter extends TeamsAdapter {
  /** Authenticates the request, runs the turn and returns the invoke response; throws what went wrong. */
  processAuthenticated(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
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
    // A refused tenant must reach the HTTP edge as an error so it answers 401.
    if (error instanceof TenantNotAllowedError) throw error;
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on my side and nothing was changed. Please try again in a minute; if a child may be at risk, phone the front door now.');
  };
  return adapter;
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
