import { SOCKET_ERROR, type SocketFallback } from '../../contract';
import { buildSocketQuery } from '../api-headers';
import type { ApiResponse } from '../api-response';
import { buildJoinRoomMessage } from '../join-message';
import { buildPortLadder, portsFor, type LadderRung } from '../port-ladder';
import { ProxyTunnelAgent } from '../proxy-agent';
import {
  SignallingClient,
  type SignallingClientEvent,
  type SignallingConnectOptions,
} from '../signalling-client';

import { EventQueue } from './event-queue';
import { joinRoom } from './join-step';
import { failStep, type RunContext } from './run-context';

/** What the signalling step needs besides the run and the API response. */
export interface SignallingStepDeps {
  ca: string | null;
  stayInRoomMs: number;
}

/** A connected channel and the queue of everything it reports. */
export interface OpenChannel {
  client: SignallingClient;
  events: EventQueue<SignallingClientEvent>;
  url: string;
  transport: 'websocket' | 'polling';
}

const SOCKET_ERROR_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(SOCKET_ERROR).map(([name, code]) => [code, name]),
);

/**
 * Connects the signalling socket as the flavour does (0.6.x: the port/transport ladder;
 * 2.x: one URL, no reconnection), then joins. Resolves when the run joined; throws the
 * {@link RunEnd} of any other outcome.
 */
export async function runSignallingStep(
  run: RunContext,
  api: ApiResponse,
  deps: SignallingStepDeps,
): Promise<void> {
  const startedAt = run.clock.monotonic();
  if (socketTimeoutFor(run) !== run.plan.network.socketTimeoutMs) {
    run.note(
      'info',
      `0.6.x ignores a socketTimeout under ${MIN_SOCKET_TIMEOUT_06_MS} ` +
        `ms: ${run.plan.network.socketTimeoutMs} ms ` +
        `becomes ${DEFAULT_SOCKET_TIMEOUT_MS} ms, as the SDK would use`,
    );
  }
  const channel =
    run.plan.sdk === '0.6' ? await connectLadder(run, api, deps) : await connect2x(run, api, deps);
  run.timings.socketConnectMs = Math.round(run.clock.monotonic() - startedAt);
  run.emit({ type: 'channelOpen', url: channel.url, transport: channel.transport });

  await joinRoom(run, channel, buildJoinRoomMessage(api, run.plan.appKey), api, deps.stayInRoomMs);
}

function protocolOf(run: RunContext): 'http:' | 'https:' {
  return run.plan.server.startsWith('https:') ? 'https:' : 'http:';
}

function baseOptions(
  run: RunContext,
  deps: SignallingStepDeps,
): Omit<
  SignallingConnectOptions,
  | 'url'
  | 'transport'
  | 'reconnection'
  | 'reconnectionAttempts'
  | 'reconnectionDelayMs'
  | 'reconnectionDelayMaxMs'
  | 'path'
> {
  const { plan } = run;
  const query = buildSocketQuery(plan.sdk);
  const extraHeaders: Record<string, string> = plan.sdk === '2.x' ? { ...query } : {};
  // A browser puts its page's origin on the WebSocket handshake and on polling requests.
  if (plan.origin !== null) extraHeaders.Origin = plan.origin;

  const proxyUrl = plan.network.proxy;
  // Known limit: DNS, TCP and TLS of the signalling socket are not reported as `dns`/`tcp`/
  // `tls` events (socket.io opens its own connections); only the API request's are.

  return {
    timeoutMs: socketTimeoutFor(run),
    query,
    extraHeaders,
    ca: deps.ca,
    rejectUnauthorized: !plan.network.insecure,
    // Behind a proxy, both transports go through CONNECT tunnels, as the API request does.
    agent:
      proxyUrl === null
        ? null
        : new ProxyTunnelAgent({
            proxyUrl,
            isSecure: protocolOf(run) === 'https:',
            ca: deps.ca,
            rejectUnauthorized: !plan.network.insecure,
          }),
  };
}

/** Below this, 0.6.x `init()` ignores `socketTimeout` and uses its default. */
const MIN_SOCKET_TIMEOUT_06_MS = 5000;
const DEFAULT_SOCKET_TIMEOUT_MS = 7000;

/** The socket.io `timeout` the flavour would use: 0.6.x replaces values under 5000 ms by 7000. */
function socketTimeoutFor(run: RunContext): number {
  const asked = run.plan.network.socketTimeoutMs;
  if (run.plan.sdk === '2.x' || asked >= MIN_SOCKET_TIMEOUT_06_MS) return asked;

  return DEFAULT_SOCKET_TIMEOUT_MS;
}

/** Opens a client and registers it for release when the run stops. */
function open(run: RunContext, options: SignallingConnectOptions): OpenChannel {
  const events = new EventQueue<SignallingClientEvent>();
  const client = new SignallingClient(options, (event) => {
    events.push(event);
  });
  run.onRelease(() => {
    client.close();
  });
  return { client, events, url: options.url, transport: options.transport };
}

