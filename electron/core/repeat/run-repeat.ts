import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';

import type { RepeatOptions, RepeatSummary, ResultEvent, TimelineEvent } from '../../contract';
import { systemClock, type Clock } from '../clock';
import { DiagnosticError } from '../diagnostic-error';
import { createLogger } from '../logger';
import { Redactor } from '../redactor';
import { runHandshake, type EngineOptions } from '../run-engine';
import type { RunPlan } from '../run-plan';

import { createProgressThrottle } from './progress-throttle';
import { RepeatAggregator } from './repeat-aggregator';
import { checkRepeatOptions } from './repeat-options';
import { RunKeeper } from './run-keeper';

const log = createLogger('diag:repeat');

/** At most ten progress reports a second. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * How long a cancelled batch waits for its in-flight runs to report `cancelled` before it
 * counts them as cancelled itself and returns, so a stuck run cannot hold the summary back.
 */
const CANCEL_GRACE_MS = 5_000;

/** Kept by default: a handful of successes to compare with, and plenty of failures. */
export const DEFAULT_KEEP_SUCCESS_SAMPLE = 5;
export const DEFAULT_KEEP_FAILURES = 50;

/** The engine a batch drives; {@link runHandshake} unless a test or bench swaps it. */
export type RepeatEngine = typeof runHandshake;

/** What {@link runRepeat} needs. */
export interface RunRepeatInput {
  /** Called once per run, so each run gets a fresh start time and credentials. */
  makePlan: () => RunPlan;
  options: RepeatOptions;
  /** Aborting stops new runs and cancels those in flight; the summary still comes back. */
  signal?: AbortSignal;
  /** Throttled to at most 10 calls a second; the last call carries the final summary. */
  onProgress?: (summary: RepeatSummary) => void;
  /** Successful runs kept in full, as a uniform random sample (default 5). */
  keepSuccessSample?: number;
  /** Failed runs kept in full, every kind of failure first (default 50). */
  keepFailures?: number;
  /**
   * The keeper to fill, so the caller can open kept runs while the batch is still going;
   * when given, `keepSuccessSample` and `keepFailures` are its own business.
   */
  keeper?: RunKeeper;
  engine?: RepeatEngine;
  /**
   * Passed to every run as they are (`diagnose`, `stopAfter`, `clock`, `lookup`, …); the batch
   * supplies the sink, the redactor and the signal. Diagnosis costs CPU on every run, so it is
   * off unless given here.
   */
  engineOptions?: Omit<EngineOptions, 'sink' | 'redactor' | 'signal'>;
  /** Default a random `rpt-…` id; run ids are `<repeatId>-<n>` from 1. */
  repeatId?: string;
  clock?: Clock;
  /** How long a cancel waits for in-flight runs before counting them itself (default 5 s). */
  cancelGraceMs?: number;
}

/** A finished (or cancelled) batch: its summary and the events of the runs it kept. */
export interface RepeatResult {
  summary: RepeatSummary;
  kept: Map<string, TimelineEvent[]>;
}

/**
 * Runs `count` handshakes with `concurrency` workers, each pausing `intervalMs` before each
 * run, every run with its own {@link Redactor}. Results are folded into a
 * {@link RepeatAggregator} as they come and only the runs a {@link RunKeeper} picks keep their
 * events, so memory is bounded by the caps and the concurrency, not by `count`.
 *
 * Throws a `DiagnosticError` (`input.invalid`) for bad options, and whatever `makePlan`
 * throws for the first plan; a later `makePlan` failure or engine throw counts as a failed run.
 */
