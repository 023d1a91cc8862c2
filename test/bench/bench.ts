/**
 * `npm run bench`: the benchmarks, printing Markdown tables for the README (all but the long memory run
 * and the rendering micro-benchmark). `npm run bench -- search` (or referrals, updates, scale, turns,
 * turns-memory, render) runs one.
 * Benchmarks live in test/bench, outside the runtime build; they run with tsx and start bots from dist.
 */
import { benchReferrals } from './benchReferrals';
import { benchRender } from './benchRender';
import { benchScale } from './benchScale';
import { benchSearch } from './benchSearch';
import { benchTurns } from './benchTurns';
import { benchTurnsMemory } from './benchTurnsMemory';
import { benchUpdates } from './benchUpdates';

const BENCHES: Record<string, () => void | Promise<void>> = {
  search: benchSearch,
  referrals: benchReferrals,
  updates: benchUpdates,
  scale: benchScale,
  turns: benchTurns,
  'turns-memory': benchTurnsMemory,
  render: benchRender,
};

/** What `npm run bench` runs with no names: turns-memory takes about ten minutes on its own. */
const DEFAULT = ['search', 'referrals', 'updates', 'scale', 'turns'];

async function main(): Promise<void> {
  const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  for (const name of chosen.length > 0 ? chosen : DEFAULT) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`No benchmark called "${name}"; choose from ${Object.keys(BENCHES).join(', ')}`);
    await bench();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
