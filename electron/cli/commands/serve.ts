import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createBackend } from '../../host/backend';
import { resolveDataDir } from '../../host/data-dir';
import { MemoryVault } from '../../host/memory-vault';
import { startWebHost } from '../../host/web-host';
import { EXIT, type Command } from '../command';
import { printJsonLine, printLine, type CliIo } from '../output';
import { numberFlag, parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const USAGE = `Usage: skylink-diag serve [options]

Serves the app's UI to a browser on this machine: the built renderer and the backend over a
WebSocket, bound to 127.0.0.1 only and guarded by a token made at each start. Open the URL it
prints (the token is in the part after #). Secrets are kept in memory for this session only.

  --port N          port to listen on (default 0: a free port)
  --data-dir DIR    the data folder: profiles, run history (default: the app's own folder)
  --json            print one JSON line {"url"} instead of text

Examples:
  npm run build:web && skylink-diag serve
  skylink-diag serve --port 8787 --data-dir /tmp/diag`;

const FLAGS = {
  port: { type: 'string', default: '0' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/**
 * The built renderer: `SKYLINK_DIAG_WEB_DIR` when set (and then only it), else `out/web` of
 * the package, else of the working folder.
 */
export function findWebBuild(io: CliIo): string | null {
  const override = io.env.SKYLINK_DIAG_WEB_DIR;
  const fromSource = fileURLToPath(new URL('../../../out/web', import.meta.url));
  const candidates =
    override !== undefined && override !== ''
      ? [resolve(io.cwd, override)]
      : [fromSource, join(io.cwd, 'out', 'web')];

  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** `skylink-diag serve`: the UI in a browser, on 127.0.0.1 with a token. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app UI in a browser, bound to 127.0.0.1 with a token',
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(argv, FLAGS);
    const port = numberFlag('port', values.port, { min: 0, max: 65535, integer: true }) ?? 0;
    const rawDir = values['data-dir'];
    if (rawDir?.trim() === '') {
      throw new UsageError('Expected `--data-dir` to be a folder, got an empty string');
    }
    const staticDir = findWebBuild(io);
    if (staticDir === null) {
      throw new UsageError(
        'The web UI is not built: expected `out/web/index.html`. Run `npm run build:web` first',
      );
    }

    const dataDir = rawDir === undefined ? resolveDataDir(io.env) : resolve(io.cwd, rawDir);
    // A file given as the folder would otherwise surface as an ENOTDIR internal error.
    if (statSync(dataDir, { throwIfNoEntry: false })?.isDirectory() === false) {
      throw new UsageError(`Expected \`--data-dir\` to be a folder, got the file \`${dataDir}\``);
    }
    const backend = await createBackend({ host: 'web', dataDir, vault: new MemoryVault() });
    let host;
    try {
      host = await startWebHost({ backend, port, staticDir });
    } catch (error) {
      await backend.close();
      const message = error instanceof Error ? error.message : String(error);
      throw new UsageError(`Cannot listen on 127.0.0.1:${port}: ${message}`);
    }

    if (values.json) printJsonLine(io, { url: host.url });
    else {
      printLine(io, `open ${host.url}`);
      printLine(io, 'Serving on 127.0.0.1 only; press Ctrl-C to stop.');
    }

    await new Promise<void>((done) => {
      const stop = io.onInterrupt(() => {
        stop();
        done();
      });
    });
    await host.close();
    await backend.close();
    if (!values.json) printLine(io, 'web host closed');

    return EXIT.OK;
  },
};
