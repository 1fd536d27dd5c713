import type { CellResult, ConformanceRig } from './conformance-rig';
import type { ConformanceScenario } from './scenarios';
import type { SdkVersion } from './sdk-bundle';

/** One cell of the matrix: a scenario under one SDK version. */
export interface MatrixCell {
  scenario: ConformanceScenario;
  version: SdkVersion;
}

/** A cell's result, or why it could not be run at all. */
export type MatrixOutcome =
  | { cell: MatrixCell; ok: true; result: CellResult }
  | { cell: MatrixCell; ok: false; error: string };

/** Every scenario under every version, in table order. */
export function matrixCells(
  scenarios: readonly ConformanceScenario[],
  versions: readonly SdkVersion[],
): MatrixCell[] {
  return scenarios.flatMap((scenario) => versions.map((version) => ({ scenario, version })));
}

/**
 * Runs cells a few at a time. Each cell has its own page, keys or rooms, so cells do not see
 * each other; the limit only keeps two cores from starving the SDK's timers.
 */
export async function runMatrix(
  rig: ConformanceRig,
  cells: readonly MatrixCell[],
  options: { concurrency?: number; onCell?: (outcome: MatrixOutcome) => void } = {},
): Promise<MatrixOutcome[]> {
  const outcomes: MatrixOutcome[] = new Array<MatrixOutcome>(cells.length);
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < cells.length) {
      const index = next;
      next += 1;
      const cell = cells[index]!;
      let outcome: MatrixOutcome;
      try {
        outcome = { cell, ok: true, result: await rig.runCell(cell.scenario, cell.version) };
      } catch (error) {
        outcome = {
          cell,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        };
      }
      outcomes[index] = outcome;
      options.onCell?.(outcome);
    }
  };

  const workers = Math.max(1, Math.min(options.concurrency ?? 4, cells.length));
  await Promise.all(Array.from({ length: workers }, worker));

  return outcomes;
}
