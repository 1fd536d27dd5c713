import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import {
  NetworkOptionsSchema,
  SDK_FLAVOURS,
  type NetworkOptions,
  type SdkFlavour,
} from '../../contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN, DEMO_ROOMS, DEMO_SECRETS } from '../../core/demo-apps';
import { resolvePlan, type PlanInput } from '../../core/plan-resolver';
import { Redactor } from '../../core/redactor';
import { runHandshake } from '../../core/run-engine';
import type { RunPlan } from '../../core/run-plan';
import { createSandbox, defaultScenario, type Sandbox } from '../../sandbox';
import { EXIT, type Command } from '../command';
import { printJsonLine, type CliIo } from '../output';
import { numberFlag, parseFlags } from '../parse-flags';
import { createTimelinePrinter } from '../timeline-printer';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag run --server URL --app-key KEY --room NAME [options]

Performs the Skylink handshake (API request, then signalling join) as SkylinkJS does and
prints what the SDK would report. CORS mode by default; credentials mode with --start and
--duration (credentials computed from a secret, or --credentials tested as given).

  --server URL          auth server, e.g. https://api.temasys.io
  --sandbox             start the embedded sandbox and use it (defaults: demo CORS key,
                        room lobby, origin ${DEMO_ORIGIN}; demo secret in credentials mode)
  --app-key KEY         the App Key
  --room NAME           the room (the HMAC covers it in credentials mode)
  --origin URL          the Origin header to send (none by default: CORS mode then gets 4004)
  --no-origin           send no Origin even with --sandbox (reproduces 4004)
  --start ISO           credentials mode: start, ISO 8601 or now, now-3h, now+90m, today
  --duration HOURS      credentials mode: duration in hours (sent as JavaScript String(n))
  --secret-env VAR      read the app secret from environment variable VAR
  --secret-file PATH    read the app secret from a file (trailing newline dropped)
  --secret-stdin        read the app secret from standard input
  --credentials STRING  test this credentials string as given (percent-encoded, as sent)
  --sdk 0.6|2.x         SDK flavour to imitate (default 0.6)
  --timeout MS          API timeout per attempt, 0.6 flavour (default 4000)
  --socket-timeout MS   socket.io connect timeout (default 7000)
  --deadline MS         deadline of the whole run (default 60000)
  --ca-file PATH        trust these CA certificates (PEM) for the API and signalling
  --insecure            skip certificate checks (reported in the timeline)
  --proxy URL           HTTP proxy for the API request (HTTPS goes through CONNECT)
  --json                NDJSON: one event per line, the last one is the result

Exit status: 0 joined, 1 failed, rejected or cancelled, 2 bad usage.

