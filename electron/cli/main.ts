import { EXIT, type Command } from './command';
import { printError, printLine, processIo, type CliIo } from './output';
import { UsageError } from './usage-error';

/** Sub-commands, loaded lazily so `--help` and small commands start fast. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: {
    summary: 'run one handshake (or --repeat N) and show the timeline',
    load: async () => (await import('./commands/run')).runCommand,
  },
  sandbox: {
    summary: 'serve the reference Skylink platform on 127.0.0.1',
    load: async () => (await import('./commands/sandbox')).sandboxCommand,
  },
  credentials: {
    summary: 'compute a credentials string, or --check one',
    load: async () => (await import('./commands/credentials')).credentialsCommand,
  },
  codes: {
    summary: 'explain readyStateChange, systemAction, socket and engine codes',
    load: async () => (await import('./commands/codes')).codesCommand,
  },
  origins: {
    summary: 'test which origins an app key accepts (CORS origin matrix)',
    load: async () => (await import('./commands/origins')).originsCommand,
  },
  profiles: {
    summary: 'list, show, import and export saved profiles',
    load: async () => (await import('./commands/profiles')).profilesCommand,
  },
  show: {
    summary: 'open an exported JSON bundle: timeline, diagnosis, summary',
    load: async () => (await import('./commands/show')).showCommand,
  },
  serve: {
    summary: 'serve the app UI in a browser, bound to 127.0.0.1 with a token',
    load: async () => (await import('./commands/serve')).serveCommand,
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`,
  );

  return [
    'skylink-diag: diagnose Temasys Skylink authentication from the command line',
    '',
    'Usage: skylink-diag <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'First handshake:  skylink-diag run --sandbox',
    'Help on one:      skylink-diag <command> --help',
  ].join('\n');
}

/** Runs the CLI and returns its exit status; never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printLine(io, helpText());

    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-v') {
    printLine(io, (await import('../core/version')).ENGINE_VERSION);

    return EXIT.OK;
  }

  const entry = COMMANDS[name];
  if (entry === undefined) {
    printError(
      io,
      `Unknown command \`${name}\`; expected one of ${Object.keys(COMMANDS).join(', ')}`,
    );

    return EXIT.USAGE;
  }

  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      printLine(io, command.usage);

      return EXIT.OK;
    }

    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(io, `skylink-diag ${name}: ${error.message}`);

      return EXIT.USAGE;
    }
    // An unexpected failure still gets one clear line, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    printError(io, `skylink-diag ${name}: internal error: ${message}`);
    if (io.env.DIAG_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
      printError(io, error.stack);
    }

    return EXIT.FAILED;
  }
}
