import { describe, expect, it } from 'vitest';

import {
  formatRepeatSummary,
  progressBar,
} from '../../../../electron/core/repeat/format-repeat-summary';
import { RepeatAggregator } from '../../../../electron/core/repeat/repeat-aggregator';

import { makeResult } from './make-result';

const START_MS = Date.parse('2026-12-03T19:00:00.000Z');

function sampleSummary() {
  const batch = new RepeatAggregator({
    repeatId: 'rpt-7',
    profileName: 'Sandbox CORS',
    total: 10,
    startedAtMs: START_MS,
  });
  for (let index = 0; index < 8; index += 1) batch.add(makeResult({ durationMs: 12 + index }));
  batch.add(
    makeResult({
      outcome: 'failed',
      durationMs: 3,
      readyStateError: {
        status: 403,
        errorCode: 4020,
        errorName: 'API_OVER_SEAT_LIMIT',
        content: '',
      },
    }),
  );
  batch.add(
    makeResult({
      outcome: 'failed',
      durationMs: 4000,
      error: { code: 'http.timeout', message: 'slow' },
    }),
  );

  return batch.summary({
    nowMs: START_MS + 1500,
    elapsedMs: 1500,
    finished: true,
    keptRunIds: ['rpt-7-1', 'rpt-7-9', 'rpt-7-10'],
    failedRunIds: ['rpt-7-9', 'rpt-7-10'],
  });
}

describe('formatRepeatSummary', () => {
  it('states the batch, rate and success rate in its first lines', () => {
    const lines = formatRepeatSummary(sampleSummary());

    expect(lines[0]).toBe('Repeat rpt-7 (Sandbox CORS): 10 of 10 runs, 1.50 s, 6.7/s');
    expect(lines[1]).toBe('Success rate 80.0 %  (8 of 10 joined)');
  });

  it('lists every outcome key with its count and share', () => {
    const text = formatRepeatSummary(sampleSummary()).join('\n');

    expect(text).toMatch(/joined\s+8\s+80\.0 %/);
    expect(text).toMatch(/ERROR 4020\s+1\s+10\.0 %/);
    expect(text).toMatch(/failed http\.timeout\s+1\s+10\.0 %/);
  });

  it('prints a row per phase, with dashes where a phase never happened', () => {
    const lines = formatRepeatSummary(sampleSummary());
    const dns = lines.find((line) => line.trimStart().startsWith('dns'));
    const total = lines.find((line) => line.trimStart().startsWith('total'));

    expect(dns).toMatch(/dns\s+0\s+-\s+-\s+-\s+-$/);
    expect(total).toMatch(/total\s+10\s+/);
    expect(total?.trimEnd().endsWith('4000')).toBe(true);
  });

  it('draws the histogram with the fullest bucket at full width and rare buckets visible', () => {
    const lines = formatRepeatSummary(sampleSummary());
    const bars = lines.filter((line) => line.startsWith('  <= '));

    expect(bars.find((line) => line.includes('<=   20 '))).toContain('#'.repeat(40));
    expect(bars.find((line) => line.includes('<= 5000 '))).toMatch(/\|#{5} +1$/);
    expect(lines.every((line) => line.length <= 80 && /^[\x20-\x7e]*$/.test(line))).toBe(true);
  });

  it('says how many runs were kept', () => {
    expect(formatRepeatSummary(sampleSummary()).at(-1)).toBe('Kept 3 runs in full (2 failed)');
  });
});

describe('progressBar', () => {
  it('fills in proportion to the runs done', () => {
    expect(progressBar(45, 100, 20)).toBe('[#########-----------]  45/100 45%');
  });

  it('clamps counts beyond the total and a bad width', () => {
    expect(progressBar(150, 100, 10)).toBe('[##########] 100/100 100%');
    expect(progressBar(-3, 4, 0)).toBe('[-] 0/4 0%');
  });

  it('shows an empty batch as complete', () => {
    expect(progressBar(0, 0, 4)).toBe('[####] 0/0 100%');
  });
});

describe('formatRepeatSummary histogram', () => {
  it('gives a single slow run one mark next to a thousand fast ones', () => {
    const batch = new RepeatAggregator({
      repeatId: 'r',
      profileName: 'p',
      total: 1001,
      startedAtMs: 0,
    });
    for (let index = 0; index < 1000; index += 1) batch.add(makeResult({ durationMs: 12 }));
    batch.add(makeResult({ durationMs: 900 }));
    const summary = batch.summary({
      nowMs: 1000,
      elapsedMs: 1000,
      finished: true,
      keptRunIds: [],
      failedRunIds: [],
    });

    const slow = formatRepeatSummary(summary).find((line) => line.startsWith('  <= 1000 '));

    expect(slow).toMatch(/\|# +1$/);
  });
});
