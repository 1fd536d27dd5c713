import { randomUUID } from 'node:crypto';

import {
  fail,
  ok,
  type ExportedFile,
  type ExportOptions,
  type HarProfile,
  type Profile,
  type Result,
  type RunLog,
  type RunSummary,
} from '../contract';
import { diagnose } from '../core/diagnosis/index';
import { parseBundle, profileFromHar, renderExport } from '../core/export/index';
import type { Redactor } from '../core/redactor';
import { findingsOf } from '../core/run-outcome';

import type { RunHistory } from './run-history';

// Known limit: redactors live in memory only (the last 50 runs of this process), so an
// `include` export of a run from before a restart, or of an imported bundle, is refused.
/**
 * Renders a run through the export module. `include` needs the run's redactor, which only
 * the process that made the run holds; after a restart (or for an imported run) it is gone
 * and the export says so instead of writing markers as if they were values.
 */
export function exportRun(input: {
  log: RunLog;
  profile: Profile | null;
  options: ExportOptions;
  redactor: Redactor | undefined;
  app: { name: string; version: string };
}): Result<ExportedFile> {
  const { log, profile, options, redactor, app } = input;
  if (options.redaction === 'include' && redactor === undefined) {
    return fail(
      'secret.unavailable',
      `Run \`${log.summary.runId}\` was not made by this session, so its ` +
        `sensitive values are no longer known; export it with \`redact\` or \`hash\``,
    );
  }
  const fromTimeline = findingsOf(log.events);
  const findings = fromTimeline.length > 0 ? fromTimeline : diagnose(log.events, { secret: null });
  const reveal = options.redaction === 'include' ? redactor?.revealMap() : undefined;

  return ok(renderExport({ log, profile, findings, reveal, app }, options));
}

/** Reads a JSON bundle and files it in the history as an imported run. */
export function importBundle(text: string, history: RunHistory): Result<RunSummary> {
  const parsed = parseBundle(text);
  if (!parsed.ok) return parsed;

  const runLog = parsed.value.log;

  const clash = history.get(runLog.summary.runId) !== undefined;
  const summary: RunSummary = {
    ...runLog.summary,
    runId: clash ? `imported-${randomUUID()}` : runLog.summary.runId,
    source: 'imported',
  };
  history.add({ summary, events: runLog.events });

  return ok(summary);
}

/** Turns a HAR into a profile draft through the export module. */
export function importHarProfile(text: string, keepCredentials: boolean): Result<HarProfile> {
  return profileFromHar(text, keepCredentials);
}
