import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RepeatSummary } from '../../../../electron/contract';
import { DEMO_APP_KEYS } from '../../../../electron/core/demo-apps';
import { runRepeat } from '../../../../electron/core/repeat/run-repeat';
import { createSandbox, type Sandbox } from '../../../../electron/sandbox';

import { roomyScenario } from './roomy-scenario';
import { sandboxPlan } from './sandbox-plan';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox(roomyScenario());
});

afterAll(async () => {
  await sandbox.close();
});

describe('runRepeat', () => {
  it('joins 200 handshakes at concurrency 20 against the sandbox', async () => {
    const progress: { at: number; summary: RepeatSummary }[] = [];
    const { summary, kept } = await runRepeat({
      makePlan: () => sandboxPlan(sandbox.url),
      options: { count: 200, concurrency: 20, intervalMs: 0 },
      onProgress: (report) => progress.push({ at: performance.now(), summary: report }),
    });

    expect(summary.done).toBe(200);
    expect(summary.outcomes).toEqual({ joined: 200 });
    expect(summary.successRate).toBe(1);
    expect(summary.phases.total.count).toBe(200);
    expect(summary.phases.join.p50).toBeGreaterThan(0);
    expect(summary.phases.total.p99!).toBeLessThanOrEqual(summary.phases.total.max!);
    expect(summary.histogram.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(200);
    expect(summary.finishedAt).not.toBeNull();
    expect(summary.handshakesPerSecond).toBeGreaterThan(0);
    // The default sample: five successes kept in full, each ending with its result.
    expect(kept.size).toBe(5);
    for (const events of kept.values()) expect(events.at(-1)?.type).toBe('result');
    // The last report is the final summary.
    expect(progress.at(-1)?.summary.done).toBe(200);
    expect(progress.at(-1)?.summary.finishedAt).not.toBeNull();
  }, 60_000);

  it('reports progress at most ten times a second', async () => {
    const times: number[] = [];
    await runRepeat({
      makePlan: () => sandboxPlan(sandbox.url),
      options: { count: 60, concurrency: 2, intervalMs: 5 },
      onProgress: () => times.push(performance.now()),
    });

    expect(times.length).toBeGreaterThan(1);
    for (let index = 1; index < times.length; index += 1) {
      expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(100);
    }
  }, 60_000);

  it('counts the code of a key that fails', async () => {
    const { summary, kept } = await runRepeat({
      makePlan: () => sandboxPlan(sandbox.url, DEMO_APP_KEYS.seats),
      options: { count: 12, concurrency: 4, intervalMs: 0 },
      keepFailures: 3,
    });

    expect(summary.outcomes).toEqual({ 'ERROR 4020': 12 });
    expect(summary.byOutcome.failed + summary.byOutcome.rejected).toBe(12);
    expect(summary.successRate).toBe(0);
    expect(summary.failedRunIds).toHaveLength(3);
    expect([...kept.keys()]).toEqual(summary.failedRunIds);
  }, 60_000);

  it('returns the summary with in-flight runs cancelled when the signal fires', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = runRepeat({
      makePlan: () => sandboxPlan(sandbox.url),
      options: { count: 100_000, concurrency: 5, intervalMs: 20 },
      signal: controller.signal,
      onProgress: (report) => {
        if (report.done >= 10) controller.abort();
      },
    });
    const { summary } = await pending;

    expect(summary.done).toBeGreaterThanOrEqual(10);
    expect(summary.done).toBeLessThan(100_000);
    expect(summary.finishedAt).not.toBeNull();
    expect(summary.byOutcome.joined).toBeGreaterThanOrEqual(10);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('cancels runs that are in flight and still returns the summary', async () => {
    // `join-silent` leaves every join unanswered, so all four runs are mid-join at the abort.
    const silent = await createSandbox({ ...roomyScenario(), faults: [{ fault: 'join-silent' }] });
    try {
      const started = performance.now();
      const { summary, kept } = await runRepeat({
        makePlan: () => sandboxPlan(silent.url),
        options: { count: 20, concurrency: 4, intervalMs: 0 },
        signal: AbortSignal.timeout(500),
      });

      expect(summary.done).toBe(4);
      expect(summary.outcomes).toEqual({ cancelled: 4 });
      expect(summary.finishedAt).not.toBeNull();
      expect(kept.size).toBe(0);
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  }, 30_000);

  it('keeps no more runs than its caps after 1,000 runs', async () => {
    let index = 0;
    const { summary, kept } = await runRepeat({
      // Every third run uses the seat-limited key, so failures outnumber the failure cap.
      makePlan: () =>
        sandboxPlan(sandbox.url, index++ % 3 === 0 ? DEMO_APP_KEYS.seats : DEMO_APP_KEYS.cors),
      options: { count: 1000, concurrency: 25, intervalMs: 0 },
      keepSuccessSample: 4,
      keepFailures: 6,
    });

    expect(summary.done).toBe(1000);
    expect(summary.outcomes).toEqual({ joined: 666, 'ERROR 4020': 334 });
    expect(kept.size).toBe(10);
    expect(summary.keptRunIds).toHaveLength(10);
    expect(summary.failedRunIds).toHaveLength(6);
  }, 120_000);

  it('refuses options out of range, naming the field', async () => {
    await expect(
      runRepeat({
        makePlan: () => sandboxPlan(sandbox.url),
        options: { count: 10, concurrency: 0, intervalMs: 0 },
      }),
    ).rejects.toThrow('Expected `concurrency` to be a whole number from 1 to 500, got 0');
  });
});
