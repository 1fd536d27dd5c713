import type { Agent } from 'node:http';

import io from 'socket.io-client';

import type { ChannelCloseEvent } from '../contract';

import { createLogger } from './logger';

const log = createLogger('diag:signalling');

/** Our reason a channel closed; socket.io's own strings stay inside this module. */
export type ChannelCloseReason = ChannelCloseEvent['reason'];

/** How to dial one signalling URL (the options of protocol spec §8.1). */
export interface SignallingConnectOptions {
  url: string;
  /** socket.io `path`; `null` keeps socket.io's default `/socket.io`. */
  path: string | null;
  transport: 'websocket' | 'polling';
  reconnection: boolean;
  reconnectionAttempts: number;
  reconnectionDelayMs: number;
  reconnectionDelayMaxMs: number;
  /** socket.io `timeout`: the connect timeout of each attempt. */
  timeoutMs: number;
  query: Record<string, string>;
  /** Headers on the handshake (2.x sends its SDK headers; a browser adds `Origin`). */
  extraHeaders: Record<string, string>;
  ca: string | null;
  rejectUnauthorized: boolean;
  /** Carries every connection (a proxy tunnel); `null` connects directly. */
  agent: Agent | null;
}

/** What the client reports, in our own names. */
export type SignallingClientEvent =
  | { type: 'connect'; transport: 'websocket' | 'polling' }
  | { type: 'connect_error'; message: string; kind: 'refused' | 'timeout' | 'handshake' }
  | { type: 'reconnect_attempt'; attempt: number }
  | { type: 'reconnect_failed' }
  | { type: 'disconnect'; reason: ChannelCloseReason }
  | { type: 'error'; message: string }
  | { type: 'message'; data: unknown };

/** Maps socket.io 2.x disconnect reasons onto ours. */
export function mapDisconnectReason(reason: string): ChannelCloseReason {
  switch (reason) {
    case 'io client disconnect':
    case 'forced close':
      return 'client';
    case 'io server disconnect':
      return 'server';
    case 'transport close':
      return 'transport';
    case 'ping timeout':
      return 'timeout';
    default:
      return 'error';
  }
}

/**
 * One socket.io 2.x connection (Engine.IO v3, as the Skylink platform speaks), with the
 * events the engine needs in typed form. socket.io does its own reconnecting when asked; the
 * port/transport ladder above it belongs to the engine.
 */
export class SignallingClient {
  readonly #socket: SocketIOClient.Socket;
  #isClosed = false;

  constructor(options: SignallingConnectOptions, listener: (event: SignallingClientEvent) => void) {
    const transports = options.transport === 'websocket' ? ['websocket'] : ['polling'];
    const socket = io(options.url, {
      forceNew: true,
      reconnection: options.reconnection,
      reconnectionAttempts: options.reconnectionAttempts,
      reconnectionDelay: options.reconnectionDelayMs,
      reconnectionDelayMax: options.reconnectionDelayMaxMs,
      timeout: options.timeoutMs,
      transports,
      query: options.query,
      ...(options.path === null ? {} : { path: options.path }),
      // engine.io-client 3 passes these to `ws` and to its XHR in Node.
      ...({ extraHeaders: options.extraHeaders } as object),
      rejectUnauthorized: options.rejectUnauthorized,
      ...(options.ca === null ? {} : { ca: options.ca }),
      // The typings say string|boolean; engine.io-client passes any http.Agent to ws and XHR.
      ...(options.agent === null ? {} : ({ agent: options.agent } as object)),
    });
    this.#socket = socket;
    const emit = (event: SignallingClientEvent): void => {
      if (this.#isClosed && event.type !== 'disconnect') return;
      listener(event);
    };

    socket.on('connect', () => {
      emit({ type: 'connect', transport: options.transport });
    });
    socket.on('connect_error', (error: unknown) => {
      const message = errorMessage(error);
      emit({ type: 'connect_error', message, kind: classify(message) });
    });
    socket.on('connect_timeout', () => {
      emit({
        type: 'connect_error',
        message: `No socket.io handshake within ${options.timeoutMs} ms`,
        kind: 'timeout',
      });
    });
    socket.on('reconnect_attempt', (attempt: number) => {
      emit({ type: 'reconnect_attempt', attempt });
    });
    socket.on('reconnect_failed', () => {
      emit({ type: 'reconnect_failed' });
    });
    socket.on('disconnect', (reason: string) => {
      log.debug('socket disconnected', { reason });
      emit({ type: 'disconnect', reason: mapDisconnectReason(reason) });
    });
    socket.on('error', (error: unknown) => {
      emit({ type: 'error', message: errorMessage(error) });
    });
    socket.on('message', (data: unknown) => {
      emit({ type: 'message', data });
    });
  }

  /** Whether the socket is connected now. */
  get isConnected(): boolean {
    return this.#socket.connected;
  }

  /** Sends one message as the SDKs do: `socket.send(JSON.stringify(message))`. */
  send(text: string): void {
    this.#socket.send(text);
  }

  /** Closes the socket and stops its reconnecting; later events are dropped. */
  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.#socket.close();
    this.#socket.removeAllListeners();
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    // engine.io-client reports an undecodable frame as `server error` with code `parser error`.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '' && !error.message.includes(code)) {
      return `${error.message} (${code})`;
    }
    // engine.io-client wraps the transport's error; its `description` holds the cause: an
    // Error, a string, or (for `ws`) an ErrorEvent-like object with `message`.
    const inner = describeCause((error as { description?: unknown }).description);

    return inner !== null && inner !== '' && !error.message.includes(inner)
      ? `${error.message}: ${inner}`
      : error.message;
  }

  return typeof error === 'string' ? error : JSON.stringify(error);
}

function describeCause(cause: unknown): string | null {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  if (cause !== null && typeof cause === 'object') {
    const message = (cause as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    const nested = (cause as { error?: unknown }).error;
    if (nested instanceof Error) return nested.message;
  }

  return null;
}

function classify(message: string): 'refused' | 'timeout' | 'handshake' {
  if (/ECONNREFUSED/i.test(message)) return 'refused';
  if (/timeout|ETIMEDOUT/i.test(message)) return 'timeout';

  return 'handshake';
}
