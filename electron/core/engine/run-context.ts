import {
  readyStateName,
  type ErrorCode,
  type Finding,
  type ReadyState,
  type ReadyStateError,
  type RunState,
  type RunTimings,
  type TimelineEvent,
  type UnstampedEvent,
} from '../../contract';
import type { Clock } from '../clock';
import type { EventStamper } from '../event-stamper';
import { createLogger } from '../logger';
import type { RunPlan } from '../run-plan';
import type { Timers } from '../timers';

import { RunEnd } from './run-end';

const log = createLogger('diag:run');

/** What every step of a run shares: the plan, the event stream, the state, the stop signal. */
export class RunContext {
  readonly plan: RunPlan;
  readonly clock: Clock;
  readonly random: () => number;
  readonly timers: Timers;
  readonly stamper: EventStamper;
  /** Fires when the run must stop (cancelled, past its deadline, or finished). */
  readonly signal: AbortSignal;
  /** Rejects with the {@link RunEnd} that stopped the run; race every wait against it. */
  readonly stopped: Promise<never>;
  readonly timings: RunTimings = {
    dnsMs: null,
    tcpMs: null,
    tlsMs: null,
    ttfbMs: null,
    totalMs: null,
    apiAttempts: 0,
    socketConnectMs: null,
    joinMs: null,
    socketAttempts: 0,
  };
  readyState: ReadyState = 0;
  readyStateError: ReadyStateError | null = null;
  systemAction: { action: string; reason: string; info: string } | null = null;
  #state: RunState = 'idle';
  #isSealed = false;
  readonly #controller = new AbortController();
  #stop: (end: RunEnd) => void = () => undefined;
  readonly #diagnosed = new Set<string>();
  readonly #cleanups: (() => void)[] = [];
  readonly #timers = new Set<unknown>();

  constructor(options: {
    plan: RunPlan;
    clock: Clock;
    random: () => number;
    timers: Timers;
    stamper: EventStamper;
  }) {
    this.plan = options.plan;
    this.clock = options.clock;
    this.random = options.random;
    this.timers = options.timers;
    this.stamper = options.stamper;
    this.signal = this.#controller.signal;
    this.stopped = new Promise<never>((_, reject) => {
      this.#stop = reject;
    });
    this.stopped.catch(() => undefined);
  }

  /** The run's state. */
  get state(): RunState {
    return this.#state;
  }

  /** Emits one event (stamped and redacted); after {@link RunContext.emitLast} nothing goes out. */
  emit(event: UnstampedEvent): TimelineEvent {
    if (this.#isSealed) return { ...event, seq: 0, t: 0, at: '' };

    return this.stamper.emit(event);
  }

  /** Emits the last event of the run and refuses every later one. */
  emitLast(event: UnstampedEvent): TimelineEvent {
    const stamped = this.emit(event);
    this.#isSealed = true;

    return stamped;
  }

  /** Moves the run to `next`, logging `state a -> b`; nothing happens if it is already there. */
  transition(next: RunState): void {
    if (next === this.#state) return;
    log.info(`state ${this.#state} -> ${next}`, { profile: this.plan.profileName });
    this.#state = next;
  }

  /** Emits a `readyStateChange` and remembers it as the run's latest ready state. */
  readyStateChange(state: ReadyState, room: string | null, error: ReadyStateError | null): void {
    this.readyState = state;
    if (error !== null) this.readyStateError = error;
    this.emit({ type: 'readyStateChange', state, stateName: readyStateName(state), room, error });
  }

  /** Emits a note. */
  note(level: 'info' | 'warn', message: string, detail?: Record<string, unknown>): void {
    this.emit(
      detail === undefined
        ? { type: 'note', level, message }
        : { type: 'note', level, message, detail },
    );
  }

  /** Stops the run: every pending wait rejects with `end`, every resource is released. */
  stop(end: RunEnd): void {
    if (this.#controller.signal.aborted) return;
    this.#stop(end);
    this.#controller.abort(end);
    this.release();
  }

  /** Registers something to close when the run stops. */
  onRelease(cleanup: () => void): void {
    this.#cleanups.push(cleanup);
  }

  /** Runs every registered cleanup once. */
  release(): void {
    for (const timer of this.#timers) this.timers.clearTimeout(timer);
    this.#timers.clear();
    for (const cleanup of this.#cleanups.splice(0)) {
      try {
        cleanup();
      } catch (error) {
        log.warn('cleanup threw', { error });
      }
    }
  }

  /** Waits for `step`, unless the run stops first. */
  race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.stopped]);
  }

  /** Waits `ms`, unless the run stops first. The timer is cleared when the run releases. */
  // Known limit: the injected timers bound every wait of the engine's own; socket.io-client's
  // connect timeout inside a signalling attempt still runs on Node's timers.
  sleep(ms: number): Promise<void> {
    return this.race(
      new Promise<void>((resolve) => {
        const timer = this.timers.setTimeout(() => {
          this.#timers.delete(timer);
          resolve();
        }, ms);
        this.#timers.add(timer);
      }),
    );
  }

  /** Emits, as `diagnosis` events, the findings whose id has not been emitted yet. */
  diagnose(
    diagnose: ((events: readonly TimelineEvent[], stage: 'api' | 'final') => Finding[]) | undefined,
    stage: 'api' | 'final',
  ): void {
    if (diagnose === undefined) return;
    let findings: Finding[];
    try {
      findings = diagnose(this.stamper.events, stage);
    } catch (error) {
      log.error('diagnosis threw', { error, stage });
      this.note('warn', `The diagnosis failed at stage \`${stage}\` and was skipped`, {
        message: error instanceof Error ? error.message : String(error),
      });

      return;
    }
    for (const finding of findings) {
      if (this.#diagnosed.has(finding.id)) continue;
      this.#diagnosed.add(finding.id);
      this.emit({ type: 'diagnosis', finding });
    }
  }
}

/** Ends the run as failed with an engine error, after emitting `step.failed`. */
export function failStep(
  run: RunContext,
  step: 'resolve' | 'request' | 'parse' | 'connect' | 'join' | 'settle' | 'plan',
  error: {
    code: ErrorCode;
    message: string;
    detail?: Record<string, unknown>;
  },
): RunEnd {
  const info =
    error.detail === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, detail: error.detail };
  run.emit({ type: 'step.failed', step, error: info });

  return new RunEnd('failed', info);
}
