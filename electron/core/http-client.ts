import type { lookup as dnsLookup } from 'node:dns';
import { request, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

import type { DnsEvent, EventBase, HttpResponseEvent, TcpEvent, TlsEvent } from '../contract';

import { requestTarget } from './api-url';
import type { Clock } from './clock';
import { DiagnosticError } from './diagnostic-error';
import { HttpTimer } from './http-timings';
import { openProxyTunnel } from './proxy-tunnel';
import { openTcp, resolveHost } from './tcp-connect';
import { systemTimers, type Timers } from './timers';
import { openTls } from './tls-handshake';

/** The largest API body the engine keeps; longer bodies are cut and flagged `truncated`. */
export const BODY_CAP_BYTES = 1024 * 1024;

type Fields<E> = Omit<E, 'seq' | 't' | 'at' | 'type'>;

/** Receives the lower-level facts of an attempt as they happen. */
export interface HttpObserver {
  dns(event: Fields<DnsEvent>): void;
  tcp(event: Fields<TcpEvent>): void;
  tls(event: Fields<TlsEvent>): void;
}

/** One GET, with everything that shapes its connection. */
export interface HttpGetRequest {
  url: string;
  headers: Record<string, string>;
  /** Per-attempt timeout; `null` waits until the signal fires. */
  timeoutMs: number | null;
  /** Runs the per-attempt timeout; default Node's timers. */
  timers?: Timers;
  signal: AbortSignal;
  clock: Clock;
  observer: HttpObserver;
  /** CA certificates to trust instead of the system store (PEM). */
  ca: Buffer | null;
  /** Skip certificate checks (still reported in the `tls` event). */
  insecure: boolean;
  /** An HTTP proxy URL, `http://host:port`. */
  proxy: string | null;
  lookup?: typeof dnsLookup;
  bodyCapBytes?: number;
}

/** What came back: the `http.response` event's facts, before the event is stamped. */
export type HttpExchange = Omit<
  HttpResponseEvent,
  keyof EventBase | 'type' | 'purpose' | 'attempt'
>;

/**
 * Sends one GET over `node:http` on a socket it opens itself, so each phase (DNS, TCP, TLS,
 * first byte, end) is measured and reported. Redirects are returned, never followed. Throws
 * {@link DiagnosticError} with the failing phase's code, its timings in `detail`, and, when the
 * status line had arrived before the failure (a body that stalls or breaks off), its code as
 * `detail.responseStatus`: that is what a browser's XHR or fetch already holds at that point.
 */
export async function httpGet(req: HttpGetRequest): Promise<HttpExchange> {
  const target = new URL(req.url);
  const isSecure = target.protocol === 'https:';
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || (isSecure ? 443 : 80));
  const proxy = req.proxy === null ? null : new URL(req.proxy);
  const timer = new HttpTimer(req.clock);
  const sockets: Socket[] = [];
  const guard = new AttemptGuard(req, sockets, timer);
  let responseStatus: number | null = null;

  try {
    const connectHost = proxy === null ? host : proxy.hostname.replace(/^\[|\]$/g, '');
    const connectPort = proxy === null ? port : Number(proxy.port || 80);
    const address = await guard.race(resolveHost(connectHost, req, timer));
    let socket = await guard.race(openTcp(address, connectPort, sockets, req, timer, proxy));

    if (proxy !== null && isSecure) {
      await guard.race(openProxyTunnel({ socket, host, port, proxyUrl: req.proxy ?? '' }));
      timer.skip();
    }
    if (isSecure) socket = await guard.race(openTls(socket, host, sockets, req, timer));

    // Through a proxy, plain HTTP goes as an absolute URL on the request line.
    const path = proxy !== null && !isSecure ? target.href : requestTarget(req.url);
    const response = await guard.race(sendRequest(socket, path, target.host, req));
    timer.mark('ttfb');
    responseStatus = response.statusCode ?? null;
    const body = await guard.race(readBody(response, req.bodyCapBytes ?? BODY_CAP_BYTES));
    timer.mark('total');

    return {
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? '',
      headers: flattenHeaders(response),
      httpVersion: response.httpVersion,
      body: body.text,
      bodyBytes: body.bytes,
      truncated: body.truncated,
      remoteAddress: socket.remoteAddress ?? null,
      remotePort: socket.remotePort ?? null,
      serverDate: headerValue(response, 'date'),
      timings: timer.snapshot(),
    };
  } catch (error) {
    const failure = DiagnosticError.from(error);
    throw new DiagnosticError(
      failure.code,
      failure.message,
      {
        ...failure.detail,
        timings: timer.snapshot(),
        ...(responseStatus === null ? {} : { responseStatus }),
      },
      { cause: error },
    );
  } finally {
    guard.dispose();
    // Closing the handle costs a system call or two; the caller does not wait for it, so it
    // runs once the caller has moved on (on success, after the signalling connect is sent).
    setImmediate(destroyAll, sockets);
  }
}

