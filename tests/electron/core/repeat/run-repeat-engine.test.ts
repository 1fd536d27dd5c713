import { describe, expect, it } from 'vitest';

import type { ResultEvent } from '../../../../electron/contract';
import { runRepeat, type RepeatEngine } from '../../../../electron/core/repeat/run-repeat';

import { makeResult } from './make-result';
import { sandboxPlan } from './sandbox-plan';

// These cases need an engine that misbehaves, which the real one never does on purpose; the
// plan points at a closed port and is never dialled.
const makePlan = () => sandboxPlan('http://127.0.0.1:9');

describe('runRepeat with a misbehaving engine', () => {
  it('counts an engine that throws as a failed run and goes on', async () => {
    let calls = 0;
    const engine: RepeatEngine = () => {
      calls += 1;
      if (calls % 2 === 0) return Promise.reject(new Error('boom'));

      return Promise.resolve(makeResult());
    };

    const { summary } = await runRepeat({
      makePlan,
      engine,
      options: { count: 6, concurrency: 2, intervalMs: 0 },
    });

    expect(summary.outcomes).toEqual({ joined: 3, 'failed internal': 3 });
  });

  it('counts runs that ignore a cancel as cancelled once the grace period ends', async () => {
    const engine: RepeatEngine = () => new Promise<ResultEvent>(() => undefined);
    const started = performance.now();

    const { summary } = await runRepeat({
      makePlan,
      engine,
      options: { count: 10, concurrency: 3, intervalMs: 0 },
      signal: AbortSignal.timeout(50),
      cancelGraceMs: 200,
    });

    expect(summary.outcomes).toEqual({ cancelled: 3 });
    expect(summary.done).toBe(3);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it(
    'passes the engine options of the caller to ' + 'every run, keeping its own sink and signal',
    async () => {
      const seen: { stopAfter: unknown; hasSignal: boolean }[] = [];
      const engine: RepeatEngine = (_plan, options) => {
        seen.push({
          stopAfter: options.stopAfter,
          hasSignal: options.signal instanceof AbortSignal,
        });

        return Promise.resolve(makeResult());
      };

      await runRepeat({
        makePlan,
        engine,
        engineOptions: { stopAfter: 'join' },
        options: { count: 3, concurrency: 1, intervalMs: 0 },
      });

      expect(seen).toEqual(
        Array.from({ length: 3 }, () => ({ stopAfter: 'join', hasSignal: true })),
      );
    },
  );

  it('gives each run its own redactor and a fresh plan', async () => {
    const redactors = new Set<unknown>();
    let plans = 0;
    const engine: RepeatEngine = (_plan, options) => {
      redactors.add(options.redactor);

      return Promise.resolve(makeResult());
    };

    await runRepeat({
      makePlan: () => {
        plans += 1;

        return makePlan();
      },
      engine,
      options: { count: 5, concurrency: 5, intervalMs: 0 },
    });

    expect(redactors.size).toBe(5);
    expect(plans).toBe(5);
  });
});
