import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { Finding, RedactionMode, ResultEvent, RunBundle, RunLog } from '../../contract';
import { diagnose } from '../../core/diagnosis';
import { formatFromPath, MAX_BUNDLE_CHARS, parseBundle, writeExport } from '../../core/export';
import { findingsOf } from '../../core/run-outcome';
import { ENGINE_VERSION } from '../../core/version';
import { EXIT, type Command } from '../command';
import { printFindings } from '../findings-printer';
import { paint, printError, printJsonLine, printLine, type CliIo } from '../output';
import { parseFlags } from '../parse-flags';
import { createTimelinePrinter } from '../timeline-printer';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag show FILE [--json] [--export OUT] [--redaction redact|hash]

Opens a run bundle exported by Skylink Diagnostics (a .json file) and prints its timeline,
the diagnosis and a summary.

  FILE                  the bundle to open
  --json                print the bundle, marked imported, as one JSON document
  --export OUT          write the run again as OUT.json, OUT.har or OUT.md
  --redaction MODE      for --export: redact (default) writes [REDACTED:<kind>], hash keeps
                        the salted hash so equal values can be matched

A file that is not a valid bundle ends with status 2 and says which field is wrong.

Examples:
  skylink-diag show run.json
  skylink-diag show run.json --export ticket-1234.md
  skylink-diag show run.json --export run.har --redaction hash`;

const FLAGS = {
  json: { type: 'boolean', default: false },
  export: { type: 'string' },
  redaction: { type: 'string', default: 'redact' },
} as const;

/** `skylink-diag show`: an exported bundle, read back. */
export const showCommand: Command = {
  name: 'show',
  summary: 'open an exported JSON bundle: timeline, diagnosis, summary',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, { positionals: 1 });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Expected a bundle FILE to show, got nothing');
    const redaction = readRedaction(values.redaction);
    if (values.export !== undefined && formatFromPath(values.export) === null) {
      throw new UsageError(
        `Expected \`--export\` to end in .json, .har or .md, got \`${values.export}\``,
      );
    }

    const text = await readBundleText(resolve(io.cwd, file));
    const parsed = parseBundle(text);
    if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error.message}`);
    const { bundle, log } = parsed.value;
    const findings = bundleFindings(bundle, log);

    if (values.json) printJsonLine(io, { ...bundle, run: log.summary, findings });
    else printBundle(io, bundle, log, findings);

    if (values.export === undefined) return EXIT.OK;
    const target = resolve(io.cwd, values.export);
    const written = await writeExport(
      {
        log,
        profile: bundle.profile,
        findings,
        app: { name: 'skylink-diag', version: ENGINE_VERSION },
      },
      target,
      redaction,
    );
    if (!written.ok) {
      printError(io, `skylink-diag show: ${written.error.message}`);

      return EXIT.FAILED;
    }
    // With --json, stdout carries only the document; the note goes to stderr.
    const note = `Wrote ${written.value.path} (${written.value.format}, ${redaction})`;
    if (values.json) printError(io, note);
    else printLine(io, note);

    return EXIT.OK;
  },
};

function readRedaction(raw: string): RedactionMode {
  if (raw === 'redact' || raw === 'hash') return raw;
  if (raw === 'include') {
    throw new UsageError(
      'Expected `--redaction` redact or hash, got `include`: a bundle read from a file no ' +
        'longer holds the sensitive values',
    );
  }

  throw new UsageError(`Expected \`--redaction\` redact or hash, got \`${raw}\``);
}

async function readBundleText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`Expected \`${path}\` to be a file, got a folder`);
    // A UTF-8 character takes at most 4 bytes, so a larger file cannot fit the character cap.
    if (info.size > MAX_BUNDLE_CHARS * 4) {
      throw new UsageError(
        `Expected a bundle of at most ${MAX_BUNDLE_CHARS} ` +
          `characters, got a file of ${info.size} bytes`,
      );
    }

    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : String(code ?? error);

    throw new UsageError(`Could not read \`${path}\`: ${reason}`);
  }
}

/**
 * The bundle's findings. An export made without a diagnosis (or by an older build) still shows
 * one: from its `diagnosis` events, else computed again from the events. A recomputed diagnosis
 * lacks the secret, so the credential lint's recomputation is missing from it.
 */
function bundleFindings(bundle: RunBundle, log: RunLog): Finding[] {
  if (bundle.findings.length > 0) return bundle.findings;
  const fromEvents = findingsOf(log.events);

  return fromEvents.length > 0 ? fromEvents : diagnose(log.events);
}

function printBundle(io: CliIo, bundle: RunBundle, log: RunLog, findings: Finding[]): void {
  const summary = log.summary;
  printLine(io, paint(io, 'bold', `Run ${summary.runId}: ${summary.profileName}`));
  printLine(
    io,
    paint(
      io,
      'grey',
      `exported ${bundle.exportedAt} by ${bundle.app.name} ${bundle.app.version} on ` +
        `${bundle.platform.os}/${bundle.platform.arch} (${bundle.platform.runtime}); ` +
        `sensitive values: ${bundle.redaction.mode}`,
    ),
  );
  if (bundle.redaction.note !== undefined)
    printLine(io, paint(io, 'yellow', bundle.redaction.note));
  printLine(io, '');

  const printer = createTimelinePrinter(io);
  let result: ResultEvent | null = null;
  for (const event of log.events) {
    printer.print(event);
    if (event.type === 'result') result = event;
  }

  printLine(io, '');
  printFindings(io, findings);

  if (result === null) {
    printLine(io, '');
    printLine(
      io,
      `${paint(io, 'bold', 'Outcome:')} unfinished: the bundle has no \`result\` event`,
    );

    return;
  }
  printer.summary(result);
}
