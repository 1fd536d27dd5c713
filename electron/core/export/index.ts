/**
 * Exports a run as a JSON bundle, HAR 1.2 or a Markdown report, redacted by default, and
 * reads bundles and browser HARs back in.
 */
export type { ExportInput } from './export-input';
export { parseBundle, MAX_BUNDLE_CHARS, MAX_BUNDLE_EVENTS } from './parse-bundle';
export { profileFromHar, MAX_HAR_CHARS } from './har-import';
export { INCLUDE_SENSITIVE_WARNING, UNREVEALED_NOTE } from './redaction';
export { formatFromPath, renderExport } from './render-export';
export { writeExport } from './write-export';
