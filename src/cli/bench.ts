/**
 * `npm run bench`: every benchmark, printing Markdown tables for the README.
 * `npm run bench -- search` (or referrals, updates, scale) runs one.
 */
import { benchReferrals } from './benchReferrals';
import { benchScale } from './benchScale';
import { benchSearch } from './benchSearch';
import { benchUpdates } from './benchUpdates';

const BENCHES: Record<string, () => void | Promise<void>> = { search: benchSearch, referrals: benchReferrals, updates: benchUpdates, scale: benchScale };

async function main(): Promise<void> {
  const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  for (const name of chosen.length > 0 ? chosen : Object.keys(BENCHES)) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`No benchmark called "${name}"; choose from ${Object.keys(BENCHES).join(', ')}`);
    await bench();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
