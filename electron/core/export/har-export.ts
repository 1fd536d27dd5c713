import { scrubRun, type ExportInput } from './export-input';
import { HAR_EVENT_TYPES, harEntries, type HarEntry } from './har-entries';
import { UNREVEALED_NOTE, type ExportRedaction } from './redaction';

/** A HAR 1.2 document, as this exporter writes it. */
export interface HarDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment: string;
  };
}

/** Builds the HAR 1.2 document of a run's HTTP part, redacted as the export's mode asks. */
export function buildHar(input: ExportInput, redaction: ExportRedaction): HarDocument {
  // Markers are finished before the entries are cut from the events: the cuts (query pairs at
  // `&` and `=`, cookies at `;`) never fall inside a marker, so the result is the same as
  // finishing the document after, without a second walk over it. In `include` mode a revealed
  // value is cut where the request itself was, so the query pairs match the URL shown.
  const run = scrubRun(input, redaction, { reads: HAR_EVENT_TYPES, finish: true });
  const summary = run.summary;
  const har: HarDocument = {
    log: {
      version: '1.2',
      creator: {
        name: redaction.finishText(input.app.name),
        version: redaction.finishText(input.app.version),
      },
      entries: harEntries(run.events),
      comment:
        `Skylink handshake run ${summary.runId} (${summary.profileName}), ` +
        `${summary.headline}; sensitive values: ${redaction.mode}`,
    },
  };
  if (redaction.hasUnrevealed) har.log.comment += `. ${UNREVEALED_NOTE}`;

  return har;
}

/** Renders the HAR as the text of a `.har` file. */
export function renderHarText(input: ExportInput, redaction: ExportRedaction): string {
  return `${JSON.stringify(buildHar(input, redaction), null, 2)}\n`;
}
