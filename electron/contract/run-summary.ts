import type { AuthMode, SdkFlavour } from './profile';
import type { RunOutcome, TimelineEvent } from './timeline-event';

/** Where a run is in its life. */
export type RunState = 'idle' | 'http' | 'signalling' | 'done' | 'failed' | 'cancelled';

/** Where a run log came from. */
export type RunSource = 'live' | 'imported';

/** One line of run history. */
export interface RunSummary {
  runId: string;
  profileId: string | null;
  profileName: string;
  source: RunSource;
  startedAt: string;
  finishedAt: string | null;
  state: RunState;
  outcome: RunOutcome | null;
  /** A short outcome such as `COMPLETED, joined` or `ERROR 4005 API_CREDENTIALS_NOT_MATCH`. */
  headline: string;
  durationMs: number | null;
  eventCount: number;
  sdk: SdkFlavour;
  authMode: AuthMode;
  /** Set when the run belongs to a repeat batch. */
  repeatId: string | null;
}

/** A whole run: its summary and every event, in `seq` order. */
export interface RunLog {
  summary: RunSummary;
  events: TimelineEvent[];
}
