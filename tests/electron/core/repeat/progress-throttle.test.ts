import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createProgressThrottle } from '../../../../electron/core/repeat/progress-throttle';

describe('createProgressThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports at once, then folds requests inside the interval into one trailing report', () => {
    const reports: number[] = [];
    const throttle = createProgressThrottle({
      minIntervalMs: 100,
      now: () => Date.now(),
      report: () => reports.push(Date.now()),
    });
    const start = Date.now();

    throttle.request();
    for (let index = 0; index < 50; index += 1) throttle.request();
    vi.advanceTimersByTime(99);
    expect(reports).toEqual([start]);

    vi.advanceTimersByTime(1);
    expect(reports).toEqual([start, start + 100]);
  });

  it('waits out the interval before the final report', async () => {
    const reports: number[] = [];
    const throttle = createProgressThrottle({
      minIntervalMs: 100,
      now: () => Date.now(),
      report: () => reports.push(Date.now()),
    });
    const start = Date.now();

    throttle.request();
    vi.advanceTimersByTime(30);
    const flushed = throttle.flush();
    await vi.advanceTimersByTimeAsync(100);
    await flushed;

    expect(reports).toEqual([start, start + 100]);
  });
});
