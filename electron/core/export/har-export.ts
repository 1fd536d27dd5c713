import { scrubRun, type ExportInput } from './export-input';
import { harEntries, type HarEntry } from './har-entries';
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
  const run = scrubRun(input, redaction);
  const summary = run.summary;
  const har: HarDocument = {
    log: {
      version: '1.2',
      creator: { name: input.app.name, version: input.app.version },
      entries: harEntries(run.events),
      comment:
        `Skylink handshake run ${summary.runId} (${summary.profileName}), ` +
        `${summary.headline}; sensitive values: ${redaction.mode}`,
    },
  };
  const finished = redaction.finishValue(har);
  if (redaction.hasUnrevealed) finished.log.comment += `. ${UNREVEALED_NOTE}`;

  return finished;
}

/** Renders the HAR as the text of a `.har` file. */
export function renderHarText(input: ExportInput, redaction: ExportRedaction): string {
  return `${JSON.stringify(buildHar(input, redaction), null, 2)}\n`;
}
