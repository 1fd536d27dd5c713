import io from 'socket.io-client';

import { computeCredentials } from '../../../electron/core/credentials';
import { DEMO_ORIGIN, DEMO_SECRETS } from '../../../electron/core/demo-apps';

/** What a test reads back from an API call. */
export interface ApiAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** Calls the sandbox's API the way the SDK does: CORS mode with an `Origin`. */
export async function corsRequest(
  baseUrl: string,
  appKey: string,
  room: string,
  init: { origin?: string | null; headers?: Record<string, string>; query?: string } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  const origin = init.origin === undefined ? DEMO_ORIGIN : init.origin;
  if (origin !== null) headers.Origin = origin;
  const url =
    `${baseUrl}/api/${appKey}/${encodeURIComponent(room)}` +
    `?rand=${Date.now()}${init.query ?? ''}`;
  const response = await fetch(url, { headers });

  return { status: response.status, body: await readBody(response), headers: response.headers };
}

/** Calls the API in credentials mode, computing `cred` from the secret unless given. */
export async function credentialsRequest(
  baseUrl: string,
  options: {
    appKey: string;
    room: string;
    start: string;
    duration: string;
    secret?: string;
    cred?: string;
    headers?: Record<string, string>;
  },
): Promise<ApiAnswer> {
  const secret = options.secret ?? DEMO_SECRETS[options.appKey] ?? 'unknown';
  const cred =
    options.cred ??
    computeCredentials({
      room: options.room,
      duration: options.duration,
      startDateTime: options.start,
      secret,
    }).credentials;
  const path =
    `/api/${options.appKey}/${encodeURIComponent(options.room)}` +
    `/${options.start}/${options.duration}`;
  const response = await fetch(`${baseUrl}${path}?cred=${cred}&rand=${Date.now()}`, {
    headers: options.headers ?? {},
  });

  return { status: response.status, body: await readBody(response), headers: response.headers };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A socket.io 2.x client connected to the sandbox, collecting every `message`. */
export interface TestSocket {
  socket: SocketIOClient.Socket;
  messages: any[];
  send(message: Record<string, unknown>): void;
  /** Resolves with the first message (from now or earlier) that passes `test`. */
  waitFor(test: (message: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

/** Connects over websocket, as the 2.x SDK and our engine do. */
export function connectSocket(url: string, transports = ['websocket']): Promise<TestSocket> {
  const socket = io(url, { transports, forceNew: true, reconnection: false, timeout: 3000 });
  const messages: any[] = [];
  const waiters: { test: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  socket.on('message', (data: string) => {
    const message = JSON.parse(data);
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.test(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const client: TestSocket = {
    socket,
    messages,
    send: (message) => socket.send(JSON.stringify(message)),
    waitFor(test, timeoutMs = 3000) {
      const found = messages.find(test);
      if (found !== undefined) return Promise.resolve(found);

      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No matching message within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          test,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () => socket.close(),
  };

  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error: Error) => reject(error));
  });
}

/** The joinRoom message built from an API answer, as the SDK builds it (spec §8.3). */
export function joinMessage(body: any, appKey: string): Record<string, unknown> {
  return {
    type: 'joinRoom',
    uid: body.username,
    cid: body.cid,
    rid: body.room_key,
    userCred: body.userCred,
    timeStamp: body.timeStamp,
    apiOwner: body.apiOwner,
    roomCred: body.roomCred,
    start: body.start,
    len: body.len,
    isPrivileged: body.isPrivileged === true,
    autoIntroduce: body.autoIntroduce !== false,
    key: appKey,
  };
}

/** Joins with an API answer and resolves with the first `inRoom` or `redirect`. */
export async function joinWith(url: string, body: any, appKey: string) {
  const client = await connectSocket(url);
  client.send(joinMessage(body, appKey));
  const reply = await client.waitFor((m) => m.type === 'inRoom' || m.type === 'redirect');

  return { client, reply };
}
