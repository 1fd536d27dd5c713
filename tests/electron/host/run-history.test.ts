import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunLog } from '../../../electron/contract';
import { RunHistory } from '../../../electron/host/run-history';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-history-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runLog(n: number): RunLog {
  return {
    summary: {
      runId: `run-${n}`,
      profileId: null,
      profileName: 'p',
      source: 'live',
      startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      finishedAt: null,
      state: 'done',
      outcome: 'joined',
      headline: 'COMPLETED, joined',
      durationMs: 10,
      eventCount: 0,
      sdk: '0.6',
      authMode: 'cors',
      repeatId: null,
    },
    events: [],
  };
}

describe('RunHistory', () => {
  it('keeps the newest runs up to its limit, on disk and across a restart', () => {
    const history = new RunHistory(dir, 3);
    for (let n = 1; n <= 5; n += 1) history.add(runLog(n));

    expect(history.list().map((summary) => summary.runId)).toEqual(['run-5', 'run-4', 'run-3']);
    expect(readdirSync(join(dir, 'runs')).sort()).toEqual([
      'run-3.json',
      'run-4.json',
      'run-5.json',
    ]);
    const reloaded = new RunHistory(dir, 3);
    expect(reloaded.load()).toEqual({ loaded: 3, skipped: 0 });
    expect(reloaded.get('run-4')?.summary.headline).toBe('COMPLETED, joined');
  });

  it('skips a corrupt file at start without failing', () => {
    new RunHistory(dir).add(runLog(1));
    mkdirSync(join(dir, 'runs'), { recursive: true });
    writeFileSync(join(dir, 'runs', 'broken.json'), '{"summary": ');
    writeFileSync(join(dir, 'runs', 'wrong-shape.json'), '{"hello": 1}');

    const history = new RunHistory(dir);

    expect(history.load()).toEqual({ loaded: 1, skipped: 2 });
    expect(history.list().map((summary) => summary.runId)).toEqual(['run-1']);
  });
});
