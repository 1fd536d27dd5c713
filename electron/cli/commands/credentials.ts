import { RELATIVE_START_PATTERN } from '../../contract';
import { computeCredentials, renderDuration } from '../../core/credentials';
import { resolveStartToken } from '../../core/demo-apps';
import { lintCredentials, type LintResult } from '../../core/diagnosis';
import { EXIT, type Command } from '../command';
import { paint, printError, printJsonLine, printLine, type CliIo } from '../output';
import { parseFlags } from '../parse-flags';
import { readSecret, SECRET_FLAGS } from '../read-secret';
import { UsageError } from '../usage-error';

const USAGE = `Usage:
  skylink-diag credentials --room R --duration H --start ISO
      (--secret-env VAR | --secret-file P | --secret-stdin)
  skylink-diag credentials --check STRING --room R --duration H --start ISO
      [--secret-env VAR] [--url-room R] [--json]

The first form prints the credentials string and nothing else on stdout, so it can be piped:
encodeURIComponent(base64(HMAC-SHA1(secret, room + "_" + duration + "_" + start))).

The second form lints a credentials string (as sent in ?cred=): ISO start with a zone, a
duration in hours, the URL room, percent-encoding, whitespace, length. With a secret it
recomputes every step and names the first that differs. Exit 0 clean, 1 problems.

  --room R            the room the credentials are for (the HMAC covers it)
  --duration H        hours, as the URL carries it (2, 0.5)
  --start ISO         ISO 8601 start, as the URL carries it (or now, now-3h, today, half-day)
  --secret-env VAR    read the app secret from environment variable VAR
  --secret-file P     read the app secret from a file (trailing newline dropped)
  --secret-stdin      read the app secret from standard input
  --check STRING      lint this credentials string instead of computing one
  --url-room R        the room in the request URL, when it may differ from --room
  --json              with --check: print the lint result as JSON

Examples:
  SKYLINK_SECRET=… skylink-diag credentials --room lobby --duration 2 --start now \\
    --secret-env SKYLINK_SECRET
  skylink-diag credentials --check 'ZMhFOe3III4%2BZqzfBpMF6d1OT%2Bg%3D' \\
    --room lobby --duration 2 --start 2026-12-03T09:00:00.000Z`;

const FLAGS = {
  room: { type: 'string' },
  duration: { type: 'string' },
  start: { type: 'string' },
  ...SECRET_FLAGS,
  check: { type: 'string' },
  'url-room': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

type Flags = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

function required(flags: Flags, name: 'room' | 'duration' | 'start'): string {
  const value = flags[name];
  if (value === undefined || value === '') {
    throw new UsageError(`Expected \`--${name}\`, got nothing`);
  }

  return value;
}

function printLint(io: CliIo, result: LintResult): void {
  for (const step of result.steps) {
    const mark =
      step.matches === null
        ? paint(io, 'yellow', '?')
        : step.matches
          ? paint(io, 'green', 'ok')
          : paint(io, 'red', 'DIFFERS');
    printLine(io, `${mark}  ${step.label}`);
    printLine(io, `      expected  ${step.expected}`);
    printLine(io, `      actual    ${step.actual ?? '(cannot be read back from the digest)'}`);
  }
  if (!result.secretChecked) {
    printLine(io, paint(io, 'grey', 'No secret given: only the form of the inputs was checked'));
  }
  for (const problem of result.problems) {
    const level =
      problem.severity === 'error' ? paint(io, 'red', 'error') : paint(io, 'yellow', 'warn ');
    printLine(io, `${level}  [${problem.id}] ${problem.message}`);
  }
  if (result.problems.length === 0) printLine(io, paint(io, 'green', 'No problems found'));
}

/** `skylink-diag credentials`: compute a credentials string, or lint one with `--check`. */
export const credentialsCommand: Command = {
  name: 'credentials',
  summary: 'compute a credentials string, or --check one',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
    const room = required(values, 'room');
    const durationText = required(values, 'duration');
    const start = required(values, 'start');
    const secret = await readSecret(values, io);

    if (values.check !== undefined) {
      const result = lintCredentials({
        room,
        duration: durationText,
        startDateTime: start,
        credentials: values.check,
        secret,
        ...(values['url-room'] === undefined ? {} : { urlRoom: values['url-room'] }),
      });
      if (values.json) printJsonLine(io, result);
      else printLint(io, result);

      return result.ok && result.problems.length === 0 ? EXIT.OK : EXIT.FAILED;
    }

    if (secret === null) {
      throw new UsageError(
        'Expected a secret (`--secret-env`, `--secret-file` or `--secret-stdin`) to compute ' +
          'credentials, got none',
      );
    }
    const hours = Number(durationText);
    if (durationText.trim() === '' || !Number.isFinite(hours) || hours <= 0) {
      throw new UsageError(
        `Expected \`--duration\` to be a positive number of hours, got \`${durationText}\``,
      );
    }
    const startDateTime = RELATIVE_START_PATTERN.test(start)
      ? resolveStartToken(start, Date.now())
      : start;
    if (Number.isNaN(Date.parse(startDateTime))) {
      throw new UsageError(
        `Expected \`--start\` to be ISO 8601 such as 2026-12-03T09:00:00.000Z (or now, ` +
          `today, half-day), got \`${start}\``,
      );
    }
    if (startDateTime !== start) printError(io, `start: ${startDateTime}`);
    const steps = computeCredentials({
      room,
      duration: renderDuration(hours),
      startDateTime,
      secret,
    });
    printLine(io, steps.credentials);

    return EXIT.OK;
  },
};
