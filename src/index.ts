/**
 * Start-up: environment → config → bot. `npm start` runs this in local mode beside the Agents Playground;
 * `npm run serve` runs it in production mode, which refuses to start without credentials.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, PROJECT_ROOT } from './config';
import { startBot } from './startBot';

function loadLocalEnvironment(): void {
  // Local mode reads env/.env.local (committed, no secrets); values already in the environment win.
  const file = path.join(PROJECT_ROOT, 'env', '.env.local');
  if ((process.env.BOT_MODE ?? 'local') === 'local' && existsSync(file)) process.loadEnvFile(file);
}

async function main(): Promise<void> {
  loadLocalEnvironment();
  const config = loadConfig();
  const bot = await startBot(config);
  const shutdown = () => void bot.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