function socketError(
  run: RunContext,
  errorCode: (typeof SOCKET_ERROR)[keyof typeof SOCKET_ERROR],
  fallbackType: SocketFallback | null,
  message: string,
): void {
  run.emit({
    type: 'socketError',
    errorCode,
    errorName: SOCKET_ERROR_NAMES[errorCode] ?? String(errorCode),
    fallbackType,
    message,
  });
}

async function connectLadder(
  run: RunContext,
  api: ApiResponse,
  deps: SignallingStepDeps,
): Promise<OpenChannel> {
  const protocol = protocolOf(run);
  const ladder = buildPortLadder(protocol, portsFor(protocol, api));
  let lastError: { message: string; kind: 'refused' | 'timeout' | 'handshake' } | null = null;
  let lastRung: LadderRung | null = null;

  for (const rung of ladder) {
    lastRung = rung;
    if (rung.index > 1) socketError(run, SOCKET_ERROR.RECONNECTION_ATTEMPT, rung.fallbackType, '');
    const url = `${protocol}//${api.ipSigserver}:${rung.port}?rand=${run.clock.now()}`;
    run.timings.socketAttempts = rung.index;
    run.emit({
      type: 'socket.attempt',
      attempt: rung.index,
      url,
      port: rung.port,
      transport: rung.transport,
      fallbackType: rung.fallbackType,
    });
    const channel = open(run, {
      ...baseOptions(run, deps),
      url,
      path: null,
      transport: rung.transport,
      reconnection: true,
      reconnectionAttempts: rung.reconnectionAttempts,
      reconnectionDelayMs: rung.reconnectionDelayMs,
      reconnectionDelayMaxMs: rung.reconnectionDelayMaxMs,
    });

    for (;;) {
      const event = await run.race(channel.events.next());
      if (event.type === 'connect') return channel;
      if (event.type === 'connect_error') lastError = event;
      if (event.type === 'reconnect_attempt') {
        run.note('info', `socket.io reconnect attempt ${event.attempt} on port ${rung.port}`, {
          transport: rung.transport,
        });
      }
      if (event.type === 'reconnect_failed') break;
    }
    channel.client.close();
    const kind = rung.transport === 'websocket' ? 'WebSocket' : 'Polling';
    // The SDK words its first failure "connection", later ones "reconnection".
    socketError(
      run,
      rung.index === 1 ? SOCKET_ERROR.CONNECTION_FAILED : SOCKET_ERROR.RECONNECTION_FAILED,
      rung.fallbackType,
      `Failed ${rung.index === 1 ? 'connection' : 'reconnection'} ` +
        `with transport "${kind}" and port ${rung.port}.`,
    );
  }

  socketError(
    run,
    SOCKET_ERROR.RECONNECTION_ABORTED,
    lastRung?.fallbackType ?? null,
    'Reconnection aborted as there no more available ports, transports and final attempts left.',
  );
  throw failStep(run, 'connect', connectFailure(lastError, ladder.length));
}

async function connect2x(
  run: RunContext,
  api: ApiResponse,
  deps: SignallingStepDeps,
): Promise<OpenChannel> {
  const url = `${protocolOf(run)}//${api.ipSigserver}`;
  run.timings.socketAttempts = 1;
  run.emit({
    type: 'socket.attempt',
    attempt: 1,
    url,
    port: null,
    transport: 'websocket',
    fallbackType: 'nonfallback',
  });
  const channel = open(run, {
    ...baseOptions(run, deps),
    url,
    path: api.ipSigserverPath,
    transport: 'websocket',
    reconnection: false,
    reconnectionAttempts: 0,
    reconnectionDelayMs: 1000,
    reconnectionDelayMaxMs: 5000,
  });

  for (;;) {
    const event = await run.race(channel.events.next());
    if (event.type === 'connect') return channel;
    if (event.type === 'connect_error') {
      channel.client.close();
      run.note(
        'warn',
        '2.x has no handler for connect_error: the SDK emits nothing here and its join hangs',
      );
      throw failStep(run, 'connect', connectFailure(event, 1));
    }
  }
}

function connectFailure(
  last: { message: string; kind: 'refused' | 'timeout' | 'handshake' } | null,
  rungs: number,
): {
  code: 'socket.refused' | 'socket.timeout' | 'socket.handshake';
  message: string;
  detail: Record<string, unknown>;
} {
  const code =
    last?.kind === 'refused'
      ? 'socket.refused'
      : last?.kind === 'timeout'
        ? 'socket.timeout'
        : 'socket.handshake';

  return {
    code,
    message:
      `Expected the signalling server to accept a socket.io ` +
      `connection, got ${last?.message ?? 'no answer'} ` +
      `(${rungs} ${rungs === 1 ? 'attempt' : 'ladder rungs'})`,
    detail: { rungs, lastError: last?.message ?? null },
  };
}
