import type { CatalogEntry } from '../../contract';
import { CATALOG, findCatalogEntries } from '../../core/catalog';
import { EXIT, type Command } from '../command';
import { paint, printJsonLine, printLine, type CliIo } from '../output';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag codes [CODE|NAME] [--json]

Explains readyStateChange error codes (current and legacy), systemAction reasons,
SOCKET_ERROR codes and the engine's own error codes.

  CODE|NAME   a number (4005, -3), an SDK name (API_CREDENTIALS_NOT_MATCH), a reason
              (expired, toClose), an engine code (dns.failed) or a key (readyState:4005);
              without it, every entry is listed
  --json      print the entries as one JSON array

Examples:
  skylink-diag codes 4005
  skylink-diag codes notStart
  skylink-diag codes dns.failed --json`;

function printSummary(io: CliIo, entries: readonly CatalogEntry[]): void {
  const width = Math.max(...entries.map((entry) => entry.key.length));
  for (const entry of entries) {
    const legacy = entry.legacy ? paint(io, 'grey', ' (legacy)') : '';
    printLine(io, `${entry.key.padEnd(width)}  ${paint(io, 'bold', entry.name)}${legacy}`);
    printLine(io, `${' '.repeat(width)}  ${entry.meaning}`);
  }
}

function printList(io: CliIo, title: string, items: readonly string[]): void {
  printLine(io, `  ${paint(io, 'cyan', title)}`);
  for (const item of items) printLine(io, `    - ${item}`);
}

function printDetail(io: CliIo, entry: CatalogEntry): void {
  const number = entry.number === null ? '' : ` (${entry.number})`;
  const legacy = entry.legacy ? ' [legacy]' : '';
  printLine(io, paint(io, 'bold', `${entry.key}  ${entry.name}${number}${legacy}`));
  printLine(io, `  ${entry.meaning}`);
  printList(io, 'Causes, most likely first:', entry.causes);
  printList(io, 'Checks:', entry.checks);
  printList(io, 'Fixes:', entry.fixes);
  printLine(io, `  ${paint(io, 'cyan', 'Auth modes:')} ${entry.authModes.join(', ')}`);
  if (entry.sdkNotes !== null) printLine(io, `  ${paint(io, 'cyan', 'SDK:')} ${entry.sdkNotes}`);
}

/** `skylink-diag codes`: the explanation catalog, whole or looked up. */
export const codesCommand: Command = {
  name: 'codes',
  summary: 'explain readyStateChange, systemAction, socket and engine codes',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { json: { type: 'boolean', default: false } },
      { positionals: 1 },
    );
    const query = positionals[0];
    const entries = query === undefined ? CATALOG : findCatalogEntries(query);
    if (entries.length === 0) {
      throw new UsageError(
        `Unknown code \`${query ?? ''}\`; expected a readyState number ` +
          `(4005), an SDK name, a systemAction reason (expired) or an ` +
          `engine code (dns.failed). \`skylink-diag codes\` lists them all`,
      );
    }

    if (values.json) {
      printJsonLine(io, entries);
    } else if (query === undefined) {
      printSummary(io, entries);
    } else {
      entries.forEach((entry, index) => {
        if (index > 0) printLine(io);
        printDetail(io, entry);
      });
    }

    return Promise.resolve(EXIT.OK);
  },
};
