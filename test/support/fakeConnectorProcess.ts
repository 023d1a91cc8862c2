import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ConnectorRequest, SentActivity } from './fakeConnector';

export interface RefusalRule {
  every: number;
  remainder: number;
  attempts: number;
  status: number;
  headers?: Record<string, string>;
}

/** The fake connector in a process of its own (see fakeConnectorServer.mjs), for timing measurements. */
export async function startFakeConnectorProcess(rules: RefusalRule[]) {
  const child = spawn(process.execPath, [path.join(__dirname, 'fakeConnectorServer.mjs')], {
    env: { ...process.env, FAKE_CONNECTOR_RULES: JSON.stringify(rules) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (line: Buffer) => resolve(JSON.parse(line.toString()).port));
    child.once('exit', (code) => reject(new Error(`the fake connector exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    state: async () => (await (await fetch(`${url}/_state`)).json()) as { sent: SentActivity[]; requests: ConnectorRequest[] },
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill())),
  };
}
