import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { createAdapters } from '../../src/referrals/adapters';

function problemsFor(env: Record<string, string>): string[] {
  const config = loadConfig(env);
  try {
    createAdapters(config.referrals.adapters, { mode: config.mode, delivery: config.delivery });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('choosing an integration adapter per kind of referral', () => {
  it('defaults both kinds to the Teams inbox', () => {
    const config = loadConfig({});
    const adapters = createAdapters(config.referrals.adapters, { mode: 'local', delivery: config.delivery });
    expect([adapters['early-help'].name, adapters['front-door'].name]).toEqual(['inbox', 'inbox']);
  });

  it('names an adapter that does not exist', () => {
    expect(problemsFor({ FRONT_DOOR_ADAPTER: 'mosaic' })).toEqual([
      'FRONT_DOOR_ADAPTER: "mosaic" is not an adapter; choose one of inbox, webhook',
    ]);
  });

  it('names each missing webhook setting by its variable', () => {
    expect(problemsFor({ EARLY_HELP_ADAPTER: 'webhook' })).toEqual([
      'EARLY_HELP_WEBHOOK_URL: required, the full address to POST referrals to',
      'EARLY_HELP_WEBHOOK_SECRET (or EARLY_HELP_WEBHOOK_SECRET_FILE): required, at least 32 characters (e.g. openssl rand -base64 32)',
    ]);
  });

  it('insists on https in production', () => {
    const env = {
      BOT_MODE: 'production',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'p',
      MicrosoftAppTenantId: 't',
      REFERRAL_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      FRONT_DOOR_ADAPTER: 'webhook',
      FRONT_DOOR_WEBHOOK_URL: 'http://cases.example/referrals',
      FRONT_DOOR_WEBHOOK_SECRET: 'x'.repeat(40),
    };
    expect(problemsFor(env)).toEqual(['FRONT_DOOR_WEBHOOK_URL: must be https:// in production']);
    expect(problemsFor({ ...env, FRONT_DOOR_WEBHOOK_URL: 'https://cases.example/referrals' })).toEqual([]);
  });
});
