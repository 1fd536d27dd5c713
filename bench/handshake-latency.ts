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

/** The three contenders of a round, in the order their first samples are taken. */
type Contender = 'engine' | 'baseline' | 'fresh';
const CONTENDERS: readonly Contender[] = ['engine', 'baseline', 'fresh'];

/**
 * The engine against the bare baseline, side by side: each round runs `sets` handshakes of
 * each, rotating which goes first, and keeps the median of each; the figures are medians over
 * rounds, and each ratio is the median of the per-round ratios. The verdict is against the
 * baseline as the issue defines it (a bare `fetch`, which reuses its connection); the same
 * baseline opening a new connection per API request, as the engine does, is reported beside
 * it so the cost of that choice is visible rather than folded into "overhead".
 */
export async function measureHandshakeLatency(
  server: string,
  options: { rounds: number; sets: number; warmup: number },
): Promise<BenchRow[]> {
  const target = { server, appKey: DEMO_APP_KEYS.cors, room: BENCH_ROOM, origin: DEMO_ORIGIN };
  const handshake: Record<Contender, () => Promise<number>> = {
    engine: () => engineHandshake(server),
    baseline: () => baselineHandshake(target),
    fresh: () => baselineHandshake(target, { freshConnection: true }),
  };
  for (let index = 0; index < options.warmup; index += 1) {
    for (const contender of CONTENDERS) await handshake[contender]();
  }

  const perRound = await rounds(options.rounds, async () => {
    const samples: Record<Contender, number[]> = { engine: [], baseline: [], fresh: [] };
    for (let set = 0; set < options.sets; set += 1) {
      for (let offset = 0; offset < CONTENDERS.length; offset += 1) {
        const contender = CONTENDERS[(set + offset) % CONTENDERS.length] ?? 'engine';
        samples[contender].push(await handshake[contender]());
      }
    }

    return {
      engine: median(samples.engine),
      baseline: median(samples.baseline),
      fresh: median(samples.fresh),
    };
  });
  const figure = (pick: (r: (typeof perRound)[number]) => number): number =>
    median(perRound.map(pick));
  const spread = (values: number[]): string =>
    `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;
  const roundsOf = (pick: (r: (typeof perRound)[number]) => number): string =>
    spread(perRound.map(pick));

  return [
    row({
      section: SECTION,
      metric: 'engine: API request + join',
      value: figure((r) => r.engine),
      unit: 'ms',
      note:
        `${options.rounds} rounds x ${options.sets} of each; ` +
        `round medians ${roundsOf((r) => r.engine)} ms`,
    }),
    row({
      section: SECTION,
      metric: 'baseline: bare fetch + socket.io 2.5.0 join',
      value: figure((r) => r.baseline),
      unit: 'ms',
      note: `fetch reuses its connection; round medians ${roundsOf((r) => r.baseline)} ms`,
    }),
    row({
      section: SECTION,
      metric: 'engine / baseline',
      value: figure((r) => r.engine / r.baseline),
      unit: 'x',
      atMost: 1.15,
      note: `per-round ratios ${roundsOf((r) => r.engine / r.baseline)}`,
    }),
    row({
      section: SECTION,
      metric: 'baseline, new API connection each time (as the engine)',
      value: figure((r) => r.fresh),
      unit: 'ms',
      note: `Connection: close; round medians ${roundsOf((r) => r.fresh)} ms`,
    }),
    row({
      section: SECTION,
      metric: 'engine / that baseline',
      value: figure((r) => r.engine / r.fresh),
      unit: 'x',
      note: `per-round ratios ${roundsOf((r) => r.engine / r.fresh)}`,
    }),
  ];
}
