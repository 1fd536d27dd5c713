import type { ErrorInfo, RunOutcome } from '../../contract';

/**
 * Thrown inside the engine to end a run with a known outcome; `runHandshake` turns it into
 * the `result` event. Anything else thrown is an internal bug and ends the run as `failed`.
 */
export class RunEnd extends Error {
  override readonly name = 'RunEnd';

  constructor(
    readonly outcome: RunOutcome,
    readonly error: ErrorInfo | null,
  ) {
    super(error?.message ?? outcome);
  }
}
