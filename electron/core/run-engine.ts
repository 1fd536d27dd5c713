import type { lookup as dnsLookup } from 'node:dns';
import { readFile } from 'node:fs/promises';

import type { ErrorInfo, Finding, ResultEvent, RunOutcome, TimelineEvent } from '../contract';

import { systemClock, type Clock } from './clock';
import { DiagnosticError } from './diagnostic-error';
import { runApiStep } from './engine/api-step';
import { failStep, RunContext } from './engine/run-context';
import { RunEnd } from './engine/run-end';
import { runSignallingStep } from './engine/signalling-step';
import { createEventStamper } from './event-stamper';
import { createLogger } from './logger';
import type { Redactor } from './redactor';
import { summarizePlan, type RunPlan } from './run-plan';
import { systemTimers, type Timers } from './timers';
import { ENGINE_VERSION } from './version';

const log = createLogger('diag:engine');

/** How a run is observed and bounded. */
export interface EngineOptions {
  /** Receives every event, already stamped and redacted. */
  sink: (event: TimelineEvent) => void;
  /** The run's redactor; the engine registers the secret, credentials and tokens with it. */
  redactor: Redactor;
  /** Aborting it cancels the run: outcome `cancelled`. */
  signal?: AbortSignal;
  clock?: Clock;
  /** The resolver for the API host (tests inject one that fails). */
  lookup?: typeof dnsLookup;
  /**
   * `api`: end after the API response (the origin matrix); a run that got that far with
   * COMPLETED ends `joined` (it reached what it was asked to), otherwise as usual.
   * `join`: end as soon as the join is answered, without lingering.
   */
  stopAfter?: 'api' | 'join';
  /**
   * Called after the API response (stage `api`, before connecting) and just before `result`
   * (stage `final`); each finding whose id was not emitted yet becomes a `diagnosis` event.
   */
  diagnose?: (events: readonly TimelineEvent[], stage: 'api' | 'final') => Finding[];
  /** Timers for the engine's own waits (timeouts, retries, join, deadline); default Node's. */
  timers?: Timers;
  /** How long to stay after `inRoom` to observe warnings; default 0. */
  stayInRoomMs?: number;
  /**
   * Randomness for generated ids; default `Math.random`. The engine draws none today: `rand=`
   * is the clock's milliseconds, as the SDK's `Date.now()`, so an injected clock fixes it.
   */
  random?: () => number;
}

/**
 * Performs the Skylink handshake for real, as the plan's SDK flavour does, and reports what
 * that SDK would report. Never rejects: every ending, an internal bug included, is exactly one
 * `result` event, always the last one, which is also the resolved value.
 */
export async function runHandshake(plan: RunPlan, options: EngineOptions): Promise<ResultEvent> {
  const clock = options.clock ?? systemClock;
  const { redactor } = options;
  // Registered before anything is emitted, so no event can carry them in plain text.
  redactor.register('secret', plan.secret);
  redactor.register('credentials', plan.credentials);
  if (plan.credentials !== null) {
    try {
      redactor.register('credentials', decodeURIComponent(plan.credentials));
    } catch {
      // A given string that is not valid percent-encoding has only its raw form.
    }
  }

  const stamper = createEventStamper({ clock, redactor, sink: options.sink });
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const run = new RunContext({ plan, clock, random, timers, stamper });
  const startedAt = clock.monotonic();

  const onAbort = (): void => {
    run.stop(new RunEnd('cancelled', { code: 'run.cancelled', message: 'The run was cancelled' }));
  };
  const deadlineTimer = timers.setTimeout(() => {
    run.stop(
      new RunEnd('failed', {
        code: 'run.deadline',
        message:
          `Expected the run to end within ${plan.network.deadlineMs} ` +
          `ms, got no outcome in time`,
        detail: { deadlineMs: plan.network.deadlineMs },
      }),
    );
  }, plan.network.deadlineMs);

  let outcome: RunOutcome;
  let error: ErrorInfo | null = null;
  try {
    if (options.signal?.aborted === true) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    await run.race(execute(run, options));
    outcome = 'joined';
  } catch (caught) {
    ({ outcome, error } = settle(run, caught));
  } finally {
    timers.clearTimeout(deadlineTimer);
    options.signal?.removeEventListener('abort', onAbort);
    run.release();
  }

  run.transition(outcome === 'joined' ? 'done' : outcome === 'cancelled' ? 'cancelled' : 'failed');
  run.diagnose(options.diagnose, 'final');
  const result = run.emitLast({
    type: 'result',
    outcome,
    durationMs: Math.round(clock.monotonic() - startedAt),
    readyState: run.readyState,
    readyStateError: run.readyState === -1 ? run.readyStateError : null,
    systemAction: outcome === 'rejected' ? run.systemAction : null,
    error,
    timings: { ...run.timings },
  });
  // Nothing may follow the result, not even a late event from a step still unwinding.
  run.stop(new RunEnd(outcome, error));

  return result as ResultEvent;
}

async function execute(run: RunContext, options: EngineOptions): Promise<void> {
  const { plan } = run;
  run.emit({
    type: 'run.start',
    plan: summarizePlan(plan, options.redactor),
    engineVersion: ENGINE_VERSION,
  });
  run.readyStateChange(0, plan.sdk === '0.6' ? plan.room : null, null);
  const ca = await readCaFile(run);
  run.readyStateChange(1, plan.room, null);

  run.transition('http');
  let api;
  try {
    api = await runApiStep(run, { redactor: options.redactor, lookup: options.lookup, ca });
  } finally {
    if (!run.signal.aborted) run.diagnose(options.diagnose, 'api');
  }
  if (options.stopAfter === 'api') return;

  run.transition('signalling');
  await runSignallingStep(run, api, {
    ca: ca === null ? null : ca.toString('utf8'),
    stayInRoomMs: options.stopAfter === 'join' ? 0 : (options.stayInRoomMs ?? 0),
  });
}

async function readCaFile(run: RunContext): Promise<Buffer | null> {
  const path = run.plan.network.caFile;
  if (path === null) return null;
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw failStep(run, 'plan', {
      code: 'input.invalid',
      message: `Expected \`caFile\` to be a readable PEM file, got ${code} for \`${path}\``,
      detail: { field: 'caFile', path },
    });
  }
}

function settle(
  run: RunContext,
  caught: unknown,
): { outcome: RunOutcome; error: ErrorInfo | null } {
  if (caught instanceof RunEnd) {
    if (caught.error?.code === 'run.deadline' || caught.error?.code === 'run.cancelled') {
      // The stop came from outside the step that was running: say where it stood.
      run.emit({ type: 'step.failed', step: stepOf(run), error: caught.error });
    }

    return { outcome: caught.outcome, error: caught.error };
  }
  log.error('engine bug', { error: caught });
  const info = DiagnosticError.from(caught).toInfo();
  const error: ErrorInfo = { code: 'internal', message: `The engine failed: ${info.message}` };
  run.emit({ type: 'step.failed', step: stepOf(run), error });

  return { outcome: 'failed', error };
}

function stepOf(run: RunContext): 'plan' | 'request' | 'connect' {
  switch (run.state) {
    case 'http':
      return 'request';
    case 'signalling':
      return 'connect';
    case 'idle':
    case 'done':
    case 'failed':
    case 'cancelled':
      return 'plan';
  }
}
