import type { ErrorInfo, RunOutcome } from '../../contract';

/**
 * Thrown inside the engine to end a run with a known outcome; `runHandshake` turns it into
 * the `result` event. Anything else thrown is an internal bug and ends the run as `failed`.
 */
export class RunEnd extends Error {
  override readonly name = 'RunEnd';

  readonly outcome: RunOutcome;
  readonly error: ErrorInfo | null;

  constructor(outcome: RunOutcome, error: ErrorInfo | null) {
    // A RunEnd is how a run ends, not a fault: every run makes at least one, and a stack trace
    // (which V8 captures through every async frame) would tell nobody anything.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(error?.message ?? outcome);
    Error.stackTraceLimit = stackTraceLimit;
    this.outcome = outcome;
    this.error = error;
  }
}
