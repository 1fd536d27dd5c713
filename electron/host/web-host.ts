import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { WebSocket, WebSocketServer } from 'ws';

import { createLogger } from '../core/logger';

import type { Backend } from './backend-types';
import { handleWebMessage } from './web-host-protocol';
import { serveStatic } from './web-host-static';

const log = createLogger('diag:web-host');

/** The only address the web host listens on: the UI is for this machine's user alone. */
export const WEB_HOST_ADDRESS = '127.0.0.1';

/** The path of the WebSocket endpoint. */
export const WEB_SOCKET_PATH = '/ws';

/** Largest message accepted: an imported bundle may be big, but not unbounded. */
const MAX_MESSAGE_BYTES = 80 * 1024 * 1024;

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  backend: Backend;
  /** `0` (the default) picks a free port. */
  port?: number;
  /** The built renderer (`out/web`). */
  staticDir: string;
}

/** A running web host. */
export interface WebHost {
  /** The page URL, with the token in its fragment so it never reaches a server log. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameToken(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);

  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: 400 | 401 | 404, reason: string): void {
  const text = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

/**
 * Serves the built renderer and the backend over a token-guarded WebSocket on 127.0.0.1.
 * Every connection must carry the token of this start and come from our own origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { backend, staticDir } = options;
  const token = randomBytes(32).toString('hex');
  let origin = '';

  const server = createServer((req, res) => {
    // Checking Host keeps a DNS-rebinding page from reading the UI through another name.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request');

      return;
    }
    void serveStatic(staticDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== WEB_SOCKET_PATH) {
      refuseUpgrade(socket, 404, 'Unknown endpoint');

      return;
    }
    if (!sameToken(token, url.searchParams.get('token'))) {
      log.warn('websocket refused: bad token', { remote: req.socket.remoteAddress });
      refuseUpgrade(socket, 401, 'Missing or wrong token');

      return;
    }
    if (req.headers.origin !== origin) {
      log.warn('websocket refused: foreign origin', { origin: req.headers.origin });
      refuseUpgrade(socket, 401, 'Foreign origin');

      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit('connection', ws, req);
    });
  });

  wss.on('connection', (ws: WebSocket) => {
    log.debug('websocket connected', { clients: wss.clients.size });
    ws.on('message', (data, isBinary) => {
      // Binary frames are not part of the protocol; they get the "not JSON" error reply.
      const buffer = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(new Uint8Array(data));
      const raw = isBinary ? '' : buffer.toString('utf8');
      void handleWebMessage(backend.handlers, raw).then((reply) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(reply));
      });
    });
    ws.on('error', (error) => {
      log.warn('websocket error', { error });
    });
  });

  const unsubscribe = backend.onPush((channel, payload) => {
    const text = JSON.stringify({ push: channel, payload });
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(text);
    }
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, WEB_HOST_ADDRESS, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${WEB_HOST_ADDRESS}:${port}`;
  log.info('web host listening', { origin });

  return {
    url: `${origin}/#token=${token}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'server closing');
      await new Promise<void>((done) => {
        wss.close(() => {
          done();
        });
      });
      server.closeAllConnections();
      await new Promise<void>((done) => {
        server.close(() => {
          done();
        });
      });
    },
  };
}
