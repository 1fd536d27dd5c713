import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_HTTP_STATUS_BY_CODE } from '../../electron/sandbox';

import { describeDifference } from './compare-sequences';
import { describeEvent } from './conformance-event';
import { ConformanceRig, type CellResult } from './conformance-rig';
import { expectedSdkSequence } from './expected-sequences';
import { knownDifferenceOf } from './known-differences';
import { matrixCells, runMatrix, type MatrixOutcome } from './run-matrix';
import { FAULT_SCENARIOS, SCENARIOS } from './scenarios';
import { SDK_VERSIONS, type SdkVersion } from './sdk-bundle';

// The whole matrix runs once, a few cells at a time, before the per-cell checks read it.
const MATRIX_TIMEOUT_MS = 180_000;

const ALL_SCENARIOS = [...SCENARIOS, ...FAULT_SCENARIOS];

let rig: ConformanceRig | undefined;
let outcomes: MatrixOutcome[] = [];

beforeAll(async () => {
  rig = await ConformanceRig.start();
  outcomes = await runMatrix(rig, matrixCells(ALL_SCENARIOS, SDK_VERSIONS));
}, MATRIX_TIMEOUT_MS);

afterAll(async () => {
  await rig?.close();
});

function cellOf(id: string, version: SdkVersion): CellResult {
  const outcome = outcomes.find((o) => o.cell.scenario.id === id && o.cell.version === version);
  if (outcome === undefined) throw new Error(`No result for ${id} × ${version}`);
  if (!outcome.ok) throw new Error(`${id} × ${version} could not run: ${outcome.error}`);

  return outcome.result;
}

describe.each(SDK_VERSIONS)('SkylinkJS %s against the sandbox and the engine', (version) => {
  describe.each(ALL_SCENARIOS.map((scenario) => [scenario.id, scenario] as const))(
    '%s',
    (id, scenario) => {
      it('makes the real SDK report the sequence it is known for', () => {
        const cell = cellOf(id, version);

        // 2.x's stats posts fail (always https); a fault's own parse errors are the point.
        if (scenario.group !== 'fault') {
          expect(cell.sdk.pageErrors.filter((e) => e !== 'Failed to fetch')).toEqual([]);
        }
        expect(cell.sdk.offLoopbackResponses).toEqual([]);
        expect(cell.sdk.compared.map(describeEvent)).toEqual(
          expectedSdkSequence(scenario, version),
        );
      });

      it('has the engine send the same auth request and joinRoom fields as the SDK', () => {
        const { sdk, engine } = cellOf(id, version).wire;

        expect(sdk.apiUrl).not.toBeNull();
        expect(engine.apiUrl).toBe(sdk.apiUrl);
        expect(engine.apiHeaders).toEqual(sdk.apiHeaders);
        expect(engine.joinRoomShape).toEqual(sdk.joinRoomShape);
      });

      const known = knownDifferenceOf(id, version);
      if (known === undefined) {
        it('has the engine report the same events, in order, with the same values', () => {
          const cell = cellOf(id, version);

          expect(cell.comparison.differences.map(describeDifference)).toEqual([]);
          expect(cell.engine.compared).toEqual(cell.sdk.compared);
        });
      } else {
        it(`differs from the engine exactly as recorded: ${known.explanation}`, () => {
          const cell = cellOf(id, version);

          expect(cell.comparison.differences.map(describeDifference)).toEqual(known.differences);
        });
      }
    },
  );
});

describe('SDK quirks the engine reproduces', () => {
  const apiErrors = SCENARIOS.filter((scenario) => scenario.group === 'api-error');

  it.each(apiErrors.map((scenario) => [scenario.id] as const))(
    '%s: 2.x reports the HTTP status as errorCode, 0.6 the API code',
    (id) => {
      const code = Number(id.replace('api-', ''));
      const status = DEFAULT_HTTP_STATUS_BY_CODE[code];
      const last = (cell: CellResult) => cell.engine.compared.at(-1);

      expect(last(cellOf(id, '2.7.2'))).toMatchObject({ state: -1, status, errorCode: status });
      expect(last(cellOf(id, '0.6.37'))).toMatchObject({ state: -1, status, errorCode: code });
    },
  );

  it('0.6 runs init() twice when joinRoom() follows init(); the engine imitates the second', () => {
    const cell = cellOf('success-cors', '0.6.37');
    const inits = cell.sdk.events.filter((e) => e.type === 'readyStateChange' && e.state === 0);

    expect(inits).toHaveLength(2);
    expect(cell.engine.compared.filter((e) => e.kind === 'readyStateChange')).toHaveLength(3);
  });

  it('2.x hangs where it has no timeout or no handler, and so does the engine in 2.x', () => {
    for (const id of ['network-timeout', 'ladder-second-port']) {
      const cell = cellOf(id, '2.7.2');

      expect(cell.sdk.endedBy).toBe('deadline');
      expect(cell.engine.outcome).toBe('failed');
      expect(cell.engine.compared.at(-1)).toMatchObject({ kind: 'readyStateChange' });
      expect(cell.engine.compared.at(-1)).not.toMatchObject({ state: -1 });
    }
  });
});
