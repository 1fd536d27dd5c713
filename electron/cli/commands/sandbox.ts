import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { DiagnosticError } from '../../core/diagnostic-error';
import { createSandbox, defaultScenario, describeScenario, parseScenario } from '../../sandbox';
import type { Scenario } from '../../sandbox';
import { EXIT, type Command } from '../command';
import { printJsonLine, printLine, type CliIo } from '../output';
import { numberFlag, parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag sandbox [options]

Serves the reference Skylink platform (auth API + socket.io signalling) until Ctrl-C.
Every failure the platform can answer is reproducible with its demo keys or a scenario file
(docs/sandbox.md).

  --host HOST        address to bind (default 127.0.0.1)
  --port N           port to listen on (default 0: a free port)
  --scenario FILE    a scenario JSON file (default: the built-in demo scenario)
  --json             print one JSON line {"url", "signallingPorts"} instead of text
  --describe         print the scenario's keys, rooms and one command per failure, then exit

Examples:
  skylink-diag sandbox --port 8080
  skylink-diag sandbox --scenario tests/fixtures/scenarios/dead-first-port.json --describe
  skylink-diag run --server http://127.0.0.1:8080 --app-key demo-cors-key --room lobby \\
    --origin https://app.example.com`;

const FLAGS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '0' },
  scenario: { type: 'string' },
  json: { type: 'boolean', default: false },
  describe: { type: 'boolean', default: false },
} as const;

/** Reads and validates a scenario file; every failure names the file (and the field). */
function loadScenario(io: CliIo, file: string | undefined): Scenario {
  if (file === undefined) return defaultScenario();
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : '';
    throw new UsageError(
      `Cannot read scenario file \`${file}\`${reason === '' ? '' : `: ${reason}`}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Scenario file \`${file}\` is not valid JSON: ${message}`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new UsageError(`Scenario file \`${file}\`: ${parsed.error.message}`);

  return parsed.value;
}

async function serve(io: CliIo, scenario: Scenario, host: string, port: number, json: boolean) {
  let sandbox;
  try {
    sandbox = await createSandbox(scenario, { host, port });
  } catch (error) {
    // A taken port or an address we cannot bind is bad usage, not an internal error.
    throw new UsageError(
      `Cannot listen on ${host}:${port}: ${DiagnosticError.from(error).message}`,
    );
  }
  if (json) {
    printJsonLine(io, { url: sandbox.url, signallingPorts: sandbox.signallingPorts });
  } else {
    printLine(io, `sandbox listening on ${sandbox.url}`);
    if (sandbox.signallingPorts.length > 1) {
      printLine(io, `signalling ports advertised: ${sandbox.signallingPorts.join(', ')}`);
    }
  }

  await new Promise<void>((done) => {
    const stop = io.onInterrupt(() => {
      stop();
      done();
    });
  });
  await sandbox.close();
  if (!json) printLine(io, 'sandbox closed');

  return EXIT.OK;
}

/** `skylink-diag sandbox`: serves the reference platform on 127.0.0.1. */
export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'serve the reference Skylink platform on 127.0.0.1',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
    const port = numberFlag('port', values.port, { min: 0, max: 65535, integer: true }) ?? 0;
    if (values.host.trim() === '')
      throw new UsageError('Expected `--host` to be an address, got an empty string');
    const scenario = loadScenario(io, values.scenario);
    if (values.describe) {
      // The demo scenario is what `run --sandbox` starts; any other needs the server's address.
      const serverUrl =
        values.scenario === undefined
          ? undefined
          : `http://${values.host}:${port === 0 ? '<PORT>' : String(port)}`;
      printLine(io, describeScenario(scenario, { serverUrl }));

      return EXIT.OK;
    }

    return serve(io, scenario, values.host, port, values.json);
  },
};
