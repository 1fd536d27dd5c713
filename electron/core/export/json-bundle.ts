import {
  BUNDLE_SCHEMA,
  BUNDLE_VERSION,
  type RunBundle,
  type RunTimings,
  type TimelineEvent,
} from '../../contract';

import { scrubRun, type ExportInput } from './export-input';
import { platformInfo } from './platform-info';
import { UNREVEALED_NOTE, type ExportRedaction } from './redaction';

/** The timings of a run, from its `result` event; `null` while it has none. */
export function timingsOf(events: readonly TimelineEvent[]): RunTimings | null {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (event?.type === 'result') return event.timings;
  }

  return null;
}

/** Builds a version-1 bundle with every string redacted as the export's mode asks. */
export function buildBundle(input: ExportInput, redaction: ExportRedaction): RunBundle {
  const run = scrubRun(input, redaction);
  const now = input.now ?? (() => new Date());
  const bundle: RunBundle = {
    schema: BUNDLE_SCHEMA,
    version: BUNDLE_VERSION,
    exportedAt: now().toISOString(),
    app: { name: input.app.name, version: input.app.version },
    platform: platformInfo(),
    redaction: { mode: redaction.mode },
    profile: run.profile,
    run: { ...run.summary, eventCount: run.events.length },
    events: run.events,
    findings: run.findings,
    timings: timingsOf(run.events),
  };
  const finished = redaction.finishValue(bundle);
  if (redaction.hasUnrevealed) finished.redaction.note = UNREVEALED_NOTE;

  return finished;
}

/** Renders a bundle as the text of a `.json` file. */
export function renderBundleText(input: ExportInput, redaction: ExportRedaction): string {
  return `${JSON.stringify(buildBundle(input, redaction), null, 2)}\n`;
}
