import type {
  ApiTransport,
  ErrorInfo,
  InvokeChannel,
  InvokeMap,
  PushChannel,
  PushMap,
} from '../contract';

/** How long a request may wait for its reply before it fails. */
const REQUEST_TIMEOUT_MS = 120_000;

/** Pause before reconnecting after the socket drops, growing up to the cap. */
const RECONNECT_BASE_MS = 250;
const RECONNECT_CAP_MS = 5_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

type Reply =
  | { id: number | string | null; result: unknown }
  | { id: number | string | null; error: ErrorInfo }
  | { push: PushChannel; payload: unknown };

/** A transport error carrying the host's `ErrorInfo`, so `showError` can print it. */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** Reads the token the web host put in the page URL's fragment (`#token=…`). */
export function readPageToken(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');

  return token !== null && /^[0-9a-f]{64}$/.test(token) ? token : null;
}

/**
 * The web host's transport: one WebSocket to the page's own origin, requests matched to
 * replies by id, pushes fanned out to subscribers. Requests made while the socket is
 * (re)connecting wait for it; a dropped socket reconnects with back-off.
 */
export function createWebSocketTransport(options: { url: string }): ApiTransport {
  const pending = new Map<number, Pending>();
  const listeners = new Map<PushChannel, Set<(payload: never) => void>>();
  let queue: string[] = [];
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;

  function failAll(message: string): void {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.reject(new TransportError({ code: 'internal', message }));
      pending.delete(id);
    }
  }

  function onMessage(event: MessageEvent): void {
    if (typeof event.data !== 'string') return;
    let reply: Reply;
    try {
      reply = JSON.parse(event.data) as Reply;
    } catch {
      return;
    }
    if ('push' in reply) {
      for (const listener of listeners.get(reply.push) ?? []) listener(reply.payload as never);

      return;
    }
    if (typeof reply.id !== 'number') return;
    const entry = pending.get(reply.id);
    if (entry === undefined) return;
    pending.delete(reply.id);
    clearTimeout(entry.timer);
    if ('error' in reply) entry.reject(new TransportError(reply.error));
    else entry.resolve(reply.result);
  }

  function connect(): void {
    socket = new WebSocket(options.url);
    socket.addEventListener('open', () => {
      attempt = 0;
      const waiting = queue;
      queue = [];
      for (const text of waiting) socket.send(text);
    });
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', () => {
      // Known limit: a restarted web host has a new token, so reconnecting keeps failing until
      // the user opens the new URL that `skylink-diag serve` printed.
      // Replies to requests sent on the old socket will never come.
      failAll('The connection to the diagnostics host was lost');
      const delay = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempt);
      attempt += 1;
      setTimeout(connect, delay);
    });
  }

  connect();

  return {
    invoke<C extends InvokeChannel>(
      channel: C,
      ...args: InvokeMap[C]['args']
    ): Promise<InvokeMap[C]['result']> {
      const id = nextId++;
      const text = JSON.stringify({ id, channel, args });

      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new TransportError({ code: 'internal', message: `\`${channel}\` timed out` }));
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe<C extends PushChannel>(channel: C, listener: (payload: PushMap[C]) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);

      return () => {
        set.delete(listener);
      };
    },
  };
}
