/**
 * The last step of `npm run build` (after `pack:check`): validate the pack in knowledge/ and write the
 * serialised index the bot loads, with the pack version in it. A malformed file stops the build with the
 * file, the field and what is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { loadPack, PackError } from '../knowledge/loadPack';
import { buildKnowledge } from '../knowledge/searchIndex';

const packDir = path.join(PROJECT_ROOT, 'knowledge');
const outFile = process.env.KNOWLEDGE_INDEX_PATH ?? path.join(PROJECT_ROOT, 'dist', 'knowledge', 'index.json');

try {
  const started = performance.now();
  const built = buildKnowledge(loadPack(packDir));
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(built));
  const ms = Math.round(performance.now() - started);
  console.error(
    `Knowledge index: ${built.pack.answers.length} answers, pack ${built.pack.version.label} → ${path.relative(process.cwd(), outFile)} (${ms} ms)`,
  );
} catch (error) {
  console.error(error instanceof PackError ? error.message : error);
  process.exit(1);
}
