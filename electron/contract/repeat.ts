import type { RunOutcome } from './timeline-event';

/** Options of a repeat batch. */
export interface RepeatOptions {
  count: number;
  concurrency: number;
  /** Pause before each handshake starts, per worker. */
  intervalMs: number;
}

/** Percentiles of one phase across a batch, in milliseconds. */
export interface PhaseStats {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Progress and, once `done === total`, the summary of a repeat batch. */
export interface RepeatSummary {
  repeatId: string;
  profileName: string;
  total: number;
  done: number;
  /** Fraction of finished runs that joined, 0…1. */
  successRate: number;
  /** Outcomes counted by a key such as `joined`, `ERROR 4020`, `reject expired`. */
  outcomes: Record<string, number>;
  byOutcome: Record<RunOutcome, number>;
  phases: Record<'dns' | 'tcp' | 'tls' | 'ttfb' | 'api' | 'socket' | 'join' | 'total', PhaseStats>;
  /** Total-time histogram: bucket upper bounds in ms and counts. */
  histogram: { upperMs: number; count: number }[];
  /** Runs whose detail was kept: every failure (up to a cap) and a sample of successes. */
  keptRunIds: string[];
  failedRunIds: string[];
  startedAt: string;
  finishedAt: string | null;
  handshakesPerSecond: number | null;
}