Examples:
  skylink-diag run --sandbox
  skylink-diag run --sandbox --sdk 2.x --start now --duration 2 --app-key demo-credentials-key
  skylink-diag run --server https://api.temasys.io --app-key KEY --room r1 \\
    --start 2026-12-03T09:00:00.000Z --duration 2 --secret-env SKYLINK_SECRET --json`;

/** The flags of `run`; spread them to add more (`--profile`, `--export`, `--repeat`). */
export const RUN_FLAGS = {
  server: { type: 'string' },
  sandbox: { type: 'boolean', default: false },
  'app-key': { type: 'string' },
  room: { type: 'string' },
  origin: { type: 'string' },
  'no-origin': { type: 'boolean', default: false },
  start: { type: 'string' },
  duration: { type: 'string' },
  'secret-env': { type: 'string' },
  'secret-file': { type: 'string' },
  'secret-stdin': { type: 'boolean', default: false },
  credentials: { type: 'string' },
  sdk: { type: 'string', default: '0.6' },
  timeout: { type: 'string' },
  'socket-timeout': { type: 'string' },
  deadline: { type: 'string' },
  'ca-file': { type: 'string' },
  insecure: { type: 'boolean', default: false },
  proxy: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** The parsed values of {@link RUN_FLAGS}. */
export interface RunFlagValues {
  server?: string;
  sandbox?: boolean;
  'app-key'?: string;
  room?: string;
  origin?: string;
  'no-origin'?: boolean;
  start?: string;
  duration?: string;
  'secret-env'?: string;
  'secret-file'?: string;
  'secret-stdin'?: boolean;
  credentials?: string;
  sdk?: string;
  timeout?: string;
  'socket-timeout'?: string;
  deadline?: string;
  'ca-file'?: string;
  insecure?: boolean;
  proxy?: string;
  json?: boolean;
}

/** Which plan field each flag feeds, for errors that come back from plan resolution. */
const FLAG_OF_FIELD: Record<string, string> = {
  server: '--server',
  appKey: '--app-key',
  room: '--room',
  startDateTime: '--start',
  duration: '--duration',
  secret: '--secret-env, --secret-file, --secret-stdin or --credentials',
};

/**
 * Turns `run` flags into a {@link PlanInput}: reads the secret from its source, applies the
 * sandbox defaults, validates every value and names the flag when one is wrong.
 */
export async function planInputFromFlags(
  flags: RunFlagValues,
  io: CliIo,
  target: { server: string; embeddedSandbox: boolean },
): Promise<PlanInput> {
  const sandbox = target.embeddedSandbox;
  const appKey = flags['app-key'] ?? (sandbox ? DEMO_APP_KEYS.cors : undefined);
  const room = flags.room ?? (sandbox ? DEMO_ROOMS.lobby : undefined);
  if (appKey === undefined || appKey.trim() === '') {
    throw new UsageError('Expected `--app-key KEY`, got nothing');
  }
  if (room === undefined || room === '')
    throw new UsageError('Expected `--room NAME`, got nothing');

  const sdk = flags.sdk ?? '0.6';
  if (!(SDK_FLAVOURS as readonly string[]).includes(sdk)) {
    throw new UsageError(
      `Expected \`--sdk\` to be one of ${SDK_FLAVOURS.join(', ')}, got \`${sdk}\``,
    );
  }
  if ((flags.start === undefined) !== (flags.duration === undefined)) {
    throw new UsageError(
      `Expected \`--start\` and \`--duration\` together (credentials mode), got only \`--${flags.start === undefined ? 'duration' : 'start'}\``,
    );
  }
  const isCredentials = flags.start !== undefined;
  const duration = numberFlag('duration', flags.duration, { min: Number.MIN_VALUE });
  if (!isCredentials && flags.credentials !== undefined) {
    throw new UsageError('Expected `--start` and `--duration` with `--credentials`, got neither');
  }

  let secret = await readSecret(flags, io);
  if (isCredentials && secret === null && flags.credentials === undefined && sandbox) {
    secret = DEMO_SECRETS[appKey] ?? null;
  }
  if (isCredentials && secret === null && flags.credentials === undefined) {
    throw new UsageError(
      'Expected a secret (`--secret-env`, `--secret-file`, `--secret-stdin`) or `--credentials` in credentials mode, got none',
    );
  }

  return {
    profileId: null,
    profileName: sandbox ? 'sandbox' : 'command line',
    server: target.server,
    embeddedSandbox: sandbox,
    appKey,
    room,
    authMode: isCredentials ? 'credentials' : 'cors',
    origin: originFromFlags(flags, sandbox),
    startDateTime: flags.start ?? null,
    duration: duration ?? null,
    secret,
    givenCredentials: flags.credentials ?? null,
    sdk: sdk as SdkFlavour,
    network: networkFromFlags(flags),
  };
}

function originFromFlags(flags: RunFlagValues, sandbox: boolean): string | null {
  if (flags['no-origin'] === true) {
    if (flags.origin !== undefined) {
      throw new UsageError('Expected either `--origin` or `--no-origin`, got both');
    }

    return null;
  }

  return flags.origin ?? (sandbox ? DEMO_ORIGIN : null);
}

