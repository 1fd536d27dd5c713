import type { PhaseTimings } from '../contract';

import type { Clock } from './clock';

/** The phases of one HTTP attempt, marked as they finish. */
export type HttpPhase = 'dns' | 'tcp' | 'tls' | 'ttfb' | 'total';

/**
 * Measures one attempt on the monotonic clock. Each phase is the time since the previous
 * mark (DNS, TCP, TLS), except `ttfb` and `total`, which count from the attempt's start.
 */
export class HttpTimer {
  readonly #clock: Clock;
  readonly #startedAt: number;
  #last: number;
  readonly #marks: PhaseTimings = {
    dnsMs: null,
    tcpMs: null,
    tlsMs: null,
    ttfbMs: null,
    totalMs: null,
  };

  constructor(clock: Clock) {
    this.#clock = clock;
    this.#startedAt = clock.monotonic();
    this.#last = this.#startedAt;
  }

  /** Marks a phase as done now and returns its duration in milliseconds. */
  mark(phase: HttpPhase): number {
    const now = this.#clock.monotonic();
    const sincePrevious = round(now - this.#last);
    const sinceStart = round(now - this.#startedAt);
    this.#last = now;
    switch (phase) {
      case 'dns':
        this.#marks.dnsMs = sincePrevious;

        return sincePrevious;
      case 'tcp':
        this.#marks.tcpMs = sincePrevious;

        return sincePrevious;
      case 'tls':
        this.#marks.tlsMs = sincePrevious;

        return sincePrevious;
      case 'ttfb':
        this.#marks.ttfbMs = sinceStart;

        return sinceStart;
      case 'total':
        this.#marks.totalMs = sinceStart;

        return sinceStart;
    }
  }

  /** Restarts the "previous mark" without recording a phase (e.g. after a proxy CONNECT). */
  skip(): void {
    this.#last = this.#clock.monotonic();
  }

  /** A copy of the phases measured so far. */
  snapshot(): PhaseTimings {
    return { ...this.#marks };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
