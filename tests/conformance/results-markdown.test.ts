import { describe, expect, it } from 'vitest';

import { compareSequences } from './compare-sequences';
import type { ConformanceEvent } from './conformance-event';
import type { CellResult } from './conformance-rig';
import type { KnownDifference } from './known-differences';
import { renderResults, shortLabel, verdictOf } from './results-markdown';
import type { MatrixOutcome } from './run-matrix';
import { FAULT_SCENARIOS, SCENARIOS } from './scenarios';
import type { SdkVersion } from './sdk-bundle';

const ALL = [...SCENARIOS, ...FAULT_SCENARIOS];

function outcomeOf(
  id: string,
  version: SdkVersion,
  sdk: ConformanceEvent[],
  engine: ConformanceEvent[],
): MatrixOutcome {
  const scenario = ALL.find((s) => s.id === id)!;
  const result = {
    scenario,
    version,
    sdk: { compared: sdk, endedBy: 'error', events: [] },
    engine: { compared: engine, timeline: [], outcome: 'failed' },
    comparison: compareSequences(sdk, engine),
    wire: {
      sdk: { apiUrl: '/api/k/r?rand=#', apiHeaders: {}, joinRoomShape: null },
      engine: { apiUrl: '/api/k/r?rand=#', apiHeaders: {}, joinRoomShape: null },
    },
  } as unknown as CellResult;

  return { cell: { scenario, version }, ok: true, result };
}

const error = (status: number, errorCode: number): ConformanceEvent => ({
  kind: 'readyStateChange',
  state: -1,
  status,
  errorCode,
  room: 'lobby',
  content: 'x',
});

const state = (value: number): ConformanceEvent => ({
  kind: 'readyStateChange',
  state: value,
  status: null,
  errorCode: null,
  room: 'lobby',
  content: null,
});
const head = [state(0), state(1)];

describe('shortLabel()', () => {
  it('prints an error state with its status and code, a reject with its reason', () => {
    expect(shortLabel(error(404, 4001))).toBe('ERROR 404/4001');
    expect(shortLabel({ kind: 'systemAction', action: 'reject', reason: 'locked', info: '' })).toBe(
      'reject:locked',
    );
  });
});

describe('verdictOf()', () => {
  it('tells agreeing, recorded, new and unrun cells apart', () => {
    const agree = outcomeOf('api-4001', '0.6.37', [error(404, 4001)], [error(404, 4001)]);
    const fresh = outcomeOf('api-4001', '0.6.37', [error(404, 4001)], [error(404, 404)]);
    const failed: MatrixOutcome = { cell: agree.cell, ok: false, error: 'Chromium crashed' };

    expect(verdictOf(agree)).toBe('agree');
    expect(verdictOf(fresh)).toBe('new');
    expect(verdictOf(failed)).toBe('error');
  });

  it('counts a cell as recorded only when its lines match the record exactly', () => {
    const record: KnownDifference = {
      scenarioId: 'fault-slow-drip',
      version: '0.6.37',
      differences: [
        'SDK #3 readyStateChange ERROR status=200 errorCode=-2 vs engine #3 readyStateChange ' +
          'ERROR status=-1 errorCode=-2 (status)',
      ],
      explanation: 'a test record',
    };
    const sdk = [...head, error(200, -2)];
    const matching = outcomeOf(record.scenarioId, record.version, sdk, [...head, error(-1, -2)]);
    const other = outcomeOf(record.scenarioId, record.version, sdk, [...head, error(-1, -1)]);

    expect(verdictOf(matching, [record])).toBe('recorded');
    expect(verdictOf(other, [record])).toBe('new');
    expect(verdictOf(matching, [])).toBe('new');
  });
});

describe('renderResults()', () => {
  it('counts the verdicts and lists each difference with its lines', () => {
    const markdown = renderResults(
      [
        outcomeOf('api-4001', '0.6.37', [error(404, 4001)], [error(404, 4001)]),
        outcomeOf('api-4001', '2.7.2', [error(404, 404)], [error(404, 4001)]),
      ],
      { generatedAt: 'now', engineVersion: '0.1.0', chromiumVersion: '156', durationMs: 1000 },
    );

    expect(markdown).toContain('2 cells: 1 agree, 0 differ as recorded, 1 differ in a new way');
    expect(markdown).toContain('### api-4001 × SkylinkJS 2.7.2');
    expect(markdown).toContain('(errorCode)');
    expect(markdown).toContain(
      '| api-4001 | API error 4001 | 0.6.37 | agree | same | ERROR 404/4001 |',
    );
    expect(markdown).toContain('Wire: 2 of 2 cells send the same.');
  });
});
