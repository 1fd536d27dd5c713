import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { LogRecord, LogSink } from '../core/logger';

/** Options of the app's own log file. */
export interface LogFileOptions {
  dir: string;
  /** `app` writes `app.log`, rotated to `app.1.log`, `app.2.log`, … */
  baseName?: string;
  /** A file reaching this size is rotated before the next line. */
  maxBytes?: number;
  /** How many files are kept, the live one included. */
  maxFiles?: number;
}

/** A sink writing JSON lines, plus where it writes. */
export interface LogFileSink {
  sink: LogSink;
  /** The live file's path. */
  path: string;
}

/**
 * Writes log records as JSON lines into `dir`, rotating by size. Writes are synchronous so a
 * crash loses no line; the app logs little, so the cost is small.
 */
export function createLogFileSink(options: LogFileOptions): LogFileSink {
  const { dir, baseName = 'app', maxBytes = 1024 * 1024, maxFiles = 5 } = options;
  const fileAt = (n: number): string =>
    join(dir, n === 0 ? `${baseName}.log` : `${baseName}.${n}.log`);
  const live = fileAt(0);
  mkdirSync(dir, { recursive: true });
  let size = existsSync(live) ? statSync(live).size : 0;

  const rotate = (): void => {
    rmSync(fileAt(maxFiles - 1), { force: true });
    for (let n = maxFiles - 2; n >= 0; n -= 1) {
      if (existsSync(fileAt(n))) renameSync(fileAt(n), fileAt(n + 1));
    }
    size = 0;
  };

  const sink: LogSink = (record: LogRecord) => {
    const line = `${JSON.stringify(record)}\n`;
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > maxBytes) {
      if (maxFiles > 1) rotate();
      else {
        rmSync(live, { force: true });
        size = 0;
      }
    }
    try {
      appendFileSync(live, line);
      size += bytes;
    } catch {
      // A log line that cannot be written must not take the app down; the next line retries.
    }
  };

  return { sink, path: live };
}
