import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderExport } from '../../../electron/core/export';
import { renderProfilesFile } from '../../../electron/host/profile-transfer';
import { defaultScenarioJson } from '../../../electron/sandbox';
import { runCli as runCliIn } from '../../support/cli-io';
import { sampleRun } from '../core/export/sample-run';
import { closedPort, tempDir } from '../hostile/hostile-rig';

import { RUNS, sampleProfile } from './fuzz-rig';

const SECRET = 'fuzz-secret-never-printed';

let cwd: string;
let dead: string;

beforeAll(async () => {
  cwd = tempDir('diag-cli-fuzz-');
  mkdirSync(join(cwd, 'home'));
  writeFileSync(join(cwd, 'scenario.json'), JSON.stringify(defaultScenarioJson()));
  writeFileSync(join(cwd, 'broken.json'), '{"apps": [');
  writeFileSync(join(cwd, 'secret.txt'), `${SECRET}\n`);
  writeFileSync(join(cwd, 'empty.txt'), '');
  writeFileSync(join(cwd, 'profiles.json'), renderProfilesFile([sampleProfile()]).text);
  writeFileSync(
    join(cwd, 'bundle.json'),
    renderExport(
      { ...sampleRun(), app: { name: 'Skylink Diagnostics', version: '0.1.0' } },
      { format: 'json', redaction: 'hash' },
    ).text,
  );
  dead = `http://127.0.0.1:${await closedPort()}`;
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

/** Values no flag can turn into traffic beyond 127.0.0.1 or a write outside `cwd`. */
function valueFor(flag: string): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.constantFrom('', ' ', '-1', '0', '1', '2.5', '1e9', 'NaN', 'now', 'now-3h', '--json'),
    // Free text without separators, so it can never name a path outside the temp folder.
    fc.string({ maxLength: 20 }).filter((text) => !/[/\\]/.test(text) && !text.includes('..')),
  );
  switch (flag) {
    case 'server':
    case 'proxy':
      return fc.oneof(
        fc.constantFrom(dead, `${dead}/`, dead.replace('http:', 'https:'), 'not a url', 'ftp://x'),
        fc.constantFrom('http://', 'http://127.0.0.1:0', ':::', `${dead}/api?x=1`),
      );
    case 'host':
      return fc.constant('127.0.0.1');
    case 'scenario':
    case 'secret-file':
    case 'ca-file':
    case 'out':
    case 'export':
    case 'data-dir':
      return fc.constantFrom(
        'scenario.json',
        'broken.json',
        'secret.txt',
        'empty.txt',
        'missing.json',
        'home',
        'out.har',
        'out.md',
        'out.json',
        'out.txt',
        '/dev/null',
      );
    case 'sdk':
      return fc.oneof(fc.constantFrom('0.6', '2.x', '1.0'), junk);
    case 'redaction':
      return fc.oneof(fc.constantFrom('redact', 'hash', 'include'), junk);
    case 'secret-env':
      return fc.constantFrom('SKYLINK_SECRET', 'NOT_SET', '');
    case 'origin':
      return fc.oneof(fc.constantFrom('https://app.example.com', 'null', 'file://'), junk);
    default:
      return junk;
  }
}

/** Flags (string-valued ones carry `=value`) per command, from their option tables. */
const COMMANDS: Record<string, { strings: string[]; booleans: string[]; positionals: string[] }> = {
  run: {
    strings: [
      'server',
      'app-key',
      'room',
      'origin',
      'start',
      'duration',
      'secret-env',
      'secret-file',
      'credentials',
      'sdk',
      'timeout',
      'socket-timeout',
      'deadline',
      'ca-file',
      'proxy',
    ],
    booleans: ['sandbox', 'no-origin', 'secret-stdin', 'insecure', 'json'],
    positionals: ['extra'],
  },
  sandbox: {
    strings: ['host', 'port', 'scenario'],
    booleans: ['json', 'describe'],
    positionals: ['extra'],
  },
  credentials: {
    strings: ['room', 'duration', 'start', 'secret-env', 'secret-file', 'check', 'url-room'],
    booleans: ['secret-stdin', 'json'],
    positionals: ['extra'],
  },
  codes: { strings: [], booleans: ['json'], positionals: ['4005', '-3', 'dns.failed', 'zzz'] },
  origins: {
    strings: ['server', 'app-key', 'room', 'origin', 'sdk'],
    booleans: ['sandbox', 'json'],
    positionals: ['extra'],
  },
  profiles: {
    strings: ['out', 'data-dir'],
    booleans: ['json'],
    positionals: ['list', 'show', 'import', 'export', 'profiles.json', 'Customer A', 'nope'],
  },
  show: {
    strings: ['export', 'redaction'],
    booleans: ['json'],
    positionals: ['bundle.json', 'broken.json', 'missing.json', 'profiles.json'],
  },
  serve: { strings: ['port', 'data-dir'], booleans: ['json'], positionals: ['extra'] },
};

/** A command line for one command: some of its flags with hostile values, and positionals. */
function argvFor(command: string): fc.Arbitrary<string[]> {
  const spec = COMMANDS[command];
  if (spec === undefined) throw new Error(`no spec for ${command}`);
  const flag = fc.oneof(
    ...spec.strings.map((name) =>
      fc.oneof(
        valueFor(name).map((value) => [`--${name}`, value]),
        valueFor(name).map((value) => [`--${name}=${value}`]),
        fc.constant([`--${name}`]),
      ),
    ),
    ...spec.booleans.map((name) => fc.constantFrom([`--${name}`], [`--${name}=false`])),
    fc.constantFrom(['--bogus'], ['-x'], ['--'], ['-']),
    fc.constantFrom(...spec.positionals).map((value) => [value]),
  );

  return fc.array(flag, { maxLength: 6 }).map((parts) => [command, ...parts.flat()]);
}

/** Runs the CLI in-process; an interrupt arrives 200 ms in, so serving commands stop. */
async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCliIn(argv, {
    env: { SKYLINK_DIAG_HOME: join(cwd, 'home'), SKYLINK_SECRET: SECRET },
    cwd,
    interruptListenersAfterMs: 200,
  });

  return { code, out: stdout, err: stderr };
}

describe('skylink-diag under fuzzed arguments', () => {
  for (const command of Object.keys(COMMANDS)) {
    it(`exits 0, 1 or 2 with no stack trace and no secret for \`${command}\``, async () => {
      await fc.assert(
        fc.asyncProperty(argvFor(command), async (argv) => {
          const { code, out, err } = await runCli(argv);

          expect([0, 1, 2]).toContain(code);
          expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
          // A crash still exits 1 with one line; a fuzzed argument must never get that far.
          expect(err).not.toContain('internal error');
          if (code === 2) expect(err.trim().length).toBeGreaterThan(0);
          expect(out + err).not.toContain(SECRET);
        }),
        { numRuns: Math.max(40, Math.round(RUNS / 3)) },
      );
    }, 120_000);
  }

  it('exits 2 for an unknown command, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !(name in COMMANDS)),
        async (name) => {
          fc.pre(!['-h', '--help', 'help', '-v', '--version'].includes(name));
          const { code, err } = await runCli([name]);

          expect(code).toBe(2);
          expect(err).toContain('Unknown command');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
