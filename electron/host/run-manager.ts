import { randomUUID } from 'node:crypto';

import {
  fail,
  ok,
  type Profile,
  type Result,
  type ResultEvent,
  type RunLog,
  type RunState,
  type RunSummary,
  type TimelineEvent,
} from '../contract';
import { systemClock, type Clock } from '../core/clock';
import { engineDiagnose } from '../core/diagnosis/index';
import { createLogger } from '../core/logger';
import { resolvePlan, type PlanInput } from '../core/plan-resolver';
import { Redactor } from '../core/redactor';
import { runHandshake } from '../core/run-engine';
import { headlineOf, stateOfResult } from '../core/run-outcome';

import type { PushListener, SecretVault } from './backend-types';
import type { EmbeddedSandbox } from './embedded-sandbox';
import { EventLog } from './event-log';
import { planInputOf } from './plan-input';
import type { RunHistory } from './run-history';

const log = createLogger('diag:run-manager');

/** Events of one run are pushed at most this often. */
export const PUSH_BATCH_MS = 50;

/** Redactors of finished runs kept for `include` exports; older ones are forgotten. */
const KEPT_REDACTORS = 50;

/** What the run manager works with. */
export interface RunManagerOptions {
  vault: SecretVault;
  sandbox: EmbeddedSandbox;
  /** A sandbox to use instead of the embedded one (tests). */
  sandboxUrl?: string;
  history: RunHistory;
  push: PushListener;
  clock?: Clock;
}

interface LiveRun {
  summary: RunSummary;
  events: EventLog;
  abort: AbortController;
  pending: TimelineEvent[];
  timer: ReturnType<typeof setTimeout> | null;
  finished: Promise<void>;
}

/**
 * Runs handshakes for the backend: turns a profile and its vault secret into a plan, starts
 * the embedded sandbox when the profile points at it, keeps each run's events in an
 * append-only log, pushes them in batches and each state change, and files the finished run
 * in the history.
 */
export class RunManager {
  readonly #options: RunManagerOptions;
  readonly #clock: Clock;
  readonly #live = new Map<string, LiveRun>();
  readonly #redactors = new Map<string, Redactor>();

