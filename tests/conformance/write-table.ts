// Runs the conformance matrix and writes docs/conformance-results.md (npm run conformance:table).
// A script, not a test: it reports on the console and sets the exit code.
import { writeFile } from 'node:fs/promises';

import { format } from 'prettier';

import { configureLogging } from '../../electron/core/logger';
import { ENGINE_VERSION } from '../../electron/core/version';

import { ConformanceRig } from './conformance-rig';
import { renderResults, verdictOf } from './results-markdown';
import { matrixCells, runMatrix } from './run-matrix';
import { FAULT_SCENARIOS, SCENARIOS } from './scenarios';
import { SDK_VERSIONS } from './sdk-bundle';

const OUTPUT = new URL('../../docs/conformance-results.md', import.meta.url);

async function main(): Promise<void> {
  configureLogging({ level: 'error' });
  const startedAt = Date.now();
  const rig = await ConformanceRig.start();
  let markdown: string;
  let unexpected = 0;
  try {
    const cells = matrixCells([...SCENARIOS, ...FAULT_SCENARIOS], SDK_VERSIONS);
    console.log(`Running ${cells.length} cells…`);
    const outcomes = await runMatrix(rig, cells, {
      onCell: (outcome) => {
        const verdict = verdictOf(outcome);
        if (verdict === 'new' || verdict === 'error') unexpected += 1;
        console.log(`${verdict.padEnd(8)} ${outcome.cell.scenario.id} × ${outcome.cell.version}`);
      },
    });
    markdown = renderResults(outcomes, {
      generatedAt: new Date().toISOString(),
      engineVersion: ENGINE_VERSION,
      chromiumVersion: rig.browser.version,
      durationMs: Date.now() - startedAt,
    });
  } finally {
    await rig.close();
  }

  await writeFile(OUTPUT, await format(markdown, { parser: 'markdown', printWidth: 100 }));
  console.log(`Wrote ${OUTPUT.pathname}`);
  if (unexpected > 0) {
    console.error(`${unexpected} cell(s) differ in a way known-differences.ts does not record`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
