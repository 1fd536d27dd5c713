import { describe, expect, it } from 'vitest';

import { histogramBars, msText } from '../../../renderer/src/lib/repeat/histogram-bars';
import { checkRepeatField, REPEAT_BOUNDS } from '../../../renderer/src/lib/repeat/repeat-limits';

describe('checkRepeatField', () => {
  it('takes the bounds of the repeat:start request schema', () => {
    expect(REPEAT_BOUNDS).toEqual({
      count: { min: 1, max: 100_000 },
      concurrency: { min: 1, max: 500 },
      intervalMs: { min: 0, max: 600_000 },
    });
  });

  it('accepts whole numbers inside the bounds, spaces around them too', () => {
    expect(checkRepeatField('count', ' 20 ')).toEqual({ ok: true, value: 20 });
    expect(checkRepeatField('count', '100000')).toEqual({ ok: true, value: 100_000 });
    expect(checkRepeatField('intervalMs', '0')).toEqual({ ok: true, value: 0 });
  });

  it('names the field, the range and what came when the value is refused', () => {
    const cases: [Parameters<typeof checkRepeatField>, string][] = [
      [['count', '0'], 'Count must be a whole number from 1 to 100,000, got “0”'],
      [['count', '100001'], 'Count must be a whole number from 1 to 100,000, got “100001”'],
      [['concurrency', '2.5'], 'Concurrency must be a whole number from 1 to 500, got “2.5”'],
      [['intervalMs', ''], 'Interval (ms) must be a whole number from 0 to 600,000, got nothing'],
      [['count', 'ten'], 'Count must be a whole number from 1 to 100,000, got “ten”'],
    ];
    for (const [args, message] of cases) {
      expect(checkRepeatField(...args)).toEqual({ ok: false, message });
    }
  });
});

describe('histogramBars', () => {
  it('scales bars to the tallest bucket and labels each with its range and count', () => {
    const bars = histogramBars([
      { upperMs: 20, count: 4 },
      { upperMs: 50, count: 8 },
      { upperMs: 100, count: 0 },
      { upperMs: 200, count: 1 },
    ]);
    expect(bars.map((bar) => bar.height)).toEqual([0.5, 1, 0, 0.125]);
    expect(bars.map((bar) => bar.label)).toEqual([
      '≤ 20 ms: 4 runs',
      '20 ms–50 ms: 8 runs',
      '50 ms–100 ms: 0 runs',
      '100 ms–200 ms: 1 run',
    ]);
    expect(bars[1]?.share).toBeCloseTo(8 / 13);
  });

  it('draws nothing for an empty histogram', () => {
    expect(histogramBars([])).toEqual([]);
  });
});

describe('msText', () => {
  it('writes milliseconds short and seconds past 1000', () => {
    expect([msText(null), msText(0.93), msText(41.2), msText(1500), msText(20_000)]).toEqual([
      '–',
      '0.9 ms',
      '41 ms',
      '1.5 s',
      '20 s',
    ]);
  });
});
