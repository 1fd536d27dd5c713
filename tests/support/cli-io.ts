import { PassThrough, Readable } from 'node:stream';

import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/output';

/** What one in-process CLI invocation printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface CliRunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string[];
  cwd?: string;
  /** Fires the interrupt listeners (Ctrl-C) after this many milliseconds. */
  interruptAfterMs?: number;
}

/** Builds a {@link CliIo} over in-memory streams, and a way to read what was written. */
export function memoryIo(options: CliRunOptions = {}): {
  io: CliIo;
  output: () => { stdout: string; stderr: string };
  interrupt: () => void;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const listeners = new Set<() => void>();
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin ?? []),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: false,
    isStderrTTY: false,
    onInterrupt: (listener) => {
      listeners.add(listener);

      return () => listeners.delete(listener);
    },
  };

  return {
    io,
    output: () => ({ stdout: out, stderr: err }),
    interrupt: () => {
      for (const listener of listeners) listener();
    },
  };
}

/** Runs `skylink-diag <argv…>` in this process, as a user would from a shell. */
export async function runCli(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const { io, output, interrupt } = memoryIo(options);
  const timer =
    options.interruptAfterMs === undefined
      ? undefined
      : setTimeout(interrupt, options.interruptAfterMs);
  const code = await main(argv, io);
  clearTimeout(timer);

  return { code, ...output() };
}
