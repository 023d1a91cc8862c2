/**
 * The Bot Framework adapter. In production it validates every inbound JWT against our app id (CloudAdapter
 * does this); in local mode there are no credentials, which botbuilder treats as "authentication disabled",
 * and config.ts guarantees local mode only ever listens on loopback.
 */
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { TenantNotAllowedError } from './tenantGuard';

export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
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
  const adapter = new TeamsAdapter({}, factory);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // A refused tenant must reach CloudAdapter.process as an error so it answers 401 and sends nothing.
    if (error instanceof TenantNotAllowedError) throw error;
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on my side and nothing was changed. Please try again in a minute; if a child may be at risk, phone the front door now.');
  };
  return adapter;
}
