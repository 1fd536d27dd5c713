import { PassThrough, Readable } from 'node:stream';

import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/output';
import type { TimelineEvent } from '../../electron/contract';

/** What one in-process CLI invocation printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link memoryIo} and {@link runCli}. */
export interface CliRunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string[];
  cwd?: string;
  /** Whether stdout claims to be a terminal (the printers colour and redraw only then). */
  isTTY?: boolean;
  /** Fires the interrupt listeners (Ctrl-C) after this many milliseconds. */
  interruptAfterMs?: number;
  /**
   * Fires each interrupt listener this many milliseconds after it is registered, so a serving
   * command stops however late it starts listening (the fuzz runs many commands under load).
   */
  interruptListenersAfterMs?: number;
}

/** An in-memory {@link CliIo} and the handles a test reads it and drives it with. */
export interface MemoryIo {
  io: CliIo;
  output: () => { stdout: string; stderr: string };
  /** Resolves with the first full line written to stdout. */
  firstLine: Promise<string>;
  interrupt: () => void;
}

/** Builds a {@link CliIo} over in-memory streams, and a way to read what was written. */
export function memoryIo(options: CliRunOptions = {}): MemoryIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const firstLine = new Promise<string>((resolve) => {
    stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
  });
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const listeners = new Set<() => void>();
  const delay = options.interruptListenersAfterMs;
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin ?? []),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
    isStderrTTY: false,
    onInterrupt: (listener) => {
      if (delay !== undefined) {
        const timer = setTimeout(listener, delay);

        return () => clearTimeout(timer);
      }
      listeners.add(listener);

      return () => listeners.delete(listener);
    },
  };

  return {
    io,
    output: () => ({ stdout: out, stderr: err }),
    firstLine,
    interrupt: () => {
      // A copy: a listener may unregister itself while it runs.
      for (const listener of [...listeners]) listener();
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

/** The events of a `--json` run: one JSON object a line on stdout. */
export function jsonLines(stdout: string): TimelineEvent[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TimelineEvent);
}
