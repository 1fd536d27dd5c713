import type {
  Finding,
  Profile,
  RunLog,
  RunSummary,
  TimelineEvent,
  TimelineEventType,
} from '../../contract';

import type { ExportRedaction } from './redaction';

/** Everything an export is made from. */
export interface ExportInput {
  log: RunLog;
  profile: Profile | null;
  findings: Finding[];
  /** `redactor.revealMap()` of the run; read only for redaction `include`. */
  reveal?: Map<string, string>;
  /** The app writing the export. */
  app: { name: string; version: string };
  /** Injected for tests; defaults to the wall clock. */
  now?: () => Date;
}

/** The run's data after the defence-in-depth scrub, markers still in place. */
export interface ScrubbedRun {
  summary: RunSummary;
  events: TimelineEvent[];
  profile: Profile | null;
  findings: Finding[];
}

/** Which events a format reads, and whether markers are finished in the same walk. */
export interface ScrubOptions {
  /**
   * The event types the format reads: only those events are scrubbed and handed on (in run
   * order), so a HAR of a long run does not walk thousands of signalling messages it never
   * writes. Every event when absent.
   */
  reads?: ReadonlySet<TimelineEventType>;
  /**
   * Also turn markers into the mode's form ({@link ExportRedaction.finishText}) in the same
   * walk, for a format that writes values as they are or cuts them only where no marker can
   * be cut (a `&`, `;` or `=`). Markers are left in place when absent.
   */
  finish?: boolean;
}

/**
 * Scrubs every value an export writes. The engine redacts at the source; this pass catches
 * a raw `cred=`, cookie or token that slipped in anyway, before any format sees the data.
 */
export function scrubRun(
  input: ExportInput,
  redaction: ExportRedaction,
  options: ScrubOptions = {},
): ScrubbedRun {
  const { reads, finish = false } = options;
  const events =
    reads === undefined ? input.log.events : input.log.events.filter((e) => reads.has(e.type));
  const walk = <T>(value: T): T =>
    finish ? redaction.scrubAndFinishValue(value) : redaction.scrubValue(value);

  return {
    summary: walk(input.log.summary),
    events: walk(events),
    profile: walk(input.profile),
    findings: walk(input.findings),
  };
}
