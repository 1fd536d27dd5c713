import type { Finding } from './diagnosis';
import type { Profile } from './profile';
import type { RunSummary } from './run-summary';
import type { RunTimings, TimelineEvent } from './timeline-event';

/** The formats a run exports to; `--export` picks one from the file extension. */
export type ExportFormat = 'json' | 'har' | 'md';

/**
 * `redact` (the default) writes `[REDACTED:<kind>]`; `hash` keeps the salted hash so equal
 * values can be matched within the export; `include` writes the values themselves, where the
 * running process still holds them, and is only taken after a warning.
 */
export type RedactionMode = 'redact' | 'hash' | 'include';

/** Options of an export. */
export interface ExportOptions {
  format: ExportFormat;
  redaction: RedactionMode;
}

/** A rendered export, ready to be written or downloaded. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** The schema name written into every JSON bundle. */
export const BUNDLE_SCHEMA = 'skylink-diagnostics/run-bundle';

/** The newest bundle version this build writes and reads. */
export const BUNDLE_VERSION = 1;

/** A JSON bundle, version 1 (documented in docs/export-format.md). */
export interface RunBundle {
  schema: typeof BUNDLE_SCHEMA;
  version: number;
  exportedAt: string;
  app: { name: string; version: string };
  platform: { os: string; arch: string; runtime: string };
  /**
   * How sensitive values were written. `note` says when an `include` export could not reveal
   * some of them (an imported run, or the app restarted since the run).
   */
  redaction: { mode: RedactionMode; note?: string };
  profile: Profile | null;
  run: RunSummary;
  events: TimelineEvent[];
  findings: Finding[];
  timings: RunTimings | null;
}
