import io from 'socket.io-client';

/** What the baseline needs: the sandbox's auth URL, a CORS key and the origin it accepts. */
export interface BaselineTarget {
  server: string;
  appKey: string;
  room: string;
  origin: string;
}

/** How long one baseline handshake may take before the bench calls it failed. */
const BASELINE_TIMEOUT_MS = 10_000;

/**
 * The least a client can do to join: a bare `fetch` of the API URL, then a bare socket.io 2.5.0
 * connection (websocket only, no reconnection) that sends `joinRoom` and waits for `inRoom`.
 * No events, no redaction, no timings, no port ladder: the floor the engine is compared with.
 * With `freshConnection` the API request opens its own connection instead of reusing the one
 * `fetch` kept from the previous call. Resolves with the wall time in milliseconds.
 */
export async function baselineHandshake(
  target: BaselineTarget,
  options: { freshConnection?: boolean } = {},
): Promise<number> {
  const started = performance.now();
  const url = `${target.server}/api/${target.appKey}/${target.room}?rand=${Date.now()}`;
  // `fetch` keeps its connection to the API open between calls; `Connection: close` makes it
  // open a new one each time, as the engine does (it measures TCP and TLS on every run).
  const headers: Record<string, string> = { Origin: target.origin };
  if (options.freshConnection === true) headers.Connection = 'close';
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(BASELINE_TIMEOUT_MS) });
  const body = (await response.json()) as Record<string, unknown>;
  if (body.success !== true) throw new Error(`baseline API request refused: ${String(body.error)}`);

  const ports = body.httpPortList as number[];
  const host = String(body.ipSigserver);
  await joinOnce(`http://${host}:${ports[0]}`, {
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
    key: target.appKey,
  });

  return performance.now() - started;
}

function joinOnce(socketUrl: string, joinRoom: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(socketUrl, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      timeout: BASELINE_TIMEOUT_MS,
    });
    const timer = setTimeout(
      () => finish(new Error('baseline join timed out')),
      BASELINE_TIMEOUT_MS,
    );
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      socket.close();
      if (error === undefined) resolve();
      else reject(error);
    };
    socket.on('connect', () => socket.send(JSON.stringify(joinRoom)));
    socket.on('connect_error', (error: Error) => finish(error));
    socket.on('message', (data: unknown) => {
      const message = JSON.parse(String(data)) as { type?: string; reason?: string };
      if (message.type === 'inRoom') finish();
      else if (message.type === 'redirect')
        finish(new Error(`baseline join rejected: ${message.reason}`));
    });
  });
}
