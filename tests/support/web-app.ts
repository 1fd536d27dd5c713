import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WebSocket } from 'ws';

import { createBackend } from '../../electron/host/backend';
import type { Backend } from '../../electron/host/backend-types';
import { MemoryVault } from '../../electron/host/memory-vault';
import { startWebHost, type WebHost } from '../../electron/host/web-host';

/** The renderer's web build, made by `npm run build:web` (`npm test` runs it first). */
export const WEB_BUILD_DIR = join(import.meta.dirname, '..', '..', 'out', 'web');

/** A real backend (temp data folder, memory vault, embedded sandbox) behind a real web host. */
export interface WebApp {
  backend: Backend;
  host: WebHost;
  vault: MemoryVault;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the backend and the web host on 127.0.0.1 port 0. */
export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(join(WEB_BUILD_DIR, 'index.html'))) {
    throw new Error('Expected the web build in out/web: run `npm run build:web` first');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'diag-web-'));
  const vault = new MemoryVault();
  const backend = await createBackend({ host: 'web', dataDir, vault });
  const host = await startWebHost({ backend, port: 0, staticDir: WEB_BUILD_DIR });

  return {
    backend,
    host,
    vault,
    dataDir,
    async close() {
      await host.close();
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a WebSocket to the web host's `/ws` with `query` and exactly `headers`, and resolves
 * with the HTTP status of a refusal, or `101` when the socket opened.
 */
export function upgradeStatus(
  port: number,
  query: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
    });
    ws.on('error', reject);
  });
}
