/**
 * The two bots the turn benchmarks compare, each in a child process of its own (so their garbage collection
 * and JIT do not mix with each other's or the load generator's), started the same way: plain `node` on
 * JavaScript, with --expose-gc and the memory probe preloaded.
 *  - real: dist/index.js in local mode, as `npm start` runs it, with its own temporary DATA_DIR (SQLite)
 *    holding the benchmark's directory (benchDirectory.ts);
 *  - floor: floorBot.mjs, the same stack answering every message with one small card.
 * BENCH_CPU_PROF=<folder> writes a V8 CPU profile of each bot there when it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { PLAYGROUND_TENANT } from '../support/activities';
import { writeBenchDirectory } from './benchDirectory';

export type BotKind = 'real' | 'floor';

export interface BenchBot {
  kind: BotKind;
  url: string;
  /** heapUsed and RSS in bytes, after a full GC in the bot's process. */
  memory(): Promise<{ heapUsed: number; rss: number }>;
  stop(): Promise<void>;
}

export async function startBenchBot(kind: BotKind, extraEnv: Record<string, string> = {}): Promise<BenchBot> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${kind}-`));
  writeBenchDirectory(dataDir);
  const script = kind === 'real' ? path.join(PROJECT_ROOT, 'dist', 'index.js') : path.join(__dirname, 'floorBot.mjs');
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`, `--cpu-prof-name=${kind}-${Date.now()}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, ['--expose-gc', '--require', path.join(__dirname, 'memoryProbe.cjs'), ...profile, script], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      BOT_MODE: 'local',
      PORT: String(port),
      DATA_DIR: dataDir,
      ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
      // As env/.env.local has it for `npm start`; the lines go to /dev/null rather than a terminal.
      LOG_LEVEL: 'info',
      // One benchmark user sends thousands of messages a minute; the per-person limit would refuse them.
      RATE_LIMIT_BURST: '1000000000',
      RATE_LIMIT_PER_SECOND: '1000000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child);
  return {
    kind,
    url,
    memory: () => askMemory(child),
    async stop() {
      // SIGINT lets the real bot close its database; --cpu-prof writes its profile on a normal exit.
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function askMemory(child: ChildProcess): Promise<{ heapUsed: number; rss: number }> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as { heapUsed: number; rss: number }));
    child.send('memory');
  });
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited !== null) throw new Error(`the bot at ${url} exited with ${exited} before it was ready (has npm run build run?)`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bot at ${url} was not ready within 60 s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
