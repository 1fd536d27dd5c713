import { DEMO_APP_KEYS, DEMO_ORIGIN } from '../electron/core/demo-apps';
import { Redactor } from '../electron/core/redactor';
import { runHandshake } from '../electron/core/run-engine';

import { baselineHandshake } from './baseline-handshake';
import { BENCH_ROOM, benchPlan } from './bench-plan';
import { row, type BenchRow } from './bench-row';
import { median, rounds } from './bench-stats';

const SECTION = '1. handshake latency';

/** One engine handshake (API request + join, no lingering, no diagnosis), timed. */
export async function engineHandshake(server: string): Promise<number> {
  const plan = benchPlan(server);
  const started = performance.now();
  const result = await runHandshake(plan, {
    sink: () => undefined,
    redactor: new Redactor(),
    stopAfter: 'join',
  });
  const elapsed = performance.now() - started;
  if (result.outcome !== 'joined') {
    throw new Error(`engine handshake ended ${result.outcome}: ${result.error?.message ?? ''}`);
  }

  return elapsed;
}

/**
 * The engine against the bare baseline, side by side: each round runs `pairs` handshakes of
 * each, alternating which goes first, and keeps the median of each; the figures are medians
 * over rounds, and the ratio is the median of the per-round ratios.
 */
export async function measureHandshakeLatency(
  server: string,
  options: { rounds: number; pairs: number; warmup: number },
): Promise<BenchRow[]> {
  const target = { server, appKey: DEMO_APP_KEYS.cors, room: BENCH_ROOM, origin: DEMO_ORIGIN };
  for (let index = 0; index < options.warmup; index += 1) {
    await engineHandshake(server);
    await baselineHandshake(target);
  }

  const perRound = await rounds(options.rounds, async () => {
    const engine: number[] = [];
    const baseline: number[] = [];
    for (let pair = 0; pair < options.pairs; pair += 1) {
      if (pair % 2 === 0) {
        engine.push(await engineHandshake(server));
        baseline.push(await baselineHandshake(target));
      } else {
        baseline.push(await baselineHandshake(target));
        engine.push(await engineHandshake(server));
      }
    }

    return { engine: median(engine), baseline: median(baseline) };
  });
  const engineMs = median(perRound.map((r) => r.engine));
  const baselineMs = median(perRound.map((r) => r.baseline));
  const ratio = median(perRound.map((r) => r.engine / r.baseline));
  const spread = (values: number[]): string =>
    `${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}`;
  const note = `${options.rounds} rounds x ${options.pairs} pairs`;

  return [
    row({
      section: SECTION,
      metric: 'engine: API request + join',
      value: engineMs,
      unit: 'ms',
      note: `${note}; round medians ${spread(perRound.map((r) => r.engine))} ms`,
    }),
    row({
      section: SECTION,
      metric: 'baseline: bare fetch + socket.io 2.5.0 join',
      value: baselineMs,
      unit: 'ms',
      note: `round medians ${spread(perRound.map((r) => r.baseline))} ms`,
    }),
    row({
      section: SECTION,
      metric: 'engine / baseline',
      value: ratio,
      unit: 'x',
      atMost: 1.15,
      note: `per-round ratios ${spread(perRound.map((r) => r.engine / r.baseline))}`,
    }),
  ];
}
