import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const KEY = Buffer.alloc(32, 1).toString('base64');
const production = {
  BOT_MODE: 'production',
  MicrosoftAppId: 'app-id',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: 'TENANT-A',
  REFERRAL_ENCRYPTION_KEY: KEY,
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('local mode needs nothing, listens on loopback and carries no credentials', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.credentials).toBeUndefined();
  });

  it('local mode refuses to listen on a public interface', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/^HOST: local mode listens on 127\.0\.0\.1 only/);
  });

  it('production mode names every missing credential', () => {
    const problems = problemsOf({ BOT_MODE: 'production' });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'MicrosoftAppId',
      'MicrosoftAppTenantId',
      'MicrosoftAppPassword (or MicrosoftAppPasswordFile)',
      'REFERRAL_ENCRYPTION_KEY (or REFERRAL_ENCRYPTION_KEY_FILE)',
    ]);
  });

  it('refuses an encryption key that is not 32 bytes of base64', () => {
    expect(problemsOf({ ...production, REFERRAL_ENCRYPTION_KEY: 'too-short' })[0]).toMatch(
      /^REFERRAL_ENCRYPTION_KEY: must be 32 random bytes/,
    );
  });

  it('local mode needs no key or secret: the bot keeps its own in DATA_DIR', () => {
    const config = loadConfig({});
    expect(config.referrals.encryptionKey).toBeUndefined();
    expect(config.referrals.outcomeApiSecret).toBeUndefined();
  });

  it('routes each kind of referral to an adapter, with that adapter’s own variables', () => {
    const config = loadConfig({
      FRONT_DOOR_ADAPTER: 'Webhook',
      FRONT_DOOR_WEBHOOK_URL: 'https://cases.example/referrals',
      EARLY_HELP_WEBHOOK_URL: 'https://ignored.example',
    });
    expect(config.referrals.adapters['front-door']).toEqual({ name: 'webhook', settings: { URL: 'https://cases.example/referrals' } });
    expect(config.referrals.adapters['early-help']).toEqual({ name: 'inbox', settings: {} });
  });

  it('a user-assigned managed identity needs no secret', () => {
    const config = loadConfig({
      BOT_MODE: 'production',
      MicrosoftAppId: 'id',
      MicrosoftAppTenantId: 't',
      MicrosoftAppType: 'UserAssignedMSI',
      REFERRAL_ENCRYPTION_KEY: KEY,
    });
    expect(config.credentials).toMatchObject({ appId: 'id', appType: 'UserAssignedMSI', password: undefined });
  });

  it('production allows only the bot’s own tenant unless told otherwise', () => {
    expect(loadConfig(production).allowedTenantIds).toEqual(['tenant-a']);
    expect(loadConfig({ ...production, ALLOWED_TENANT_IDS: ' X, y ,' }).allowedTenantIds).toEqual(['x', 'y']);
  });

  it('names a password file that cannot be read', () => {
    const { MicrosoftAppPassword: _omit, ...withoutPassword } = production;
    const problems = problemsOf({ ...withoutPassword, MicrosoftAppPasswordFile: '/nonexistent/secret' });
    expect(problems[0]).toMatch(/^MicrosoftAppPasswordFile: cannot read \/nonexistent\/secret/);
  });

  it('rejects a malformed value with the variable name', () => {
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT:/);
    expect(problemsOf({ BOT_MODE: 'staging' })[0]).toMatch(/^BOT_MODE:/);
  });
});
