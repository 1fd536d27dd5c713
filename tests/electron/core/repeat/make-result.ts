import type { ResultEvent, RunOutcome, RunTimings } from '../../../../electron/contract';

/** A `result` event as the engine would end a run with, for the pure repeat tests. */
export function makeResult(
  overrides: Partial<Omit<ResultEvent, 'timings'>> & { timings?: Partial<RunTimings> } = {},
): ResultEvent {
  const outcome: RunOutcome = overrides.outcome ?? 'joined';
  const timings: RunTimings = {
    dnsMs: null,
    tcpMs: 1,
    tlsMs: null,
    ttfbMs: 3,
    totalMs: 4,
    apiAttempts: 1,
    socketConnectMs: 5,
    joinMs: 2,
    socketAttempts: 1,
    ...overrides.timings,
  };

  return {
    seq: 10,
    t: 12,
    at: '2026-12-03T19:00:00.000Z',
    type: 'result',
    durationMs: 12,
    readyState: outcome === 'joined' ? 2 : -1,
    readyStateError: null,
    systemAction: null,
    error: null,
    ...overrides,
    outcome,
    timings,
  };
}
