import { Redactor } from '../electron/core/redactor';
import { runRepeat } from '../electron/core/repeat/run-repeat';
import { runHandshake } from '../electron/core/run-engine';

import { benchPlan } from './bench-plan';
import { row, type BenchRow } from './bench-row';
import { median, rounds } from './bench-stats';
import { settledRssMb } from './force-gc';
import { childCpuMs, ownCpuMs } from './process-cpu';

const SECTION = '3. repeat throughput';

/**
 * `runRepeat` as the CLI's `--repeat` uses it, `count` handshakes at `concurrency`, several
 * rounds in one process. RSS is read after a forced full collection before and after each
 * round; the growth figure is the median per round, and the whole-bench growth is reported
 * too, since a leak would show there first.
 */
export async function measureRepeatThroughput(
  server: string,
  options: { rounds: number; count: number; concurrency: number; sandboxPid: number },
): Promise<BenchRow[]> {
  const firstRss = settledRssMb();
  const perRound = await rounds(options.rounds, async (index) => {
    // Side by side with a bare pool of engine calls, which goes first every other round.
    const bareFirst = index % 2 === 1;
    const bareFirstSeconds = bareFirst ? await timedBarePool(server, options) : 0;
    const before = settledRssMb();
    const engineCpuBefore = ownCpuMs();
    const sandboxCpuBefore = childCpuMs(options.sandboxPid);
    const started = performance.now();
    const { summary, kept } = await runRepeat({
      makePlan: () => benchPlan(server),
      options: { count: options.count, concurrency: options.concurrency, intervalMs: 0 },
    });
    const seconds = (performance.now() - started) / 1000;
    const engineCpu = (ownCpuMs() - engineCpuBefore) / summary.done;
    const sandboxCpuAfter = childCpuMs(options.sandboxPid);
    const sandboxCpu =
      sandboxCpuBefore === null || sandboxCpuAfter === null
        ? Number.NaN
        : (sandboxCpuAfter - sandboxCpuBefore) / summary.done;
    const after = settledRssMb();
    const bareSeconds = bareFirst ? bareFirstSeconds : await timedBarePool(server, options);

    return {
      barePerSecond: options.count / bareSeconds,
      perSecond: summary.done / seconds,
      joined: summary.byOutcome.joined,
      growthMb: after - before,
      kept: kept.size,
      after,
      engineCpu,
      sandboxCpu,
    };
  });
  const lastRss = perRound.at(-1)?.after ?? Number.NaN;
  const notJoined = perRound.reduce((sum, r) => sum + (options.count - r.joined), 0);
  const note = `${options.rounds} rounds x ${options.count} at concurrency ${options.concurrency}`;
  const engineCpu = median(perRound.map((r) => r.engineCpu));
  const sandboxCpu = median(perRound.map((r) => r.sandboxCpu));

  return [
    row({
      section: SECTION,
      metric: 'handshakes per second',
      value: median(perRound.map((r) => r.perSecond)),
      unit: '/s',
      atLeast: 300,
      note:
        `${note}; ` +
        `rounds ${perRound.map((r) => r.perSecond.toFixed(0)).join(', ')}; ${notJoined} ` +
        `not joined`,
    }),
    row({
      section: SECTION,
      metric: 'bare pool of engine calls, same count and concurrency',
      value: median(perRound.map((r) => r.barePerSecond)),
      unit: '/s',
      note:
        `no runRepeat: ${options.concurrency} loops awaiting runHandshake; ` +
        `rounds ${perRound.map((r) => r.barePerSecond.toFixed(0)).join(', ')}; runRepeat / ` +
        `bare ${median(perRound.map((r) => r.perSecond / r.barePerSecond)).toFixed(2)}`,
    }),
    row({
      section: SECTION,
      metric: 'CPU per handshake: engine process / sandbox process',
      value: engineCpu,
      unit: 'ms',
      note:
        `sandbox ${sandboxCpu.toFixed(2)} ms; with a core each, CPU alone would ` +
        `allow about ${(1000 / Math.max(engineCpu, sandboxCpu)).toFixed(0)}/s`,
    }),
    row({
      section: SECTION,
      metric: 'RSS growth per round',
      value: median(perRound.map((r) => r.growthMb)),
      unit: 'MB',
      lessThan: 50,
      note:
        `after forced GC; rounds ${perRound.map((r) => r.growthMb.toFixed(1)).join(', ')}; ` +
        `kept runs per round ${perRound[0]?.kept ?? 0}`,
    }),
    row({
      section: SECTION,
      metric: 'RSS before first / after last round',
      value: lastRss - firstRss,
      unit: 'MB',
      lessThan: 50,
      note:
        `${firstRss.toFixed(0)} MB -> ${lastRss.toFixed(0)} ` +
        `MB over ${options.rounds * options.count} handshakes`,
    }),
  ];
}

/**
 * `count` engine handshakes from `concurrency` loops, with nothing kept or counted; resolves
 * with the seconds it took.
 */
async function timedBarePool(
  server: string,
  { count, concurrency }: { count: number; concurrency: number },
): Promise<number> {
  const started = performance.now();
  let next = 0;
  const loop = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      await runHandshake(benchPlan(server), { sink: () => undefined, redactor: new Redactor() });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));

  return (performance.now() - started) / 1000;
}
