import {
  BUNDLE_SCHEMA,
  BUNDLE_VERSION,
  type RunBundle,
  type RunTimings,
  type TimelineEvent,
} from '../../contract';

import { scrubRun, type ExportInput, type ScrubbedRun } from './export-input';
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
  const bundle = assemble(input, redaction, scrubRun(input, redaction, { finish: true }));
  if (redaction.hasUnrevealed) bundle.redaction.note = UNREVEALED_NOTE;

  return bundle;
}

/** Renders a bundle as the text of a `.json` file. */
export function renderBundleText(input: ExportInput, redaction: ExportRedaction): string {
  // `redact` and `hash` finish markers on the text in one pass, so the scrub walk copies
  // nothing unless it finds a raw value; `include` reveals and counts value by value.
  if (redaction.mode !== 'include') {
    const scrubbed = assemble(input, redaction, scrubRun(input, redaction));
    const finished = redaction.finishJsonText(stringify(scrubbed));
    if (finished !== null) return finished;
  }

  return stringify(buildBundle(input, redaction));
}

function assemble(input: ExportInput, redaction: ExportRedaction, run: ScrubbedRun): RunBundle {
  const now = input.now ?? (() => new Date());

  return {
    schema: BUNDLE_SCHEMA,
    version: BUNDLE_VERSION,
    exportedAt: now().toISOString(),
    app: redaction.finishValue({ name: input.app.name, version: input.app.version }),
    platform: redaction.finishValue(platformInfo()),
    redaction: { mode: redaction.mode },
    profile: run.profile,
    run: { ...run.summary, eventCount: run.events.length },
    events: run.events,
    findings: run.findings,
    timings: timingsOf(run.events),
  };
}

function stringify(bundle: RunBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
