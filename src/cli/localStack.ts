/**
 * Starts the bot (local mode) and Microsoft's Agents Playground side by side as child processes.
 * Used by `npm start` and by the end-to-end tests, so both exercise exactly the same start-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PROJECT_ROOT } from '../config';
import { playgroundConfigFor } from './playgroundUser';

export interface LocalStack {
  botUrl: string;
  playgroundUrl: string;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  botPort: number;
  playgroundPort: number;
  /** Extra environment for the bot process (tests point DATA_DIR at a temporary folder). */
  botEnv?: Record<string, string>;
  /** Where child output goes: inherit for `npm start`, ignore for tests. */
  stdio?: 'inherit' | 'ignore';
  /** Which role the Playground's current user plays (see playgroundUser.ts); default dsl. */
  asRole?: string;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stdio = options.stdio ?? 'inherit';
  const botUrl = `http://127.0.0.1:${options.botPort}`;
  const playgroundUrl = `http://localhost:${options.playgroundPort}`;
  const workDir = path.join(PROJECT_ROOT, 'data');
  mkdirSync(workDir, { recursive: true });
  const playgroundConfig = playgroundConfigFor(options.asRole, workDir);
  const bot = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'index.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BOT_MODE: 'local', PORT: String(options.botPort), ...options.botEnv },
    stdio,
  });
  const playground = spawn(
    process.execPath,
    [
      path.join(PROJECT_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '--app-endpoint', `${botUrl}/api/messages`,
      '--channel-id', 'msteams',
      '--port', String(options.playgroundPort),
      '--disable-telemetry',
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none', // we print the URL; do not try to open a browser
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfig,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log'),
      },
      stdio,
    },
  );
  const stop = async () => {
    await Promise.all([stopChild(bot), stopChild(playground)]);
  };
  try {
    await Promise.all([waitForHttp(`${botUrl}/readyz`, bot), waitForHttp(playgroundUrl, playground)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { botUrl, playgroundUrl, stop };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
