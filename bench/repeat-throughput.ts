import { runRepeat } from '../electron/core/repeat/run-repeat';

import { benchPlan } from './bench-plan';
import { row, type BenchRow } from './bench-row';
import { median, rounds } from './bench-stats';
import { settledRssMb } from './force-gc';

const SECTION = '3. repeat throughput';

/**
 * `runRepeat` as the CLI's `--repeat` uses it, `count` handshakes at `concurrency`, several
 * rounds in one process. RSS is read after a forced full collection before and after each
 * round; the growth figure is the median per round, and the whole-bench growth is reported
 * too, since a leak would show there first.
 */
export async function measureRepeatThroughput(
  server: string,
  options: { rounds: number; count: number; concurrency: number },
): Promise<BenchRow[]> {
  const firstRss = settledRssMb();
  const perRound = await rounds(options.rounds, async () => {
    const before = settledRssMb();
    const started = performance.now();
    const { summary, kept } = await runRepeat({
      makePlan: () => benchPlan(server),
      options: { count: options.count, concurrency: options.concurrency, intervalMs: 0 },
    });
    const seconds = (performance.now() - started) / 1000;
    const after = settledRssMb();

    return {
      perSecond: summary.done / seconds,
      joined: summary.byOutcome.joined,
      growthMb: after - before,
      kept: kept.size,
      after,
    };
  });
  const lastRss = perRound.at(-1)?.after ?? Number.NaN;
  const notJoined = perRound.reduce((sum, r) => sum + (options.count - r.joined), 0);
  const note = `${options.rounds} rounds x ${options.count} at concurrency ${options.concurrency}`;

  return [
    row({
      section: SECTION,
      metric: 'handshakes per second',
      value: median(perRound.map((r) => r.perSecond)),
      unit: '/s',
      atLeast: 300,
      note: `${note}; rounds ${perRound.map((r) => r.perSecond.toFixed(0)).join(', ')}; ${notJoined} not joined`,
    }),
    row({
      section: SECTION,
      metric: 'RSS growth per round',
      value: median(perRound.map((r) => r.growthMb)),
      unit: 'MB',
      lessThan: 50,
      note: `after forced GC; rounds ${perRound.map((r) => r.growthMb.toFixed(1)).join(', ')}; kept runs per round ${perRound[0]?.kept ?? 0}`,
    }),
    row({
      section: SECTION,
      metric: 'RSS before first / after last round',
      value: lastRss - firstRss,
      unit: 'MB',
      lessThan: 50,
      note: `${firstRss.toFixed(0)} MB -> ${lastRss.toFixed(0)} MB over ${options.rounds * options.count} handshakes`,
    }),
  ];
}
