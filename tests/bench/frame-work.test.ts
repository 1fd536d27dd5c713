import { describe, expect, it } from 'vitest';

import { latePercent, presentedMs, REFRESH_MS } from '../../bench/frame-work';

describe('presentedMs()', () => {
  it('reads a jittered interval as the whole refreshes it spans', () => {
    expect(presentedMs(16.8)).toBeCloseTo(REFRESH_MS, 6);
    expect(presentedMs(16.5)).toBeCloseTo(REFRESH_MS, 6);
    expect(presentedMs(24.9)).toBeCloseTo(REFRESH_MS, 6);
    expect(presentedMs(25.1)).toBeCloseTo(2 * REFRESH_MS, 6);
    expect(presentedMs(50.2)).toBeCloseTo(3 * REFRESH_MS, 6);
  });

  it('counts an interval shorter than a refresh as one refresh', () => {
    expect(presentedMs(3)).toBeCloseTo(REFRESH_MS, 6);
  });
});

describe('latePercent()', () => {
  it('counts the frames that stayed on screen for more than one refresh', () => {
    expect(latePercent([16.7, 16.8, 33.3, 16.6])).toBe(25);
    expect(latePercent([16.7, 24.9])).toBe(0);
    expect(latePercent([])).toBeNaN();
  });
});
