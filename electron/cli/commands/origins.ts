import { NetworkOptionsSchema, SDK_FLAVOURS, type SdkFlavour } from '../../contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN, DEMO_ROOMS } from '../../core/demo-apps';
import {
  originVariants,
  runOriginMatrix,
  type OriginMatrixRow,
  type OriginVariant,
} from '../../core/diagnosis';
import { DiagnosticError } from '../../core/diagnostic-error';
import { resolvePlan } from '../../core/plan-resolver';
import { createSandbox, defaultScenario, type Sandbox } from '../../sandbox';
import { EXIT, type Command } from '../command';
import { paint, printJsonLine, printLine, type CliIo } from '../output';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag origins --server URL --app-key KEY --room R --origin URL
         [--sdk 0.6|2.x] [--json]
       skylink-diag origins --sandbox [--app-key KEY] [--room R] [--origin URL]

The CORS origin matrix: sends the API request (CORS mode, no join) once per variant of the
customer's origin — http/https, www/apex, a port, a trailing slash, \`null\`, file://, none —
and tells "domain not registered" from "registered, but the page runs on another origin".
It proves what the server accepts, not what the customer's browser sends: take the real
Origin from their HAR.

  --server URL      auth server, e.g. https://api.temasys.io
  --sandbox         use the embedded sandbox (defaults: demo CORS key, room lobby,
                    ${DEMO_ORIGIN})
  --app-key KEY     the App Key
  --room R          the room
  --origin URL      the customer's origin, e.g. https://app.example.com
  --sdk 0.6|2.x     SDK flavour to imitate (default 0.6)
  --json            print the matrix and the conclusion as one JSON object

Exit status: 0 the customer's origin is accepted, 1 it is not, 2 bad usage.`;

const FLAGS = {
  server: { type: 'string' },
  sandbox: { type: 'boolean', default: false },
  'app-key': { type: 'string' },
  room: { type: 'string' },
  origin: { type: 'string' },
  sdk: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function outcomeText(row: OriginMatrixRow): string {
  if (row.accepted) return 'accepted';
  if (row.errorCode !== null) return `refused ${row.errorCode}`;

  return `failed ${row.engineError ?? 'unknown'}`;
}

function printMatrix(io: CliIo, rows: readonly OriginMatrixRow[]): void {
  const width = Math.max(...rows.map((row) => (row.origin ?? '(none)').length));
  for (const row of rows) {
    const text = outcomeText(row);
    const coloured = paint(io, row.accepted ? 'green' : 'red', text.padEnd(14));
    printLine(
      io,
      `${coloured}  ${(row.origin ?? '(none)').padEnd(width)}  ${paint(io, 'grey', row.label)}`,
    );
  }
}

function variantsOf(origin: string): OriginVariant[] {
  try {
    return originVariants(origin);
  } catch (error) {
    throw new UsageError(`--origin: ${DiagnosticError.from(error).message}`);
  }
}

/** `skylink-diag origins`: which origins an app key accepts. */
export const originsCommand: Command = {
  name: 'origins',
  summary: 'test which origins an app key accepts (CORS origin matrix)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
    if (values.sandbox && values.server !== undefined) {
      throw new UsageError('Expected either `--server` or `--sandbox`, got both');
    }
    if (!values.sandbox && values.server === undefined) {
      throw new UsageError('Expected `--server URL` (or `--sandbox`), got nothing');
    }
    const sdk = values.sdk ?? '0.6';
    if (!(SDK_FLAVOURS as readonly string[]).includes(sdk)) {
      throw new UsageError(
        `Expected \`--sdk\` to be one of ${SDK_FLAVOURS.join(', ')}, got \`${sdk}\``,
      );
    }
    const appKey = values['app-key'] ?? (values.sandbox ? DEMO_APP_KEYS.cors : undefined);
    const room = values.room ?? (values.sandbox ? DEMO_ROOMS.lobby : undefined);
    const origin = values.origin ?? (values.sandbox ? DEMO_ORIGIN : undefined);
    if (appKey === undefined) throw new UsageError('Expected `--app-key KEY`, got nothing');
    if (room === undefined) throw new UsageError('Expected `--room R`, got nothing');
    if (origin === undefined) throw new UsageError('Expected `--origin URL`, got nothing');
    const variants = variantsOf(origin);

    let sandbox: Sandbox | null = null;
    try {
      if (values.sandbox) sandbox = await createSandbox(defaultScenario());
      const resolved = resolvePlan(
        {
          profileId: null,
          profileName: 'origin matrix',
          server: sandbox?.url ?? values.server ?? '',
          embeddedSandbox: sandbox !== null,
          appKey,
          room,
          authMode: 'cors',
          origin: variants[0]?.origin ?? origin,
          startDateTime: null,
          duration: null,
          secret: null,
          givenCredentials: null,
          sdk: sdk as SdkFlavour,
          network: NetworkOptionsSchema.parse({}),
        },
        Date.now(),
      );
      if (!resolved.ok) throw new UsageError(resolved.error.message);

      const result = await runOriginMatrix({ plan: resolved.value, variants });
      if (values.json) {
        printJsonLine(io, {
          customerOrigin: result.customer.origin,
          conclusion: result.conclusion,
          verdict: result.verdict,
          acceptedOrigins: result.acceptedOrigins,
          rows: result.rows.map((row) => ({
            origin: row.origin,
            label: row.label,
            accepted: row.accepted,
            errorCode: row.errorCode,
            httpStatus: row.httpStatus,
            engineError: row.engineError,
          })),
        });
      } else {
        printMatrix(io, result.rows);
        printLine(io);
        printLine(io, paint(io, 'bold', result.verdict));
      }

      return result.customer.accepted ? EXIT.OK : EXIT.FAILED;
    } finally {
      await sandbox?.close();
    }
  },
};
