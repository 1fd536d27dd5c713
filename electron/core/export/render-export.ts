import type { ExportedFile, ExportFormat, ExportOptions } from '../../contract';

import type { ExportInput } from './export-input';
import { renderHarText } from './har-export';
import { renderBundleText } from './json-bundle';
import { renderMarkdown } from './markdown-report';
import { ExportRedaction } from './redaction';

const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  har: 'application/json',
  md: 'text/markdown; charset=utf-8',
};

/** Renders a run in one format; every value goes through the redaction mode's rules. */
export function renderExport(input: ExportInput, options: ExportOptions): ExportedFile {
  const redaction = new ExportRedaction(options.redaction, input.reveal);
  const text = renderText(input, options.format, redaction);
  const safeId = input.log.summary.runId.replace(/[^a-zA-Z0-9_-]+/g, '-').slice(0, 60);

  return {
    fileName: `skylink-run-${safeId === '' ? 'export' : safeId}.${options.format}`,
    mimeType: MIME_TYPES[options.format],
    text,
  };
}

function renderText(input: ExportInput, format: ExportFormat, redaction: ExportRedaction): string {
  switch (format) {
    case 'json':
      return renderBundleText(input, redaction);
    case 'har':
      return renderHarText(input, redaction);
    case 'md':
      return renderMarkdown(input, redaction);
  }
}

/** The export format a file name asks for, by its extension; `null` for any other. */
export function formatFromPath(path: string): ExportFormat | null {
  const match = /\.(json|har|md)$/i.exec(path.trim());
  if (match?.[1] === undefined) return null;

  return match[1].toLowerCase() as ExportFormat;
}
