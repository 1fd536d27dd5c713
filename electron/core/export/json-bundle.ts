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
  // Scrub and finish run as one walk here: nothing between them reads the raw markers.
  const { events, summary, profile, findings } = scrubRun(input, redaction, { finish: true });
  const now = input.now ?? (() => new Date());
  const head = redaction.finishValue({
    app: { name: input.app.name, version: input.app.version },
    platform: platformInfo(),
  });
  const bundle: RunBundle = {
    schema: BUNDLE_SCHEMA,
    version: BUNDLE_VERSION,
    exportedAt: now().toISOString(),
    app: head.app,
    platform: head.platform,
    redaction: { mode: redaction.mode },
    profile,
    run: { ...summary, eventCount: events.length },
    events,
    findings,
    timings: timingsOf(events),
  };
  if (redaction.hasUnrevealed) bundle.redaction.note = UNREVEALED_NOTE;

  return bundle;
}

/** Renders a bundle as the text of a `.json` file. */
export function renderBundleText(input: ExportInput, redaction: ExportRedaction): string {
  return `${JSON.stringify(buildBundle(input, redaction), null, 2)}\n`;
}
