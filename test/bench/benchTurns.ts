/**
 * `npm run bench -- turns`: what one turn of the real bot costs next to the floor, the same stack answering
 * every message with one small card (floorBot.mjs). Both run in child processes of their own, in local mode,
 * driven over loopback with a fake Teams connector at concurrency 1 and 32 (turnLoad.ts), each scenario
 * warmed up first, floor and bot taking turns in four rounds. Prints a Markdown table: turns/s, p50 and p99 per scenario, and the ratio to the floor.
 * BENCH_TURNS scales the number of measured turns (default 1: 400 at concurrency 1, 1,600 at 32);
 * BENCH_SCENARIOS=question,status runs only those (for profiling one kind of turn with BENCH_CPU_PROF).
 */
import { startBenchBot, type BenchBot } from './turnBots';
import { driveTurns, percentile, startReplyConnector, type FakeConnector, type TurnTimes } from './turnLoad';
import { ACTIVITIES, SCENARIO_NAMES, SCENARIOS, type Scenario } from './turnScenarios';

const CONCURRENCY = [1, 32] as const;
const SCALE = Number(process.env.BENCH_TURNS ?? 1);
const TURNS: Record<number, number> = { 1: Math.round(400 * SCALE), 32: Math.round(1600 * SCALE) };
const WARMUP: Record<number, number> = { 1: 50, 32: 160 };
const ROUNDS = 4;

interface Row {
  scenario: Scenario;
  concurrency: number;
  floor: TurnTimes;
  real: TurnTimes;
}

export async function benchTurns(): Promise<void> {
  const connector = await startReplyConnector();
  const floor = await startBenchBot('floor');
  const real = await startBenchBot('real');
  try {
    await seedReferrals(real, connector);
    const rows: Row[] = [];
    for (const scenario of chosenScenarios()) {
      for (const concurrency of CONCURRENCY) {
        const options = { concurrency, turns: Math.round(TURNS[concurrency] / ROUNDS), warmup: WARMUP[concurrency] };
        // The floor answers anything with its card, so it gets exactly the same activities. The two take
        // turns, ROUNDS times each, so a change in the machine's load falls on both alike.
        const floorRounds: TurnTimes[] = [];
        const realRounds: TurnTimes[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          floorRounds.push(await driveTurns(floor.url, connector, ACTIVITIES[scenario], options));
          realRounds.push(await driveTurns(real.url, connector, ACTIVITIES[scenario], options));
        }
        const [floorTimes, realTimes] = [combined(floorRounds), combined(realRounds)];
        rows.push({ scenario, concurrency, floor: floorTimes, real: realTimes });
        console.error(`  ${scenario} at ${concurrency}: floor ${rate(floorTimes).toFixed(0)}/s, real ${rate(realTimes).toFixed(0)}/s`);
      }
    }
    console.log(turnsTable(rows));
  } finally {
    await Promise.all([floor.stop(), real.stop()]);
    await connector.close();
  }
}

function chosenScenarios(): Scenario[] {
  const chosen = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());
  return chosen ? SCENARIOS.filter((scenario) => chosen.includes(scenario)) : [...SCENARIOS];
}

/** `status` lists the school's most recent referrals: 25 of them, as the issue asks. */
async function seedReferrals(bot: BenchBot, connector: FakeConnector): Promise<void> {
  await driveTurns(bot.url, connector, ACTIVITIES.submit, { concurrency: 1, turns: 25, warmup: 0 });
}

function combined(rounds: TurnTimes[]): TurnTimes {
  return {
    turns: rounds.reduce((sum, round) => sum + round.turns, 0),
    seconds: rounds.reduce((sum, round) => sum + round.seconds, 0),
    latencies: rounds.flatMap((round) => round.latencies).sort((a, b) => a - b),
  };
}

function rate(times: TurnTimes): number {
  return times.turns / times.seconds;
}

function turnsTable(rows: Row[]): string {
  const lines = [
    '| turn | concurrency | floor turns/s | bot turns/s | ratio | floor p50 | bot p50 | floor p99 | bot p99 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { scenario, concurrency, floor, real } of rows) {
    const ms = (times: TurnTimes, p: number) => `${percentile(times.latencies, p).toFixed(1)} ms`;
    lines.push(
      `| ${SCENARIO_NAMES[scenario]} | ${concurrency} | ${rate(floor).toFixed(0)} | ${rate(real).toFixed(0)} | ${(rate(real) / rate(floor)).toFixed(2)} | ${ms(floor, 50)} | ${ms(real, 50)} | ${ms(floor, 99)} | ${ms(real, 99)} |`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  benchTurns().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
