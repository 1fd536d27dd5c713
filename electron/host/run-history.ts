import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import type { RunLog, RunSummary } from '../contract';
import { createLogger } from '../core/logger';

const log = createLogger('diag:run-history');

/** How many finished runs the history keeps by default. */
export const RUN_HISTORY_LIMIT = 50;

/**
 * The last finished runs, one JSON file each under `<dataDir>/runs/`. Files are re-read at
 * start, so a restart loses no finished run; a file that cannot be read is skipped with a log
 * line. Writes go to a temporary file renamed into place, so a crash never leaves half a log.
 */
export class RunHistory {
  readonly #dir: string;
  readonly #limit: number;
  /** Oldest first. */
  #logs: RunLog[] = [];

  constructor(dataDir: string, limit = RUN_HISTORY_LIMIT) {
    this.#dir = join(dataDir, 'runs');
    this.#limit = limit;
  }

  /** The folder the logs live in. */
  get dir(): string {
    return this.#dir;
  }

  /** Reads every stored log; returns how many files were skipped. */
  load(): { loaded: number; skipped: number } {
    if (!existsSync(this.#dir)) return { loaded: 0, skipped: 0 };

    let skipped = 0;
    const logs: RunLog[] = [];
    for (const name of readdirSync(this.#dir)) {
      if (!name.endsWith('.json')) continue;
      const file = join(this.#dir, name);
      try {
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (!isRunLog(parsed)) throw new Error('Expected `summary.runId` and an `events` array');
        logs.push(parsed);
      } catch (error) {
        skipped += 1;
        log.warn('run log skipped', {
          file,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
    logs.sort((a, b) => a.summary.startedAt.localeCompare(b.summary.startedAt));
    this.#logs = logs;
    this.#prune();

    return { loaded: this.#logs.length, skipped };
  }

  /** Stores a finished run (replacing one with the same id) and drops the oldest past the limit. */
  add(runLog: RunLog): void {
    mkdirSync(this.#dir, { recursive: true });
    const file = this.#fileOf(runLog.summary.runId);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(runLog));
    renameSync(temp, file);

    this.#logs = this.#logs.filter((item) => item.summary.runId !== runLog.summary.runId);
    this.#logs.push(runLog);
    this.#prune();
  }

  /** Summaries, newest first. */
  list(): RunSummary[] {
    return this.#logs.map((item) => item.summary).reverse();
  }

  /** One stored run. */
  get(runId: string): RunLog | undefined {
    return this.#logs.find((item) => item.summary.runId === runId);
  }

  #prune(): void {
    while (this.#logs.length > this.#limit) {
      const oldest = this.#logs.shift();
      if (oldest !== undefined) rmSync(this.#fileOf(oldest.summary.runId), { force: true });
    }
  }

  #fileOf(runId: string): string {
    // Run ids are ours (UUIDs), but an imported bundle's id comes from outside: keep it a name.
    return join(this.#dir, `${runId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }
}

function isRunLog(value: unknown): value is RunLog {
  if (value === null || typeof value !== 'object') return false;
  const record = value as { summary?: { runId?: unknown; startedAt?: unknown }; events?: unknown };

  return (
    typeof record.summary?.runId === 'string' &&
    typeof record.summary.startedAt === 'string' &&
    Array.isArray(record.events)
  );
}
