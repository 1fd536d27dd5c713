import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

import { configureLogging } from '../electron/core/logger';

import { row, type BenchRow } from './bench-row';
import { withDeadline } from './bench-stats';
import { renderTable } from './bench-table';
import { buildRenderer } from './build-renderer';
import { startChildSandbox, type ChildSandbox } from './child-sandbox';
import { measureExportImport } from './export-import';
import { measureHandshakeLatency } from './handshake-latency';
import { buildLargeRun } from './large-run';
import { measureRendererStream } from './renderer-stream';
import { measureRepeatThroughput } from './repeat-throughput';
import { measureSdkVsEngine } from './sdk-vs-engine';

/**
 * `npm run bench`: five comparisons against a sandbox on 127.0.0.1, each figure the median of
 * several rounds, each comparison side by side in this one process. Prints a Markdown table
 * and writes `bench/results.json`. `--quick` runs two rounds instead of five (for trying the
 * script, not for figures); `--only 1,3` runs some sections.
 */

const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));
const LARGE_RUN_EVENTS = 100_000;
/** No section may run longer than this; a hung browser or server cannot hold the bench. */
const SECTION_DEADLINE_MS = 10 * 60_000;

interface Section {
  id: number;
  title: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

interface BenchContext {
  sandbox: ChildSandbox;
  rounds: number;
}

const SECTIONS: Section[] = [
  {
    id: 1,
    title: '1. handshake latency',
    run: ({ sandbox, rounds }) =>
      measureHandshakeLatency(sandbox.url, { rounds, sets: 100, warmup: 30 }),
  },
  {
    id: 2,
    title: '2. real SDK vs engine',
    run: ({ sandbox, rounds }) => measureSdkVsEngine(sandbox.url, { rounds, joins: 10 }),
  },
  {
    id: 3,
    title: '3. repeat throughput',
    run: ({ sandbox, rounds }) =>
      measureRepeatThroughput(sandbox.url, {
        rounds,
        count: 2000,
        concurrency: 50,
        sandboxPid: sandbox.pid,
      }),
  },
  {
    id: 4,
    title: '4. renderer timeline',
    run: async ({ sandbox, rounds }) => {
      const staticDir = await buildRenderer();
      const log = await buildLargeRun(sandbox.url, LARGE_RUN_EVENTS);

      return measureRendererStream(log, {
        rounds,
        ratePerSecond: 5000,
        staticDir,
        sandboxUrl: sandbox.url,
      });
    },
  },
  {
    id: 5,
    title: '5. export / import',
    run: async ({ sandbox, rounds }) =>
      measureExportImport(await buildLargeRun(sandbox.url, LARGE_RUN_EVENTS), { rounds }),
  },
];

function parseArgs(argv: string[]): { quick: boolean; only: Set<number> | null } {
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const onlyText = onlyAt === -1 ? undefined : argv[onlyAt + 1];
  if (onlyAt !== -1 && (onlyText === undefined || !/^[1-5](,[1-5])*$/.test(onlyText))) {
    throw new Error(
      `Expected \`--only\` to list sections 1-5 such as 1,3, got ${onlyText ?? 'nothing'}`,
    );
  }

  return { quick, only: onlyText === undefined ? null : new Set(onlyText.split(',').map(Number)) };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  configureLogging({ level: 'error' });
  const { quick, only } = parseArgs(process.argv.slice(2));
  const rounds = quick ? 2 : 5;
  const startedAt = new Date();
  const loadBefore = loadavg();
  const sandbox = await startChildSandbox();
  const rows: BenchRow[] = [];
  try {
    for (const section of SECTIONS) {
      if (only !== null && !only.has(section.id)) continue;
      process.stderr.write(`bench: ${section.title}…\n`);
      const sectionStarted = performance.now();
      try {
        rows.push(
          ...(await withDeadline(
            section.title,
            SECTION_DEADLINE_MS,
            section.run({ sandbox, rounds }),
          )),
        );
      } catch (error) {
        const why = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        rows.push(
          row({
            section: section.title,
            metric: '(whole section)',
            value: null,
            unit: '',
            note: `failed: ${why}`,
          }),
        );
      }
      process.stderr.write(
        `bench: ${section.title} ` +
          `took ${((performance.now() - sectionStarted) / 1000).toFixed(0)} s\n`,
      );
    }
  } finally {
    await sandbox.close();
  }

  const environment = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverageBefore: loadBefore.map((load) => Number(load.toFixed(2))),
    loadAverageAfter: loadavg().map((load) => Number(load.toFixed(2))),
    commit: gitCommit(),
    rounds,
    quick,
  };
  const table = renderTable(rows);
  process.stdout.write(`${table.join('\n')}\n`);
  process.stdout.write(
    `\n${environment.cpus} CPUs, load average ${environment.loadAverageBefore[0]} ` +
      `before, ${environment.loadAverageAfter[0]} after; ${rounds} rounds per figure\n`,
  );
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment,
    rows,
    table,
  };
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${RESULTS_PATH}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
