/**
 * The directory the benchmarked bot runs with: the sample directory plus one DSL at Sample Primary for each
 * concurrent sender. One person sends from one personal chat, as in Teams, so the bot's per-person state
 * (the saved conversation reference) behaves as it would with real people, not as one person in 32 chats.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { SAMPLE_DIRECTORY } from '../../src/config';

export const BENCH_SENDERS = 64;

/** The Entra object id of the benchmark's sender number `sender`. */
export function benchDsl(sender: number): string {
  return `00000000-0000-0000-0000-1${String(sender).padStart(11, '0')}`;
}

/** Writes the directory into `dataDir` as directory.yaml, where a bot in local mode reads it. */
export function writeBenchDirectory(dataDir: string): void {
  const sample = YAML.parse(readFileSync(SAMPLE_DIRECTORY, 'utf8')) as { schools: unknown[]; people: unknown[] };
  const dsls = Array.from({ length: BENCH_SENDERS }, (_, sender) => ({
    name: `Bench DSL ${sender}`,
    aadObjectId: benchDsl(sender),
    upn: `bench-dsl-${sender}@example.com`,
    role: 'dsl',
    school: 'sample-primary',
  }));
  writeFileSync(path.join(dataDir, 'directory.yaml'), YAML.stringify({ ...sample, people: [...sample.people, ...dsls] }));
}