export async function runRepeat(input: RunRepeatInput): Promise<RepeatResult> {
  const checked = checkRepeatOptions(input.options);
  if (!checked.ok) {
    throw new DiagnosticError(checked.error.code, checked.error.message, checked.error.detail);
  }
  const { count, concurrency, intervalMs } = checked.value;
  const clock = input.clock ?? systemClock;
  const engine = input.engine ?? runHandshake;
  const repeatId = input.repeatId ?? `rpt-${randomBytes(4).toString('hex')}`;
  const firstPlan = input.makePlan();

  const aggregator = new RepeatAggregator({
    repeatId,
    profileName: firstPlan.profileName,
    total: count,
    startedAtMs: clock.now(),
  });
  const keeper =
    input.keeper ??
    new RunKeeper({
      keepSuccessSample: input.keepSuccessSample ?? DEFAULT_KEEP_SUCCESS_SAMPLE,
      keepFailures: input.keepFailures ?? DEFAULT_KEEP_FAILURES,
    });
  const startedMono = clock.monotonic();
  let finished = false;
  const snapshot = (): RepeatSummary =>
    aggregator.summary({
      nowMs: clock.now(),
      elapsedMs: clock.monotonic() - startedMono,
      finished,
      keptRunIds: keeper.keptRunIds(),
      failedRunIds: keeper.failedRunIds(),
    });
  const progress = createProgressThrottle({
    minIntervalMs: PROGRESS_INTERVAL_MS,
    now: () => clock.monotonic(),
    report: () => {
      if (input.onProgress === undefined) return;
      try {
        input.onProgress(snapshot());
      } catch (error) {
        log.error('progress listener threw', { repeatId, error });
      }
    },
  });

  // One controller for the batch, so the caller's signal reaches every run and pause at once.
  const batch = new AbortController();
  // Every in-flight run and pause listens on it; Node warns past 10 listeners by default.
  setMaxListeners(Math.min(concurrency, count) * 4 + 10, batch.signal);
  const onAbort = (): void => batch.abort();
  if (input.signal?.aborted === true) batch.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });

  let next = 0;
  const inFlight = new Map<string, number>();
  const finishRun = (runId: string, result: ResultEvent, events: TimelineEvent[]): void => {
    if (!inFlight.delete(runId)) return;

    const key = aggregator.add(result);
    keeper.offer(runId, key, events);
    progress.request();
  };

  const runOne = async (index: number): Promise<void> => {
    const runId = `${repeatId}-${index + 1}`;
    const events: TimelineEvent[] = [];
    inFlight.set(runId, clock.monotonic());
    let result: ResultEvent;
    try {
      const plan = index === 0 ? firstPlan : input.makePlan();
      result = await engine(plan, {
        ...input.engineOptions,
        sink: (event) => events.push(event),
        redactor: new Redactor(),
        signal: batch.signal,
      });
    } catch (error) {
      const info = DiagnosticError.from(error).toInfo();
      log.warn('repeat run threw instead of ending with a result', { runId, code: info.code });
      result = syntheticResult(
        batch.signal.aborted ? 'cancelled' : 'failed',
        clock.monotonic() - (inFlight.get(runId) ?? clock.monotonic()),
        info,
      );
    }
    finishRun(runId, result, events);
  };

  const worker = async (): Promise<void> => {
    // Bounded by `count`: each turn claims one index, and an abort ends the loop.
    while (next < count && !batch.signal.aborted) {
      const index = next;
      next += 1;
      if (intervalMs > 0 && !(await pause(intervalMs, batch.signal))) break;
      await runOne(index);
    }
  };

  const workers = Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  await Promise.race([
    workers,
    graceAfterAbort(batch.signal, input.cancelGraceMs ?? CANCEL_GRACE_MS),
  ]);
  input.signal?.removeEventListener('abort', onAbort);

  // Runs the engine has not answered for within the grace period are counted as cancelled.
  // Known limit: such a run is only abandoned, not stopped; its sockets stay open until the
  // engine's own deadline ends it, and its late result is dropped.
  for (const [runId, startedAt] of [...inFlight]) {
    log.warn('repeat run did not stop in time after cancel', { runId });
    finishRun(runId, syntheticResult('cancelled', clock.monotonic() - startedAt, null), []);
  }
  finished = true;
  await progress.flush();

  return { summary: snapshot(), kept: keeper.kept() };
}

/** Waits `ms`, or less if the signal fires; resolves `true` when the full pause elapsed. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles unless the signal fires; then resolves `graceMs` later. */
function graceAfterAbort(signal: AbortSignal, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const arm = (): void => {
      setTimeout(resolve, graceMs).unref();
    };
    if (signal.aborted) arm();
    else signal.addEventListener('abort', arm, { once: true });
  });
}

/** A `result` for a run that ended without one from the engine. */
function syntheticResult(
  outcome: 'failed' | 'cancelled',
  durationMs: number,
  error: ResultEvent['error'],
): ResultEvent {
  return {
    seq: 0,
    t: durationMs,
    at: new Date().toISOString(),
    type: 'result',
    outcome,
    durationMs,
    readyState: -1,
    readyStateError: null,
    systemAction: null,
    error: error ?? { code: 'run.cancelled', message: 'The run was cancelled' },
    timings: {
      dnsMs: null,
      tcpMs: null,
      tlsMs: null,
      ttfbMs: null,
      totalMs: null,
      apiAttempts: 0,
      socketConnectMs: null,
      joinMs: null,
      socketAttempts: 0,
    },
  };
}