  constructor(options: RunManagerOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  /** Starts a run of a profile; resolves once the run is under way, not when it ends. */
  async start(profile: Profile): Promise<Result<{ runId: string }>> {
    const input = await this.planInput(profile);
    if (!input.ok) return input;

    const plan = resolvePlan(input.value, this.#clock.now());
    if (!plan.ok) return plan;

    const runId = randomUUID();
    const redactor = new Redactor();
    const run: LiveRun = {
      summary: {
        runId,
        profileId: profile.id,
        profileName: profile.name,
        source: 'live',
        startedAt: new Date(this.#clock.now()).toISOString(),
        finishedAt: null,
        state: 'idle',
        outcome: null,
        headline: 'starting',
        durationMs: null,
        eventCount: 0,
        sdk: profile.sdk,
        authMode: profile.authMode,
        repeatId: null,
      },
      events: new EventLog(),
      abort: new AbortController(),
      pending: [],
      timer: null,
      finished: Promise.resolve(),
    };
    this.#live.set(runId, run);
    this.#keepRedactor(runId, redactor);
    log.info('run started', { runId, profileId: profile.id });

    run.finished = runHandshake(plan.value, {
      sink: (event) => {
        this.#onEvent(run, event);
      },
      redactor,
      signal: run.abort.signal,
      diagnose: engineDiagnose(input.value.secret, input.value.givenCredentials),
      stopAfter: 'join',
    }).then(
      (result) => {
        this.#finish(run, result);
      },
      (error: unknown) => {
        log.error('engine threw', { runId, error });
        this.#finish(run, null);
      },
    );

    return ok({ runId });
  }

  /** Asks a live run to stop; the engine ends it with a `cancelled` result. */
  cancel(runId: string): Result<null> {
    const run = this.#live.get(runId);
    if (run === undefined) {
      return this.#options.history.get(runId) === undefined
        ? fail('input.invalid', `Expected the id of a live run, got \`${runId}\``, {
            field: 'runId',
          })
        : ok(null);
    }
    run.abort.abort();

    return ok(null);
  }

  /** A run's events after `afterSeq`, live or finished. */
  eventsSince(runId: string, afterSeq: number): Result<TimelineEvent[]> {
    const run = this.#live.get(runId);
    if (run !== undefined) return ok(run.events.since(afterSeq));

    const stored = this.#options.history.get(runId);
    if (stored !== undefined) return ok(stored.events.filter((event) => event.seq > afterSeq));

    return fail('input.invalid', `Expected the id of a known run, got \`${runId}\``, {
      field: 'runId',
    });
  }

  /** A run's whole log, live (so far) or finished. */
  get(runId: string): Result<RunLog> {
    const run = this.#live.get(runId);
    if (run !== undefined) return ok({ summary: { ...run.summary }, events: run.events.all() });

    const stored = this.#options.history.get(runId);

    return stored === undefined
      ? fail('input.invalid', `Expected the id of a known run, got \`${runId}\``, {
          field: 'runId',
        })
      : ok(stored);
  }

  /** Live runs first, then the history, newest first. */
  list(): RunSummary[] {
    const live = [...this.#live.values()].map((run) => ({ ...run.summary })).reverse();

    return [...live, ...this.#options.history.list()];
  }

  /** The redactor of a run this process made, for an export that includes the values. */
  redactorOf(runId: string): Redactor | undefined {
    return this.#redactors.get(runId);
  }

  /** Cancels every live run and waits for each to be filed. */
  async close(): Promise<void> {
    for (const run of this.#live.values()) run.abort.abort();
    await Promise.all([...this.#live.values()].map((run) => run.finished));
  }

  /** Waits for a run to finish (tests, the CLI). */
  async settled(runId: string): Promise<void> {
    await this.#live.get(runId)?.finished;
  }

  /** A profile and its vault values as the plan resolver's input; the repeat manager shares it. */
  planInput(profile: Profile): Promise<Result<PlanInput>> {
    const { vault, sandbox, sandboxUrl } = this.#options;

    return planInputOf(profile, { vault, sandbox, sandboxUrl });
  }

  #onEvent(run: LiveRun, event: TimelineEvent): void {
    if (!run.events.append(event)) {
      log.warn('event out of order dropped', { runId: run.summary.runId, seq: event.seq });

      return;
    }
    run.summary.eventCount = run.events.size;
    if (event.type === 'run.start') this.#transition(run, 'http');
    if (event.type === 'socket.attempt') this.#transition(run, 'signalling');

    run.pending.push(event);
    run.timer ??= setTimeout(() => {
      this.#flush(run);
    }, PUSH_BATCH_MS);
  }

  #flush(run: LiveRun): void {
    if (run.timer !== null) clearTimeout(run.timer);
    run.timer = null;
    if (run.pending.length === 0) return;

    const events = run.pending;
    run.pending = [];
    this.#options.push('run:events', { runId: run.summary.runId, events });
  }

  #transition(run: LiveRun, next: RunState): void {
    if (run.summary.state === next) return;

    log.debug(`state ${run.summary.state} -> ${next}`, { runId: run.summary.runId });
    run.summary.state = next;
    // Events before a state change reach the renderer before the change itself.
    this.#flush(run);
    this.#options.push('run:state', {
      runId: run.summary.runId,
      state: next,
      summary: { ...run.summary },
    });
  }

  #finish(run: LiveRun, result: ResultEvent | null): void {
    const { summary } = run;
    summary.finishedAt = new Date(this.#clock.now()).toISOString();
    summary.outcome = result?.outcome ?? 'failed';
    summary.headline = result === null ? 'failed internal' : headlineOf(result);
    summary.durationMs = result?.durationMs ?? null;
    summary.eventCount = run.events.size;
    try {
      this.#options.history.add({
        summary: { ...summary, state: finalState(result) },
        events: run.events.all(),
      });
    } catch (error) {
      log.error('run log not stored', { runId: summary.runId, error });
    }
    this.#live.delete(summary.runId);
    this.#transition(run, finalState(result));
    log.info('run finished', { runId: summary.runId, headline: summary.headline });
  }

  #keepRedactor(runId: string, redactor: Redactor): void {
    this.#redactors.set(runId, redactor);
    for (const oldest of this.#redactors.keys()) {
      if (this.#redactors.size <= KEPT_REDACTORS) break;
      this.#redactors.delete(oldest);
    }
  }
}

function finalState(result: ResultEvent | null): RunState {
  return result === null ? 'failed' : stateOfResult(result);
}
