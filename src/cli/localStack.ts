/**
 * Starts the bot (local mode) and Microsoft's Agents Playground side by side as child processes: one
 * Playground per role, on consecutive ports, all talking to the same bot, so that (say) a DSL in one browser
 * tab refers a child and front-door staff in another record the outcome.
 * Used by `npm start` and by the end-to-end tests, so both exercise exactly the same start-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PROJECT_ROOT } from '../config';
import { playgroundConfigFor } from './playgroundUser';

export interface LocalStack {
  botUrl: string;
  /** The first role's Playground. */
  playgroundUrl: string;
  playgrounds: Array<{ role: string; url: string }>;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  botPort: number;
  /** The first Playground's port; each further role takes the next port. */
  playgroundPort: number;
  /** Extra environment for the bot process (tests point DATA_DIR at a temporary folder). */
  botEnv?: Record<string, string>;
  /** Where child output goes: inherit for `npm start`, ignore for tests. */
  stdio?: 'inherit' | 'ignore';
  /** Which roles to open a Playground for (see playgroundUser.ts); default just dsl. */
  asRoles?: string[];
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stdio = options.stdio ?? 'inherit';
  const botUrl = `http://127.0.0.1:${options.botPort}`;
  const workDir = path.join(PROJECT_ROOT, 'data');
  mkdirSync(workDir, { recursive: true });
  const roles = options.asRoles && options.asRoles.length > 0 ? options.asRoles : ['dsl'];
  const configs = roles.map((role) => playgroundConfigFor(role, workDir)); // refuses an unknown role before anything starts
  const bot = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'index.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BOT_MODE: 'local', PORT: String(options.botPort), ...options.botEnv },
    stdio,
  });
  const playgrounds = roles.map((role, index) => {
    const port = options.playgroundPort + index;
    return {
      role,
      url: `http://localhost:${port}`,
      child: startPlayground(botUrl, port, configs[index], path.join(workDir, `playground.${role}.log`), stdio),
    };
  });
  const stop = async () => {
    await Promise.all([stopChild(bot), ...playgrounds.map((playground) => stopChild(playground.child))]);
  };
  try {
    await Promise.all([
      waitForHttp(`${botUrl}/readyz`, bot),
      ...playgrounds.map((playground) => waitForHttp(playground.url, playground.child)),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { botUrl, playgroundUrl: playgrounds[0].url, playgrounds: playgrounds.map(({ role, url }) => ({ role, url })), stop };
}

function startPlayground(botUrl: string, port: number, configFile: string, logFile: string, stdio: 'inherit' | 'ignore'): ChildProcess {
  return spawn(
    process.execPath,
    [
      path.join(PROJECT_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '--app-endpoint',
      `${botUrl}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none', // we print the URL; do not try to open a browser
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      stdio,
    },
  );
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
