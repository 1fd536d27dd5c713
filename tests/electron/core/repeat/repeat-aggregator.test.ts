import { describe, expect, it } from 'vitest';

import { RepeatAggregator } from '../../../../electron/core/repeat/repeat-aggregator';

import { makeResult } from './make-result';

const START_MS = Date.parse('2026-12-03T19:00:00.000Z');

function aggregator(total: number): RepeatAggregator {
  return new RepeatAggregator({
    repeatId: 'rpt-1',
    profileName: 'Sandbox',
    total,
    startedAtMs: START_MS,
  });
}

const KEPT = { keptRunIds: [], failedRunIds: [] };

describe('RepeatAggregator', () => {
  it('reports the percentiles of a known distribution of total times', () => {
    const batch = aggregator(1000);
    // Totals 1..1000 ms in a shuffled order: the aggregation must not depend on arrival order.
    const order = Array.from({ length: 1000 }, (_, index) => ((index * 7919) % 1000) + 1);
    for (const durationMs of order) batch.add(makeResult({ durationMs }));

    const { phases } = batch.summary({ nowMs: START_MS, elapsedMs: 1000, finished: true, ...KEPT });

    expect(phases.total.count).toBe(1000);
    expect(phases.total.p50).toBeCloseTo(500, -1);
    expect(Math.abs(phases.total.p95! - 950) / 950).toBeLessThanOrEqual(0.011);
    expect(Math.abs(phases.total.p99! - 990) / 990).toBeLessThanOrEqual(0.011);
    expect(phases.total.max).toBe(1000);
  });

  it('maps each timing onto its phase and skips phases that did not happen', () => {
    const batch = aggregator(2);
    batch.add(makeResult({ timings: { dnsMs: null, tlsMs: 8, socketConnectMs: 5, joinMs: 3 } }));
    batch.add(makeResult({ timings: { dnsMs: null, tlsMs: 8, socketConnectMs: 5, joinMs: 3 } }));

    const { phases } = batch.summary({ nowMs: START_MS, elapsedMs: 10, finished: true, ...KEPT });

    expect(phases.dns).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null });
    expect(phases.tls.max).toBe(8);
    expect(phases.socket.p50).toBe(5);
    expect(phases.join.p99).toBe(3);
    expect(phases.api.count).toBe(2);
  });

  it('counts outcomes by key, most frequent first, and the success rate', () => {
    const batch = aggregator(10);
    for (let index = 0; index < 7; index += 1) batch.add(makeResult());
    const seatLimit = {
      status: 403,
      errorCode: 4020,
      errorName: 'API_OVER_SEAT_LIMIT',
      content: 'seats',
    };
    batch.add(makeResult({ outcome: 'failed', readyStateError: seatLimit }));
    batch.add(makeResult({ outcome: 'failed', readyStateError: seatLimit }));
    batch.add(
      makeResult({
        outcome: 'rejected',
        systemAction: { action: 'reject', reason: 'locked', info: '' },
      }),
    );

    const summary = batch.summary({ nowMs: START_MS, elapsedMs: 500, finished: true, ...KEPT });

    expect(Object.entries(summary.outcomes)).toEqual([
      ['joined', 7],
      ['ERROR 4020', 2],
      ['reject locked', 1],
    ]);
    expect(summary.byOutcome).toEqual({ joined: 7, rejected: 1, failed: 2, cancelled: 0 });
    expect(summary.successRate).toBeCloseTo(0.7);
    expect(summary.handshakesPerSecond).toBeCloseTo(20);
  });

  it('leaves cancelled runs out of the rate, the phases and the histogram', () => {
    const batch = aggregator(4);
    batch.add(makeResult({ durationMs: 10 }));
    batch.add(makeResult({ outcome: 'cancelled', durationMs: 5000 }));

    const summary = batch.summary({
      nowMs: START_MS + 2000,
      elapsedMs: 1000,
      finished: true,
      ...KEPT,
    });

    expect(summary.done).toBe(2);
    expect(summary.successRate).toBe(1);
    expect(summary.phases.total.max).toBe(10);
    expect(summary.histogram).toEqual([{ upperMs: 10, count: 1 }]);
    expect(summary.handshakesPerSecond).toBe(1);
    expect(summary.finishedAt).toBe('2026-12-03T19:00:02.000Z');
  });

  it('builds a histogram over the 1-2-5 ladder, trimmed to where runs fell', () => {
    const batch = aggregator(5);
    for (const durationMs of [3, 4, 15, 15, 180]) batch.add(makeResult({ durationMs }));

    const summary = batch.summary({ nowMs: START_MS, elapsedMs: 1, finished: false, ...KEPT });

    expect(summary.histogram).toEqual([
      { upperMs: 5, count: 2 },
      { upperMs: 10, count: 0 },
      { upperMs: 20, count: 2 },
      { upperMs: 50, count: 0 },
      { upperMs: 100, count: 0 },
      { upperMs: 200, count: 1 },
    ]);
    expect(summary.finishedAt).toBeNull();
    expect(summary.histogram.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
  });

  it('reports an empty batch without dividing by zero', () => {
    const summary = aggregator(3).summary({
      nowMs: START_MS,
      elapsedMs: 0,
      finished: false,
      ...KEPT,
    });

    expect(summary.successRate).toBe(0);
    expect(summary.handshakesPerSecond).toBeNull();
    expect(summary.histogram).toEqual([]);
    expect(summary.startedAt).toBe('2026-12-03T19:00:00.000Z');
  });
});
