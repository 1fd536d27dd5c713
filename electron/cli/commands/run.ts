import {
  EMBEDDED_SANDBOX_SERVER,
  NetworkOptionsSchema,
  SDK_FLAVOURS,
  type NetworkOptions,
  type SdkFlavour,
} from '../../contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN, DEMO_ROOMS, DEMO_SECRETS } from '../../core/demo-apps';
import { resolvePlan, type PlanInput } from '../../core/plan-resolver';
import type { RunPlan } from '../../core/run-plan';
import { createSandbox, defaultScenario, type Sandbox } from '../../sandbox';
import type { Command } from '../command';
import type { CliIo } from '../output';
import { numberFlag, parseFlags } from '../parse-flags';
import { lookUpProfile, planInputFromProfile } from '../profile-input';
import { readSecret, SECRET_FLAGS, type SecretFlagValues } from '../read-secret';
import { runRepeatFromCli } from '../repeat-runner';
import { checkProfileFlags, exportRequestOf, repeatOptionsOf } from '../run-extras';
import { runOnce } from '../run-once';
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
  --start ISO           credentials mode: start, ISO 8601 or now, now-3h, now+90m, today, half-day
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
  --profile NAME        run a saved or built-in profile (skylink-diag profiles list); only
                        the secret flags and --credentials may be added to it
  --data-dir DIR        where saved profiles live (default: the app's data folder)
  --export FILE         write the run to FILE: .json bundle, .har or .md report
  --redaction MODE      redact (default) or hash: how sensitive values appear in --export
  --repeat N            run N handshakes and print a summary (success rate, percentiles)
  --concurrency C       with --repeat: handshakes in flight at once (default 1)
  --interval MS         with --repeat: pause before each handshake, per worker (default 0)

Exit status: 0 joined, 1 failed, rejected or cancelled, 2 bad usage.

Examples:
  skylink-diag run --sandbox
  skylink-diag run --profile "Sandbox: wrong secret" --export ticket.md
  skylink-diag run --sandbox --repeat 200 --concurrency 10
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
  ...SECRET_FLAGS,
  credentials: { type: 'string' },
  sdk: { type: 'string', default: '0.6' },
  timeout: { type: 'string' },
  'socket-timeout': { type: 'string' },
  deadline: { type: 'string' },
  'ca-file': { type: 'string' },
  insecure: { type: 'boolean', default: false },
  proxy: { type: 'string' },
  json: { type: 'boolean', default: false },
  profile: { type: 'string' },
  'data-dir': { type: 'string' },
  export: { type: 'string' },
  redaction: { type: 'string', default: 'redact' },
  repeat: { type: 'string' },
  concurrency: { type: 'string' },
  interval: { type: 'string' },
} as const;

/** The parsed values of {@link RUN_FLAGS}. */
export interface RunFlagValues extends SecretFlagValues {
  server?: string;
  sandbox?: boolean;
  'app-key'?: string;
  room?: string;
  origin?: string;
  'no-origin'?: boolean;
  start?: string;
  duration?: string;
  credentials?: string;
  sdk?: string;
  timeout?: string;
  'socket-timeout'?: string;
  deadline?: string;
  'ca-file'?: string;
  insecure?: boolean;
  proxy?: string;
  json?: boolean;
  profile?: string;
  'data-dir'?: string;
  export?: string;
  redaction?: string;
  repeat?: string;
  concurrency?: string;
  interval?: string;
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
      `Expected \`--start\` and \`--duration\` together (credentials mode), ` +
        `got only \`--${flags.start === undefined ? 'duration' : 'start'}\``,
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
      'Expected a secret (`--secret-env`, `--secret-file`, ' +
        '`--secret-stdin`) or `--credentials` in credentials mode, got none',
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

/** `skylink-diag run`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'run one handshake and show the timeline',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, RUN_FLAGS);
    const profile = values.profile === undefined ? null : lookUpProfile(values);
    if (profile !== null) checkProfileFlags(argv);
    else if (values.sandbox && values.server !== undefined) {
      throw new UsageError('Expected either `--server` or `--sandbox`, got both');
    } else if (!values.sandbox && values.server === undefined) {
      throw new UsageError('Expected `--server URL`, `--sandbox` or `--profile NAME`, got nothing');
    }
    const repeat = repeatOptionsOf(values);
    const exportTo = exportRequestOf(values, profile);

    let sandbox: Sandbox | null = null;
    try {
      const needsSandbox = profile?.server === EMBEDDED_SANDBOX_SERVER || values.sandbox;
      if (needsSandbox) sandbox = await createSandbox(defaultScenario());
      const input =
        profile === null
          ? await planInputFromFlags(values, io, {
              server: sandbox?.url ?? values.server ?? '',
              embeddedSandbox: sandbox !== null,
            })
          : await planInputFromProfile(profile, values, io, sandbox?.url ?? null);
      const plan = planFromInput(input, Date.now());
      if (repeat !== null) {
        return await runRepeatFromCli({
          makePlan: () => planFromInput(input, Date.now()),
          options: repeat,
          io,
          json: values.json,
        });
      }

      return await runOnce(plan, io, values.json, exportTo);
    } finally {
      await sandbox?.close();
    }
  },
};
