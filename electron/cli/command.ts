import type { CliIo } from './output';

/** Exit statuses: 0 joined or done, 1 the handshake failed or was rejected, 2 bad usage. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** One `skylink-diag` sub-command. */
export interface Command {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** The full usage text, printed by `skylink-diag <name> --help`. */
  usage: string;
  /** Runs the command; throws {@link UsageError} for bad input. Returns the exit status. */
  run(argv: string[], io: CliIo): Promise<number>;
}
