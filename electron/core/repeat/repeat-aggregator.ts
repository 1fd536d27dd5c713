import type { PhaseStats, RepeatSummary, ResultEvent, RunOutcome } from '../../contract';

import { LogHistogram } from './log-histogram';
import { outcomeKey } from './outcome-key';

/** A phase whose time a repeat summary reports. */
export type RepeatPhase = keyof RepeatSummary['phases'];

/** The phases in the order tables show them: API steps, then signalling, then the whole run. */
export const REPEAT_PHASES: readonly RepeatPhase[] = [
  'dns',
  'tcp',
  'tls',
  'ttfb',
  'api',
  'socket',
  'join',
  'total',
];

/**
 * Upper bounds of the total-time histogram, a 1-2-5 ladder from 1 ms to 1,000 s. A longer run
 * would be counted in the last bucket, but the engine's deadline (at most 600 s) ends every
 * run before that.
 */
export const HISTOGRAM_BOUNDS_MS: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000]
  .flatMap((decade) => [decade, decade * 2, decade * 5])
  .concat([1_000_000]);

/** What a summary needs besides the counts: the time, and which runs were kept. */
export interface SummaryInput {
  /** Wall-clock milliseconds, for `finishedAt`. */
  nowMs: number;
  /** Monotonic milliseconds since the batch started, for the rate. */
  elapsedMs: number;
  /** `true` once the batch has ended (all runs done, or cancelled). */
  finished: boolean;
  keptRunIds: string[];
  failedRunIds: string[];
}

/**
 * Folds the result of each run of a repeat batch into counts and fixed-size histograms, so a
 * summary costs the same memory after a million runs as after ten (see {@link LogHistogram}
 * for the percentile error). Pure: time comes in as arguments.
 *
 * Phase times come from every run that was not cancelled, failures included, since a timeout
 * is exactly the latency a user waits through; a cancelled run's times say only when the user
 * pressed stop.
 */
export class RepeatAggregator {
  readonly #repeatId: string;
  readonly #profileName: string;
  readonly #total: number;
  readonly #startedAt: string;
  readonly #outcomes = new Map<string, number>();
  readonly #byOutcome: Record<RunOutcome, number> = {
    joined: 0,
    rejected: 0,
    failed: 0,
    cancelled: 0,
  };
  readonly #phases = new Map<RepeatPhase, LogHistogram>(
    REPEAT_PHASES.map((phase) => [phase, new LogHistogram()]),
  );
  readonly #histogram = HISTOGRAM_BOUNDS_MS.map(() => 0);
  #done = 0;

  constructor(options: {
    repeatId: string;
    profileName: string;
    total: number;
    startedAtMs: number;
  }) {
    this.#repeatId = options.repeatId;
    this.#profileName = options.profileName;
    this.#total = options.total;
    this.#startedAt = new Date(options.startedAtMs).toISOString();
  }

  /** How many runs have been added. */
  get done(): number {
    return this.#done;
  }

  /** Adds one finished run and returns the key its outcome was counted under. */
  add(result: ResultEvent): string {
    const key = outcomeKey(result);
    this.#done += 1;
    this.#outcomes.set(key, (this.#outcomes.get(key) ?? 0) + 1);
    this.#byOutcome[result.outcome] += 1;
    if (result.outcome === 'cancelled') return key;

    const { timings } = result;
    this.#record('dns', timings.dnsMs);
    this.#record('tcp', timings.tcpMs);
    this.#record('tls', timings.tlsMs);
    this.#record('ttfb', timings.ttfbMs);
    this.#record('api', timings.totalMs);
    this.#record('socket', timings.socketConnectMs);
    this.#record('join', timings.joinMs);
    this.#record('total', result.durationMs);
    this.#countInHistogram(result.durationMs);

    return key;
  }

  /** The summary so far; a fresh object each call, safe to hand to another thread or window. */
  summary(input: SummaryInput): RepeatSummary {
    const settled = this.#done - this.#byOutcome.cancelled;
    const phases = Object.fromEntries(
      REPEAT_PHASES.map((phase) => [phase, this.#statsOf(phase)]),
    ) as RepeatSummary['phases'];

    return {
      repeatId: this.#repeatId,
      profileName: this.#profileName,
      total: this.#total,
      done: this.#done,
      // Cancelled runs neither joined nor failed, so they stay out of the rate.
      successRate: settled === 0 ? 0 : this.#byOutcome.joined / settled,
      outcomes: Object.fromEntries(
        [...this.#outcomes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      ),
      byOutcome: { ...this.#byOutcome },
      phases,
      histogram: this.#trimmedHistogram(),
      keptRunIds: [...input.keptRunIds],
      failedRunIds: [...input.failedRunIds],
      startedAt: this.#startedAt,
      finishedAt: input.finished ? new Date(input.nowMs).toISOString() : null,
      handshakesPerSecond: input.elapsedMs > 0 ? settled / (input.elapsedMs / 1000) : null,
    };
  }

  #record(phase: RepeatPhase, valueMs: number | null): void {
    if (valueMs === null) return;

    this.#phases.get(phase)?.record(valueMs);
  }

  #statsOf(phase: RepeatPhase): PhaseStats {
    const histogram = this.#phases.get(phase);
    if (histogram === undefined) return { count: 0, p50: null, p95: null, p99: null, max: null };

    return {
      count: histogram.count,
      p50: roundMs(histogram.percentile(50)),
      p95: roundMs(histogram.percentile(95)),
      p99: roundMs(histogram.percentile(99)),
      max: roundMs(histogram.max),
    };
  }

  #countInHistogram(valueMs: number): void {
    if (!Number.isFinite(valueMs) || valueMs < 0) return;

    const found = HISTOGRAM_BOUNDS_MS.findIndex((upper) => valueMs <= upper);
    const index = found === -1 ? HISTOGRAM_BOUNDS_MS.length - 1 : found;
    this.#histogram[index] = (this.#histogram[index] ?? 0) + 1;
  }

  /** The buckets from the first to the last non-empty one, so a table shows only its range. */
  #trimmedHistogram(): RepeatSummary['histogram'] {
    const first = this.#histogram.findIndex((count) => count > 0);
    if (first === -1) return [];

    const last = this.#histogram.findLastIndex((count) => count > 0);

    return HISTOGRAM_BOUNDS_MS.slice(first, last + 1).map((upperMs, offset) => ({
      upperMs,
      count: this.#histogram[first + offset] ?? 0,
    }));
  }
}

/** Three decimals: finer than the histogram's resolution, and short in JSON. */
function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
