import { describe, expect, it } from 'vitest';

import { LogHistogram } from '../../../../electron/core/repeat/log-histogram';

/** Nearest-rank percentile of a sorted copy: the reference the histogram approximates. */
function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));

  return sorted[rank - 1]!;
}

const BOUND = 0.011;

describe('LogHistogram', () => {
  it('reports null for every statistic when empty', () => {
    const histogram = new LogHistogram();

    expect(histogram.count).toBe(0);
    expect(histogram.percentile(50)).toBeNull();
    expect(histogram.max).toBeNull();
  });

  it('finds p50, p95 and p99 of 1..1000 ms within 1.1 %', () => {
    const histogram = new LogHistogram();
    for (let value = 1; value <= 1000; value += 1) histogram.record(value);

    expect(histogram.count).toBe(1000);
    expect(Math.abs(histogram.percentile(50)! - 500) / 500).toBeLessThanOrEqual(BOUND);
    expect(Math.abs(histogram.percentile(95)! - 950) / 950).toBeLessThanOrEqual(BOUND);
    expect(Math.abs(histogram.percentile(99)! - 990) / 990).toBeLessThanOrEqual(BOUND);
    expect(histogram.max).toBe(1000);
    expect(histogram.percentile(100)).toBe(1000);
  });

  it('stays within its bound on a skewed, long-tailed distribution', () => {
    // A deterministic log-normal-ish sample: most runs fast, a few very slow.
    let state = 12345;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const values: number[] = [];
    const histogram = new LogHistogram();
    for (let index = 0; index < 20_000; index += 1) {
      const value = Math.exp(2 + 1.5 * (random() + random() + random() - 1.5)) + random() * 0.1;
      values.push(value);
      histogram.record(value);
    }

    for (const p of [1, 25, 50, 90, 95, 99, 99.9]) {
      const exact = exactPercentile(values, p);
      expect(Math.abs(histogram.percentile(p)! - exact) / exact).toBeLessThanOrEqual(BOUND);
    }
    expect(histogram.max).toBe(Math.max(...values));
  });

  it('returns the value itself when every value is equal', () => {
    const histogram = new LogHistogram();
    for (let index = 0; index < 50; index += 1) histogram.record(42.5);

    expect(histogram.percentile(50)).toBe(42.5);
    expect(histogram.percentile(99)).toBe(42.5);
  });

  it('ignores negative and non-finite values', () => {
    const histogram = new LogHistogram();
    histogram.record(-1);
    histogram.record(Number.NaN);
    histogram.record(Number.POSITIVE_INFINITY);
    histogram.record(0);

    expect(histogram.count).toBe(1);
    expect(histogram.percentile(50)).toBe(0);
  });

  it('counts values above maxMs in its last bucket, within what was seen', () => {
    const histogram = new LogHistogram({ minMs: 1, maxMs: 1024, bucketsPerDoubling: 1 });
    for (let index = 0; index < 100_000; index += 1) histogram.record(index % 5000);

    expect(histogram.count).toBe(100_000);
    expect(histogram.max).toBe(4999);
    // Above maxMs resolution is lost, but the answer stays within what was seen.
    expect(histogram.percentile(99)).toBeLessThanOrEqual(4999);
    expect(histogram.percentile(99)).toBeGreaterThan(1024);
  });

  it('rejects a range that is empty', () => {
    expect(() => new LogHistogram({ minMs: 5, maxMs: 1 })).toThrow(/minMs/);
  });
});
