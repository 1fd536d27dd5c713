import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Profile, ProfileEntry } from '../../contract';
import { listCliProfiles, matchProfile } from '../../host/cli-profiles';
import { resolveDataDir } from '../../host/data-dir';
import { ProfileStore } from '../../host/profile-store';
import {
  makeImportUnique,
  parseProfilesFile,
  renderProfilesFile,
} from '../../host/profile-transfer';
import { openConfStore } from '../../host/store-file';
import { EXIT, type Command } from '../command';
import { paint, printError, printJsonLine, printLine, type CliIo } from '../output';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag profiles <list|show|import|export> [options]

Lists, shows, imports and exports the profiles the app saved. Built-in recipes for the
embedded sandbox are listed too. Profile files never carry secrets.

  list                    every built-in and saved profile
  show NAME|ID            one profile, in full
  import FILE             add the profiles of an exported file (a clash gets a new id or
                          an " (imported)" name: nothing is overwritten)
  export NAME|ID...       write the named profiles as one file
  --out FILE              export: write to FILE instead of stdout
  --json                  machine-readable output
  --data-dir DIR          the app's data folder (default: SKYLINK_DIAG_HOME, else the app's
                          own, e.g. ~/.config/Skylink Diagnostics on Linux)

Examples:
  skylink-diag profiles list
  skylink-diag profiles show "Sandbox: wrong secret"
  skylink-diag profiles export "Customer A" --out customer-a.json
  skylink-diag profiles import customer-a.json`;

const FLAGS = {
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

function openStore(io: CliIo, dataDir: string | undefined): ProfileStore {
  const dir = dataDir === undefined ? resolveDataDir(io.env) : resolve(io.cwd, dataDir);
  // A file given as the folder would otherwise surface as an ENOTDIR internal error.
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new UsageError(`Expected \`--data-dir\` to be a folder, got the file \`${dir}\``);
  }
  const store = new ProfileStore(openConfStore(dir));
  if (store.recoveredCopy !== null) {
    printError(
      io,
      paint(
        io,
        'yellow',
        `warning: the profile file was unreadable; a copy was kept at ${store.recoveredCopy}`,
      ),
    );
  }

  return store;
}

function printList(io: CliIo, entries: ProfileEntry[]): void {
  const width = Math.max(...entries.map((entry) => entry.profile.name.length));
  for (const { profile, builtIn, expect } of entries) {
    const origin = builtIn ? paint(io, 'grey', `built-in, expects ${expect ?? '?'}`) : 'saved';
    printLine(
      io,
      `${profile.name.padEnd(width)}  ${profile.authMode.padEnd(11)}  ` +
        `${origin}  ${paint(io, 'grey', profile.id)}`,
    );
  }
}

function printProfile(io: CliIo, profile: Profile, builtIn: boolean): void {
  printLine(
    io,
    paint(io, 'bold', profile.name) + (builtIn ? paint(io, 'grey', ' (built-in)') : ''),
  );
  const rows: [string, unknown][] = [
    ['id', profile.id],
    ['server', profile.server],
    ['app key', profile.appKey],
    ['room', profile.room],
    ['auth mode', profile.authMode],
    ['origin', profile.origin ?? '(none)'],
    ['start', profile.startDateTime ?? '-'],
    ['duration', profile.duration ?? '-'],
    ['credentials', profile.authMode === 'credentials' ? profile.credentialsSource : '-'],
    ['sdk', profile.sdk],
    ['network', JSON.stringify(profile.network)],
  ];
  for (const [label, value] of rows) printLine(io, `  ${label.padEnd(12)} ${String(value)}`);
  if (profile.description !== '') printLine(io, `  ${profile.description}`);
}

function find(
  io: CliIo,
  entries: ProfileEntry[],
  nameOrId: string,
): Profile & { builtIn: boolean } {
  const found = matchProfile(entries, nameOrId);
  if (!found.ok) throw new UsageError(found.error.message);

  return { ...found.value.profile, builtIn: found.value.builtIn };
}

/** `skylink-diag profiles`: the saved profiles of the app's data folder. */
export const profilesCommand: Command = {
  name: 'profiles',
  summary: 'list, show, import and export saved profiles',
  usage: USAGE,
  run(argv, io) {
    const [action, ...rest] = argv;
    const { values, positionals } = parseFlags(rest, FLAGS, { positionals: 1000 });
    const store = openStore(io, values['data-dir']);
    const entries = listCliProfiles(store);

    switch (action) {
      case 'list': {
        if (positionals.length > 0)
          throw new UsageError(`Unexpected argument \`${positionals[0] ?? ''}\``);
        if (values.json) printJsonLine(io, entries);
        else printList(io, entries);

        return Promise.resolve(EXIT.OK);
      }
      case 'show': {
        if (positionals.length !== 1)
          throw new UsageError('Expected one profile name or id after `show`');
        const { builtIn, ...profile } = find(io, entries, positionals[0] ?? '');
        if (values.json) printJsonLine(io, { profile, builtIn });
        else printProfile(io, profile, builtIn);

        return Promise.resolve(EXIT.OK);
      }
      case 'import': {
        if (positionals.length !== 1) throw new UsageError('Expected one file after `import`');
        const file = resolve(io.cwd, positionals[0] ?? '');
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (error) {
          throw new UsageError(
            `Could not read \`${file}\`: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const parsed = parseProfilesFile(text);
        if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error.message}`);
        const unique = makeImportUnique(store.list(), parsed.value);
        store.addAll(unique);
        if (values.json) printJsonLine(io, unique);
        else
          for (const profile of unique)
            printLine(io, `imported ${profile.name}  ${paint(io, 'grey', profile.id)}`);

        return Promise.resolve(EXIT.OK);
      }
      case 'export': {
        if (positionals.length === 0)
          throw new UsageError('Expected at least one profile name or id after `export`');
        const profiles = positionals.map((nameOrId) => {
          const found = matchProfile(entries, nameOrId);
          if (!found.ok) throw new UsageError(found.error.message);

          return found.value.profile;
        });
        const exported = renderProfilesFile(profiles);
        if (values.out === undefined) {
          io.stdout.write(exported.text);

          return Promise.resolve(EXIT.OK);
        }
        const out = resolve(io.cwd, values.out);
        writeFileSync(out, exported.text);
        if (values.json) printJsonLine(io, { file: out, count: profiles.length });
        else printLine(io, `wrote ${profiles.length} profile(s) to ${out}`);

        return Promise.resolve(EXIT.OK);
      }
      case undefined:
        throw new UsageError('Expected an action: list, show, import or export');
      default:
        throw new UsageError(`Unknown action \`${action}\`; expected list, show, import or export`);
    }
  },
};
