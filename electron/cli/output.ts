import type { Readable, Writable } from 'node:stream';

/**
 * The CLI's streams and environment, injected so tests run commands in-process. This module
 * is the only CLI code that writes to a stream directly.
 */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal (colour, live timeline). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  isStderrTTY: boolean;
  /** Resolves when the user presses Ctrl-C or the process gets SIGTERM. */
  onInterrupt(listener: () => void): () => void;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY,
    isStderrTTY: process.stderr.isTTY,
    onInterrupt(listener) {
      process.on('SIGINT', listener);
      process.on('SIGTERM', listener);

      return () => {
        process.off('SIGINT', listener);
        process.off('SIGTERM', listener);
      };
    },
  };
}

/** Writes one line to stdout. */
export function printLine(io: CliIo, line = ''): void {
  io.stdout.write(`${line}\n`);
}

/** Writes one line to stderr. */
export function printError(io: CliIo, line: string): void {
  io.stderr.write(`${line}\n`);
}

/** Writes a JSON value as one NDJSON line. */
export function printJsonLine(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, grey: 90 } as const;

/** A colour name the CLI uses. */
export type Colour = keyof typeof ANSI | 'bold';

/** Colours text when stdout is a terminal and `NO_COLOR` is not set. */
export function paint(io: CliIo, colour: Colour, text: string): string {
  if (!io.isTTY || io.env.NO_COLOR !== undefined) return text;
  const code = colour === 'bold' ? 1 : ANSI[colour];

  return `\u001b[${code}m${text}\u001b[0m`;
}
