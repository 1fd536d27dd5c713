import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const SDK_PATH = fileURLToPath(
  new URL('../node_modules/skylinkjs-06/publish/skylink.complete.js', import.meta.url),
);

/**
 * The page the real SDK runs in. `window.benchJoin(config)` creates a fresh `Skylink`,
 * calls `init()`, then `joinRoom()`, and resolves with the time each took (page clock, ms).
 * `joinRoom` in 0.6.x re-runs the API request for its room, so `joinMs` holds a second API
 * request plus the signalling join.
 */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>sdk bench</title>
<script src="/skylink.complete.js"></script>
<script>
window.benchJoin = (config) => new Promise((resolve, reject) => {
  const skylink = new Skylink();
  const started = performance.now();
  const timer = setTimeout(() => reject(new Error('sdk join timed out')), config.timeoutMs);
  skylink.init({
    appKey: config.appKey,
    defaultRoom: config.room,
    roomServer: config.roomServer,
    forceSSL: false,
  }, (initError) => {
    if (initError) { clearTimeout(timer); reject(new Error('init: ' + JSON.stringify(initError))); return; }
    const initialised = performance.now();
    skylink.joinRoom(config.room, (joinError) => {
      clearTimeout(timer);
      if (joinError) { reject(new Error('joinRoom: ' + JSON.stringify(joinError))); return; }
      const joined = performance.now();
      skylink.leaveRoom(() => resolve({ initMs: initialised - started, joinMs: joined - initialised }));
    });
  });
});
</script></head><body>sdk bench</body></html>`;

/** A loopback page server for the SDK bench. */
export interface SdkPageServer {
  /** `http://localhost:<port>`: an origin the CORS demo key accepts. */
  origin: string;
  close(): Promise<void>;
}

/** Serves the bench page and the SDK build on `127.0.0.1`, addressed as `localhost`. */
export async function startSdkPageServer(): Promise<SdkPageServer> {
  const sdk = await readFile(SDK_PATH);
  const server = createServer((request, response) => {
    if (request.url === '/skylink.complete.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(sdk);

      return;
    }
    if (request.url === '/' || request.url?.startsWith('/?') === true) {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(PAGE);

      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