function networkFromFlags(flags: RunFlagValues): NetworkOptions {
  const proxy = flags.proxy ?? null;
  if (proxy !== null && !/^https?:\/\/[^\s/]+/.test(proxy)) {
    throw new UsageError(
      `Expected \`--proxy\` to be a URL such as http://proxy.local:3128, got \`${proxy}\``,
    );
  }
  const parsed = NetworkOptionsSchema.safeParse({
    apiTimeoutMs: numberFlag('timeout', flags.timeout, { min: 100, max: 120_000, integer: true }),
    socketTimeoutMs: numberFlag('socket-timeout', flags['socket-timeout'], {
      min: 100,
      max: 120_000,
      integer: true,
    }),
    deadlineMs: numberFlag('deadline', flags.deadline, { min: 500, max: 600_000, integer: true }),
    caFile: flags['ca-file'] ?? null,
    insecure: flags.insecure ?? false,
    proxy,
  });
  if (!parsed.success) {
    throw new UsageError(
      `Invalid network options: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }

  return parsed.data;
}

async function readSecret(flags: RunFlagValues, io: CliIo): Promise<string | null> {
  const sources = [
    flags['secret-env'] === undefined ? null : '--secret-env',
    flags['secret-file'] === undefined ? null : '--secret-file',
    flags['secret-stdin'] === true ? '--secret-stdin' : null,
  ].filter((source) => source !== null);
  if (sources.length > 1) {
    throw new UsageError(
      `Expected one secret source, got ${sources.map((s) => `\`${s}\``).join(' and ')}`,
    );
  }

  const envName = flags['secret-env'];
  if (envName !== undefined) {
    const value = io.env[envName];
    if (value === undefined || value === '') {
      throw new UsageError(
        `Expected environment variable \`${envName}\` (from \`--secret-env\`) to hold the secret, got nothing`,
      );
    }

    return value;
  }
  const file = flags['secret-file'];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error';
      throw new UsageError(
        `Expected \`--secret-file\` to be a readable file, got ${code} for \`${file}\``,
      );
    }

    return nonEmptySecret(text, '--secret-file');
  }
  if (flags['secret-stdin'] === true) {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }

    return nonEmptySecret(Buffer.concat(chunks).toString('utf8'), '--secret-stdin');
  }

  return null;
}

function nonEmptySecret(text: string, flag: string): string {
  // Editors and `echo` end files with a newline that is not part of the secret.
  const value = text.replace(/\r?\n$/, '');
  if (value === '')
    throw new UsageError(`Expected \`${flag}\` to provide a secret, got an empty one`);

  return value;
}

/** Resolves a {@link PlanInput} into a plan, turning a field error into a flag error. */
export function planFromInput(input: PlanInput, nowMs: number): RunPlan {
  const resolved = resolvePlan(input, nowMs);
  if (resolved.ok) return resolved.value;

  const field = resolved.error.detail?.field;
  const flag = typeof field === 'string' ? FLAG_OF_FIELD[field] : undefined;
  throw new UsageError(
    flag === undefined ? resolved.error.message : `${flag}: ${resolved.error.message}`,
  );
}

/** Runs one handshake with output to the CLI and returns the exit status. */
export async function runOnce(plan: RunPlan, io: CliIo, json: boolean): Promise<number> {
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => {
    controller.abort();
  });
  const printer = createTimelinePrinter(io);
  try {
    const result = await runHandshake(plan, {
      redactor: new Redactor(),
      signal: controller.signal,
      sink: (event) => {
        if (json) printJsonLine(io, event);
        else printer.print(event);
      },
    });
    if (!json) printer.summary(result);

    return result.outcome === 'joined' ? EXIT.OK : EXIT.FAILED;
  } finally {
    stopListening();
  }
}

/** `skylink-diag run`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'run one handshake and show the timeline',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, RUN_FLAGS);
    if (values.sandbox && values.server !== undefined) {
      throw new UsageError('Expected either `--server` or `--sandbox`, got both');
    }
    if (!values.sandbox && values.server === undefined) {
      throw new UsageError('Expected `--server URL` (or `--sandbox`), got nothing');
    }

    let sandbox: Sandbox | null = null;
    try {
      if (values.sandbox) sandbox = await createSandbox(defaultScenario());
      const target = {
        server: sandbox?.url ?? values.server ?? '',
        embeddedSandbox: sandbox !== null,
      };
      const input = await planInputFromFlags(values, io, target);
      const plan = planFromInput(input, Date.now());

      return await runOnce(plan, io, values.json);
    } finally {
      await sandbox?.close();
    }
  },
};
