import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LogRecord } from '../../../electron/core/logger';
import { createLogFileSink } from '../../../electron/host/log-file-sink';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-logs-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const record = (n: number): LogRecord => ({
  at: '2026-12-03T00:00:00.000Z',
  level: 'info',
  scope: 'diag:test',
  message: `line ${n}`,
  context: { n },
});

describe('createLogFileSink()', () => {
  it('writes one JSON object per line', () => {
    const { sink, path } = createLogFileSink({ dir });
    sink(record(1));
    sink(record(2));

    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as LogRecord).message)).toEqual([
      'line 1',
      'line 2',
    ]);
  });

  it('rotates by size and keeps at most maxFiles files, newest lines in app.log', () => {
    const { sink, path } = createLogFileSink({ dir, maxBytes: 300, maxFiles: 3 });
    for (let n = 0; n < 40; n += 1) sink(record(n));

    expect(readdirSync(dir).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(300);
    }
    expect(readFileSync(path, 'utf8')).toContain('line 39');
    expect(readFileSync(join(dir, 'app.2.log'), 'utf8')).not.toContain('line 0"');
  });

  it('continues an existing file after a restart', () => {
    createLogFileSink({ dir }).sink(record(1));
    const again = createLogFileSink({ dir });
    again.sink(record(2));

    expect(readFileSync(again.path, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
