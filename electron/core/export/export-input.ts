import type { Finding, Profile, RunLog, RunSummary, TimelineEvent } from '../../contract';

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

/**
 * Scrubs every value an export writes. The engine redacts at the source; this pass catches
 * a raw `cred=`, cookie or token that slipped in anyway, before any format sees the data.
 */
export function scrubRun(input: ExportInput, redaction: ExportRedaction): ScrubbedRun {
  return {
    summary: redaction.scrubValue(input.log.summary),
    events: redaction.scrubValue(input.log.events),
    profile: redaction.scrubValue(input.profile),
    findings: redaction.scrubValue(input.findings),
  };
}