/**
 * Destroys the sockets of an attempt outermost first. A TLS socket runs on the handle of the
 * TCP socket beneath it; destroying the TCP socket first can crash Node (seen as a segfault).
 */
function destroyAll(sockets: readonly Socket[]): void {
  for (const socket of [...sockets].reverse()) {
    if (!socket.destroyed) socket.destroy();
  }
}

/** Races each phase against the attempt's timeout and the run's abort signal. */
class AttemptGuard {
  readonly #stopped: Promise<never>;
  readonly #dispose: () => void;

  constructor(req: HttpGetRequest, sockets: Socket[], timer: HttpTimer) {
    const timers = req.timers ?? systemTimers;
    let timeout: unknown;
    let onAbort = (): void => undefined;
    this.#stopped = new Promise<never>((_, reject) => {
      if (req.timeoutMs !== null) {
        const ms = req.timeoutMs;
        timeout = timers.setTimeout(() => {
          destroyAll(sockets);
          reject(DiagnosticError.timeout(req.url, ms));
        }, ms);
      }
      onAbort = () => {
        destroyAll(sockets);
        reject(
          new DiagnosticError('run.cancelled', 'The run was stopped during the API request', {
            timings: timer.snapshot(),
          }),
        );
      };
      if (req.signal.aborted) onAbort();
      else req.signal.addEventListener('abort', onAbort, { once: true });
    });
    // Nobody may be awaiting when it fires; the rejection is still observed through race().
    this.#stopped.catch(() => undefined);
    this.#dispose = () => {
      if (timeout !== undefined) timers.clearTimeout(timeout);
      req.signal.removeEventListener('abort', onAbort);
    };
  }

  race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.#stopped]);
  }

  dispose(): void {
    this.#dispose();
  }
}

function sendRequest(
  socket: Socket,
  path: string,
  hostHeader: string,
  req: HttpGetRequest,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = request({
      method: 'GET',
      path,
      headers: { Host: hostHeader, ...req.headers },
      createConnection: () => socket,
    });
    outgoing.once('response', resolve);
    outgoing.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new DiagnosticError(
          'tcp.reset',
          `Expected an HTTP response from \`${hostHeader}\`, got ${error.code ?? error.message}`,
          {
            code: error.code ?? null,
          },
        ),
      );
    });
    outgoing.end();
  });
}

function readBody(
  response: IncomingMessage,
  capBytes: number,
): Promise<{ text: string; bytes: number; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let bytes = 0;
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      const room = capBytes - keptBytes;
      const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
      kept.push(piece);
      keptBytes += piece.length;
      if (bytes > capBytes) {
        // Past the cap the verdict is known: stop reading rather than spend the timeout (or,
        // for 2.x, the whole run) downloading a huge or endless body. The caller destroys the
        // socket. Known limit: without a Content-Length, `bytes` is what had arrived by then,
        // a lower bound of the body's size.
        const declared = Number(response.headers['content-length']);
        const total = Number.isSafeInteger(declared) && declared > bytes ? declared : bytes;
        response.removeAllListeners('data');
        response.pause();
        resolve({ text: Buffer.concat(kept).toString('utf8'), bytes: total, truncated: true });
      }
    });
    response.once('end', () => {
      resolve({ text: Buffer.concat(kept).toString('utf8'), bytes, truncated: bytes > capBytes });
    });
    response.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new DiagnosticError(
          'tcp.reset',
          `Expected the whole response body, ` +
            `got ${error.code ?? error.message} after ${bytes} bytes`,
          {
            bytes,
          },
        ),
      );
    });
  });
}

function flattenHeaders(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }

  return out;
}

function headerValue(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];

  return typeof value === 'string' ? value : null;
}
