import { randomBytes } from 'node:crypto';

import {
  fail,
  ok,
  type Profile,
  type RepeatOptions,
  type RepeatSummary,
  type Result,
  type ResultEvent,
  type RunLog,
  type TimelineEvent,
} from '../contract';
import { systemClock, type Clock } from '../core/clock';
import { DiagnosticError } from '../core/diagnostic-error';
import { createLogger } from '../core/logger';
import { resolvePlan } from '../core/plan-resolver';
import { checkRepeatOptions } from '../core/repeat/repeat-options';
import { RunKeeper } from '../core/repeat/run-keeper';
import {
  DEFAULT_KEEP_FAILURES,
  DEFAULT_KEEP_SUCCESS_SAMPLE,
  runRepeat,
} from '../core/repeat/run-repeat';
import { headlineOf, stateOfResult } from '../core/run-outcome';

import type { PushListener } from './backend-types';
import type { RunManager } from './run-manager';

const log = createLogger('diag:repeat-manager');

// Known limit: batches and the runs they keep live in memory only (the last 20 batches); they
// are not written to the run history, so a restart of the host forgets them.
/** Finished batches kept for `repeat:get` and their kept runs; older ones are forgotten. */
const KEPT_BATCHES = 20;

interface Batch {
  summary: RepeatSummary;
  abort: AbortController;
  profile: Profile;
  /** Filled as runs end, so a kept run opens while the batch is still going. */
  keeper: RunKeeper;
  finished: Promise<void>;
}

/**
 * Runs repeat batches for the backend over the core's `runRepeat`: progress is pushed as
 * `repeat:progress` (throttled by the core), and the runs the batch keeps can be opened like
 * any run, from memory.
 */
export class RepeatManager {
  readonly #runs: RunManager;
  readonly #push: PushListener;
  readonly #clock: Clock;
  readonly #batches = new Map<string, Batch>();

  constructor(options: { runs: RunManager; push: PushListener; clock?: Clock }) {
    this.#runs = options.runs;
    this.#push = options.push;
    this.#clock = options.clock ?? systemClock;
  }

  /** Starts a batch; resolves once it is under way. */
  async start(profile: Profile, options: RepeatOptions): Promise<Result<{ repeatId: string }>> {
    const checked = checkRepeatOptions(options);
    if (!checked.ok) return checked;
    const input = await this.#runs.planInput(profile);
    if (!input.ok) return input;
    const first = resolvePlan(input.value, this.#clock.now());
    if (!first.ok) return first;

    const repeatId = `rpt-${randomBytes(6).toString('hex')}`;
    const abort = new AbortController();
    const batch: Batch = {
      summary: emptySummary(repeatId, profile.name, checked.value.count, this.#clock.now()),
      abort,
      profile,
      keeper: new RunKeeper({
        keepSuccessSample: DEFAULT_KEEP_SUCCESS_SAMPLE,
        keepFailures: DEFAULT_KEEP_FAILURES,
      }),
      finished: Promise.resolve(),
    };
    this.#batches.set(repeatId, batch);
    this.#forgetOld();

    // Each run gets a freshly resolved plan, so relative start times move with the clock.
    const makePlan = () => {
      const plan = resolvePlan(input.value, this.#clock.now());
      if (!plan.ok) throw new DiagnosticError(plan.error.code, plan.error.message);

      return plan.value;
    };
    batch.finished = runRepeat({
      makePlan,
      options: checked.value,
      signal: abort.signal,
      repeatId,
      keeper: batch.keeper,
      onProgress: (summary) => {
        batch.summary = summary;
        this.#push('repeat:progress', summary);
      },
    }).then(
      (result) => {
        batch.summary = result.summary;
      },
      (error: unknown) => {
        log.error('repeat batch failed', { repeatId, error });
        batch.summary = { ...batch.summary, finishedAt: new Date(this.#clock.now()).toISOString() };
        this.#push('repeat:progress', batch.summary);
      },
    );

    return ok({ repeatId });
  }

  cancel(repeatId: string): Result<null> {
    const batch = this.#batches.get(repeatId);
    if (batch === undefined) return unknown(repeatId);
    batch.abort.abort();

    return ok(null);
  }

  get(repeatId: string): Result<RepeatSummary> {
    const batch = this.#batches.get(repeatId);

    return batch === undefined ? unknown(repeatId) : ok(batch.summary);
  }

  /** Every batch held, newest first. */
  list(): RepeatSummary[] {
    return [...this.#batches.values()].map((batch) => batch.summary).reverse();
  }

  /** A run a batch keeps, as a run log; while the batch runs, one it may still evict. */
  runLog(runId: string): RunLog | undefined {
    for (const batch of this.#batches.values()) {
      const events = batch.keeper.eventsOf(runId);
      if (events !== undefined) return keptRunLog(runId, batch, events);
    }

    return undefined;
  }

  /** The batch a run id belongs to (run ids are `<repeatId>-<n>`), kept or not. */
  batchOf(runId: string): string | undefined {
    for (const repeatId of this.#batches.keys()) {
      if (runId.startsWith(`${repeatId}-`)) return repeatId;
    }

    return undefined;
  }

  /** Waits for a batch to end (tests). */
  async settled(repeatId: string): Promise<void> {
    await this.#batches.get(repeatId)?.finished;
  }

  async close(): Promise<void> {
    for (const batch of this.#batches.values()) batch.abort.abort();
    await Promise.all([...this.#batches.values()].map((batch) => batch.finished));
  }

  #forgetOld(): void {
    for (const [repeatId, batch] of this.#batches) {
      if (this.#batches.size <= KEPT_BATCHES) break;
      if (batch.summary.finishedAt !== null) this.#batches.delete(repeatId);
    }
  }
}

function unknown<T>(repeatId: string): Result<T> {
  return fail('input.invalid', `Expected the id of a repeat batch, got \`${repeatId}\``, {
    field: 'repeatId',
  });
}

function keptRunLog(runId: string, batch: Batch, events: TimelineEvent[]): RunLog {
  const result = events.findLast((event): event is ResultEvent => event.type === 'result');

  return {
    summary: {
      runId,
      profileId: batch.profile.id,
      profileName: batch.profile.name,
      source: 'live',
      startedAt: events[0]?.at ?? batch.summary.startedAt,
      finishedAt: events.at(-1)?.at ?? null,
      state: result === undefined ? 'failed' : stateOfResult(result),
      outcome: result?.outcome ?? null,
      headline: result === undefined ? 'failed internal' : headlineOf(result),
      durationMs: result?.durationMs ?? null,
      eventCount: events.length,
      sdk: batch.profile.sdk,
      authMode: batch.profile.authMode,
      repeatId: batch.summary.repeatId,
    },
    events,
  };
}

function emptySummary(
  repeatId: string,
  profileName: string,
  total: number,
  nowMs: number,
): RepeatSummary {
  const phase = { count: 0, p50: null, p95: null, p99: null, max: null };

  return {
    repeatId,
    profileName,
    total,
    done: 0,
    successRate: 0,
    outcomes: {},
    byOutcome: { joined: 0, rejected: 0, failed: 0, cancelled: 0 },
    phases: {
      dns: phase,
      tcp: phase,
      tls: phase,
      ttfb: phase,
      api: phase,
      socket: phase,
      join: phase,
      total: phase,
    },
    histogram: [],
    keptRunIds: [],
    failedRunIds: [],
    startedAt: new Date(nowMs).toISOString(),
    finishedAt: null,
    handshakesPerSecond: null,
  };
}
