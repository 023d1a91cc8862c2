import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { startBot } from '../../src/startBot';
import { PLAYGROUND_TENANT } from './activities';
import { botEnvFor, TEST_DATABASE_URL, type Engine } from './databases';
import { startFakeConnector } from './fakeConnector';

export { TEST_DATABASE_URL };

/** A real bot on a free loopback port with its own data folder. Needs `npm run build` for the index. */
export async function startTestBot(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bot-data-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_TENANT_IDS: PLAYGROUND_TENANT, ...env });
  return startBot(config, createLogger('silent'));
}

export const PRODUCTION_ENV = {
  BOT_MODE: 'production',
  HOST: '127.0.0.1',
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: PLAYGROUND_TENANT,
  // A fixed test key (32 bytes, base64); production keys come from a secret store.
  REFERRAL_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/**
 * For a describe block: a real bot on either engine (PostgreSQL in a fresh schema) and a fake Teams
 * connector, started before its tests and stopped (schema dropped) after. `env` may be a function, read
 * when the bot starts, for settings that earlier hooks create (a receiver's URL).
 * Read them inside tests (`harness.bot`), not at declaration time.
 */
export function useBotWithConnector(env: Record<string, string> | (() => Record<string, string>) = {}, engine: Engine = 'sqlite') {
  const harness = {} as { bot: Awaited<ReturnType<typeof startTestBot>>; connector: Awaited<ReturnType<typeof startFakeConnector>> };
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await botEnvFor(engine);
    cleanup = database.cleanup;
    harness.bot = await startTestBot({ ...database.env, ...(typeof env === 'function' ? env() : env) });
    harness.connector = await startFakeConnector();
  });
  afterAll(async () => {
    await harness.bot?.stop();
    await harness.connector?.close();
    await cleanup?.();
  });
  return harness;
}
