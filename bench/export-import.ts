import type { ExportFormat, Result, RunLog } from '../electron/contract';
import {
  MAX_BUNDLE_CHARS,
  MAX_BUNDLE_EVENTS,
  parseBundle,
  profileFromHar,
  renderExport,
  type ExportInput,
} from '../electron/core/export';
import { ENGINE_VERSION } from '../electron/core/version';

import { row, type BenchRow } from './bench-row';
import { median, rounds } from './bench-stats';

const SECTION = '5. export / import';
const FORMATS: readonly ExportFormat[] = ['json', 'har', 'md'];

function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();

  return { ms: performance.now() - started, value };
}

/**
 * Renders the large run in each format and reads it back where the product can: `json` with
 * `parseBundle` (the "open log" path), `har` with `profileFromHar` (the "profile from a
 * browser HAR" path); Markdown has no importer. Each figure is the median of `rounds` runs.
 */
export async function measureExportImport(
  log: RunLog,
  options: { rounds: number },
): Promise<BenchRow[]> {
  const input: ExportInput = {
    log,
    profile: null,
    findings: [],
    app: { name: 'Skylink Diagnostics bench', version: ENGINE_VERSION },
  };
  const count = log.events.length.toLocaleString('en-US');
  const rows: BenchRow[] = [];

  for (const format of FORMATS) {
    let text = '';
    const exportMs = await rounds(options.rounds, () => {
      const { ms, value } = timed(() => renderExport(input, { format, redaction: 'redact' }));
      text = value.text;

      return Promise.resolve(ms);
    });
    const size =
      text.length >= 1024 * 1024
        ? `${(text.length / (1024 * 1024)).toFixed(1)} MB`
        : `${(text.length / 1024).toFixed(1)} KB`;
    rows.push(
      row({
        section: SECTION,
        metric: `export ${format}, ${count} events`,
        value: median(exportMs),
        unit: 'ms',
        lessThan: 1000,
        note: `${options.rounds} rounds; ${size} of text`,
      }),
    );
    const imported = await importRow(format, text, count, options.rounds);
    rows.push(imported);
    if (format === 'json' && imported.value === null) {
      rows.push(await largestAcceptedImport(input, options.rounds));
    }
  }

  return rows;
}

/**
 * When the full bundle is refused, the import of the largest prefix of the run that
 * `parseBundle` accepts (under both its event and its character cap), so the figure that
 * exists is still reported.
 */
async function largestAcceptedImport(input: ExportInput, roundCount: number): Promise<BenchRow> {
  let events = Math.min(input.log.events.length, MAX_BUNDLE_EVENTS);
  let text = '';
  // Bounded: at most a few shrinking steps, each proportional to how far over the cap it was.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const log = { ...input.log, events: input.log.events.slice(0, events) };
    text = renderExport({ ...input, log }, { format: 'json', redaction: 'redact' }).text;
    if (text.length <= MAX_BUNDLE_CHARS) break;
    events = Math.floor(events * (MAX_BUNDLE_CHARS / text.length) * 0.98);
  }
  const metric = `import json, ${events.toLocaleString('en-US')} events (largest accepted)`;
  if (!parseBundle(text).ok) {
    return row({
      section: SECTION,
      metric,
      value: null,
      unit: 'ms',
      lessThan: 1000,
      note: 'no prefix of the run was accepted',
    });
  }
  const importMs = await rounds(roundCount, () =>
    Promise.resolve(timed(() => parseBundle(text)).ms),
  );

  return row({
    section: SECTION,
    metric,
    value: median(importMs),
    unit: 'ms',
    lessThan: 1000,
    note:
      `caps: ${MAX_BUNDLE_EVENTS.toLocaleString('en-US')} ` +
      `events, ${MAX_BUNDLE_CHARS / (1024 * 1024)} MiB of text`,
  });
}

async function importRow(
  format: ExportFormat,
  text: string,
  count: string,
  roundCount: number,
): Promise<BenchRow> {
  const metric = `import ${format}, ${count} events`;
  if (format === 'md') {
    return row({
      section: SECTION,
      metric,
      value: null,
      unit: 'ms',
      lessThan: 1000,
      note: 'no Markdown importer exists: a report is for reading',
    });
  }
  const read = (): Result<unknown> =>
    format === 'json' ? parseBundle(text) : profileFromHar(text, false);
  const first = read();
  if (!first.ok) {
    return row({
      section: SECTION,
      metric,
      value: null,
      unit: 'ms',
      lessThan: 1000,
      note: `refused: ${first.error.message}`,
    });
  }
  const importMs = await rounds(roundCount, () => Promise.resolve(timed(read).ms));

  return row({
    section: SECTION,
    metric,
    value: median(importMs),
    unit: 'ms',
    lessThan: 1000,
    note:
      format === 'har'
        ? `${roundCount} rounds; profileFromHar reads the API request back`
        : `${roundCount} rounds; parseBundle with full schema validation`,
  });
}
