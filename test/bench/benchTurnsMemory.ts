/**
 * `npm run bench -- turns-memory`: heap and RSS of the real bot over 20,000 turns, sampled after a full
 * garbage collection every 2,000 (memoryProbe.cjs, in the bot's own process). The turns cycle through the
 * four kinds the turn benchmark measures (a question, `status`, `refer early help`, a referral submit) at
 * concurrency 8, so every route's caches and the database's growth show. Prints a Markdown table.
 * BENCH_MEMORY_TURNS changes the total (default 20,000).
 */
import { startBenchBot } from './turnBots';
import { driveTurns, startReplyConnector, type ActivityFor } from './turnLoad';
import { ACTIVITIES, SCENARIOS } from './turnScenarios';

const TOTAL = Number(process.env.BENCH_MEMORY_TURNS ?? 20_000);
const EVERY = TOTAL / 10;
const CONCURRENCY = 8;

/** Three questions, a status, a refer and a submit in every eight turns: mostly questions, as in use. */
const MIX: ActivityFor = (serviceUrl, sender, n) => {
  const kind = [0, 1, 2, 3, 4, 0, 1, 2][n % 8];
  return ACTIVITIES[SCENARIOS[Math.min(kind, 3)]](serviceUrl, sender, n);
};

export async function benchTurnsMemory(): Promise<void> {
  const connector = await startReplyConnector();
  const bot = await startBenchBot('real');
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const lines = ['| turns | heap used (MB) | RSS (MB) | turns/s |', '| --- | --- | --- | --- |'];
  try {
    const first = await bot.memory();
    lines.push(`| 0 | ${mb(first.heapUsed)} | ${mb(first.rss)} | |`);
    for (let done = 0; done < TOTAL; done += EVERY) {
      const times = await driveTurns(bot.url, connector, (url, sender, n) => MIX(url, sender, done + n), {
        concurrency: CONCURRENCY,
        turns: EVERY,
        warmup: 0,
      });
      const sample = await bot.memory();
      lines.push(
        `| ${(done + EVERY).toLocaleString('en-GB')} | ${mb(sample.heapUsed)} | ${mb(sample.rss)} | ${(times.turns / times.seconds).toFixed(0)} |`,
      );
      console.error(lines[lines.length - 1]);
    }
    console.log(lines.join('\n'));
  } finally {
    await bot.stop();
    await connector.close();
  }
}

if (require.main === module) {
  benchTurnsMemory().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
