import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import type { Profile, RunLog, TimelineEvent } from '../contract';
import { engineDiagnose } from '../core/diagnosis';
import { writeExport } from '../core/export';
import { Redactor } from '../core/redactor';
import { runHandshake } from '../core/run-engine';
import { findingsOf, runLogOf } from '../core/run-outcome';
import type { RunPlan } from '../core/run-plan';
import { ENGINE_VERSION } from '../core/version';

import { EXIT } from './command';
import { printFindings } from './findings-printer';
import { printError, printJsonLine, printLine, type CliIo } from './output';
import { createTimelinePrinter } from './timeline-printer';

/** Where `--export` writes a run, and how. */
export interface ExportRequest {
  path: string;
  redaction: 'redact' | 'hash';
  profile: Profile | null;
}

/**
 * Runs one handshake with output to the CLI, the diagnosis in its timeline, and the export
 * when asked; returns the exit status.
 */
export async function runOnce(
  plan: RunPlan,
  io: CliIo,
  json: boolean,
  exportTo: ExportRequest | null = null,
): Promise<number> {
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => {
    controller.abort();
  });
  const printer = createTimelinePrinter(io);
  const events: TimelineEvent[] = [];
  const startedAt = new Date().toISOString();
  try {
    const given = plan.credentialsSource === 'given' ? plan.credentials : null;
    const result = await runHandshake(plan, {
      redactor: new Redactor(),
      signal: controller.signal,
      diagnose: engineDiagnose(plan.secret, given),
      sink: (event) => {
        events.push(event);
        if (json) printJsonLine(io, event);
        else printer.print(event);
      },
    });
    if (!json) {
      printLine(io, '');
      printFindings(io, findingsOf(events));
      printer.summary(result);
    }
    if (exportTo !== null) {
      const log = runLogOf({ runId: randomUUID(), plan, startedAt, events, result });
      await exportRun(io, log, exportTo);
    }

    return result.outcome === 'joined' ? EXIT.OK : EXIT.FAILED;
  } finally {
    stopListening();
  }
}

async function exportRun(io: CliIo, log: RunLog, request: ExportRequest): Promise<void> {
  const input = {
    log,
    profile: request.profile,
    findings: findingsOf(log.events),
    app: { name: 'skylink-diag', version: ENGINE_VERSION },
  };
  const written = await writeExport(input, resolve(io.cwd, request.path), request.redaction);
  // stderr, so that `--json --export` keeps stdout pure NDJSON.
  if (written.ok) printError(io, `exported ${written.value.format} to ${written.value.path}`);
  else printError(io, `export failed: ${written.error.message}`);
}
