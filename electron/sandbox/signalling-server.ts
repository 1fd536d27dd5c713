import { randomBytes, randomInt } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';

import { Server, type Socket } from 'socket.io';

import { createLogger } from '../core/logger';

import { ALLOWED_REQUEST_HEADERS } from './cors';
import { faultMatches } from './http-faults';
import { checkJoin, readJoinMessage, type JoinMessage } from './join-checks';
import type { Lifecycle } from './lifecycle';
import type { SandboxState, SessionRecord } from './sandbox-state';
import type { FaultSpec, SocketFaultName } from './scenario-types';

const log = createLogger('diag:sandbox-signalling');
const HOUR_MS = 3_600_000;

/**
 * Messages exempt from the flood check: the SDK sends `enter` (and answers with `welcome`)
 * right after `inRoom`, which on loopback is well under 100 ms and is not flooding.
 */
const FLOOD_EXEMPT = new Set(['joinRoom', 'enter', 'welcome']);

/** Socket faults of the scenario or of one app that apply to a join or a connection. */
function socketFault(
  faults: FaultSpec[],
  names: SocketFaultName[],
  target: { appKey: string | null; room: string | null },
): FaultSpec | undefined {
  return faults.find(
    (fault) =>
      names.includes(fault.fault as SocketFaultName) &&
      faultMatches(fault.match, { path: '/socket.io', ...target }),
  );
}

/**
 * Sends bytes no socket.io client can decode, at both protocol layers.
 * Known limit: over long-polling only the socket.io-level garbage goes out, which
 * socket.io-client 2.5 drops silently, so the fault is visible over websocket only.
 */
function sendGarbage(socket: Socket): void {
  socket.conn.write('\u00ff{garbage');
  const raw = (socket.conn.transport as unknown as { socket?: { send?: (d: string) => void } })
    .socket;
  raw?.send?.('\u0000\u00ffnot-an-engine-io-frame');
}

/** One socket's life in the sandbox: join, relay, lock, flood and window timers. */
function handleConnection(state: SandboxState, life: Lifecycle, socket: Socket): void {
  const { scenario } = state;
  // Known limit: the app is unknown until `joinRoom`, so only unscoped connect faults act
  // here; scoped ones act at the join instead.
  const connectFault = socketFault(
    scenario.faults.filter((f) => f.match.appKey === null && f.match.room === null),
    ['socket-close-on-connect', 'socket-garbage'],
    { appKey: null, room: null },
  );
  if (connectFault?.fault === 'socket-close-on-connect') {
    socket.disconnect(true);

    return;
  }
  if (connectFault?.fault === 'socket-garbage') sendGarbage(socket);

  let session: SessionRecord | null = null;
  let lastCountedAt = -Infinity;
  const timers: NodeJS.Timeout[] = [];
  const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
  const redirect = (action: string, reason: string, info: string, rid: string) => {
    send({ type: 'redirect', action, reason, info, rid });
  };

  const admit = (join: JoinMessage, appKey: string, room: string) => {
    const sid = randomBytes(8).toString('hex');
    session = {
      sid,
      rid: join.rid,
      appKey,
      room,
      userCred: join.userCred,
      send,
      close: () => socket.disconnect(true),
    };
    state.sessions.set(sid, session);
    send({
      type: 'inRoom',
      rid: join.rid,
      sid,
      pc_config: { iceServers: scenario.signalling.iceServers },
      tieBreaker: randomInt(1, 2 ** 47),
    });
    // Known limit: the timers are set from the clock at join; moving a manual clock later
    // does not move them, so tests use short windows or an offset clock.
    const endMs = Date.parse(join.start) + join.len * HOUR_MS;
    const untilEnd = endMs - state.clock.now();
    const untilWarning = untilEnd - scenario.signalling.toCloseLeadSeconds * 1000;
    const warning = () => {
      redirect('warning', 'toClose', 'The room session is about to end', join.rid);
    };
    timers.push(life.setTimer(warning, Math.max(0, untilWarning)));
    timers.push(
      life.setTimer(() => {
        redirect('reject', 'roomclose', 'The room session has ended', join.rid);
        // Give the reject a moment on the wire before closing, as a client must see it.
        timers.push(life.setTimer(() => socket.disconnect(true), 50));
      }, untilEnd),
    );
  };

  const onJoin = (message: Record<string, unknown>) => {
    const join = readJoinMessage(message);
    const issued = state.rooms.get(join.rid);
    const target = { appKey: issued?.appKey ?? join.key, room: issued?.room ?? null };
    const app = target.appKey === null ? undefined : state.findApp(target.appKey);
    // Unscoped connect faults already acted at connect; scoped ones act here, once the key is
    // known.
    const scoped = scenario.faults.filter(
      (f) => !CONNECT_FAULTS.includes(f.fault) || f.match.appKey !== null || f.match.room !== null,
    );
    const fault = socketFault([...scoped, ...(app?.faults ?? [])], SOCKET_FAULT_ORDER, target);
    if (session !== null) {
      redirect('reject', 'duplicatedLogin', 'This socket has already joined', join.rid);

      return;
    }
    if (fault?.fault === 'join-silent') return;
    if (fault?.fault === 'socket-close-on-connect') {
      socket.disconnect(true);

      return;
    }
    if (fault?.fault === 'socket-garbage') {
      sendGarbage(socket);

      return;
    }
    const verdict = checkJoin(state, join);
    if (!verdict.ok) {
      redirect('reject', verdict.reason, verdict.info, join.rid);

      return;
    }
    if (fault?.fault === 'join-server-error') {
      redirect('reject', 'serverError', 'Could not obtain the ICE configuration', join.rid);

      return;
    }
    admit(join, verdict.app.appKey, verdict.room);
  };

  const relay = (message: Record<string, unknown>, raw: string) => {
    if (session === null) return;
    const current = session;
    if (message.type === 'roomLockEvent') {
      if (message.lock === true) state.dynamicLocks.add(current.rid);
      else state.dynamicLocks.delete(current.rid);
    }
    const target = typeof message.target === 'string' ? message.target : null;
    for (const other of state.sessionsIn(current.rid)) {
      if (other.sid === current.sid || (target !== null && other.sid !== target)) continue;
      other.send(JSON.parse(raw) as Record<string, unknown>);
    }
  };

  socket.on('message', (data: unknown) => {
    const raw = typeof data === 'string' ? data : JSON.stringify(data);
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      log.debug('message is not JSON', { length: raw.length });

      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return;
    const record = message as Record<string, unknown>;
    const type = typeof record.type === 'string' ? record.type : '';

    if (type === 'joinRoom') {
      onJoin(record);

      return;
    }
    if (session !== null && !FLOOD_EXEMPT.has(type)) {
      // Real time, not the scenario clock: a frozen test clock must not make every message a flood.
      const at = performance.now();
      const tooSoon = at - lastCountedAt < scenario.signalling.fastMessageIntervalMs;
      lastCountedAt = at;
      if (tooSoon) {
        redirect('warning', 'fastmsg', 'Messages are sent too fast', session.rid);

        return;
      }
    }
    relay(record, raw);
  });

  socket.on('disconnect', () => {
    for (const timer of timers) life.clearTimer(timer);
    if (session === null) return;
    state.sessions.delete(session.sid);
    if (state.sessionsIn(session.rid).length === 0) state.dynamicLocks.delete(session.rid);
    session = null;
  });
}

const CONNECT_FAULTS: string[] = ['socket-close-on-connect', 'socket-garbage'];

const SOCKET_FAULT_ORDER: SocketFaultName[] = [
  'join-silent',
  'join-server-error',
  'socket-close-on-connect',
  'socket-garbage',
];

/** Attaches a socket.io server (Engine.IO v3 clients allowed) to one HTTP server. */
export function attachSignalling(options: {
  httpServer: HttpServer;
  state: SandboxState;
  life: Lifecycle;
}): Server {
  const io = new Server(options.httpServer, {
    path: '/socket.io',
    allowEIO3: true,
    serveClient: false,
    transports: ['polling', 'websocket'],
    cors: {
      origin: true,
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ALLOWED_REQUEST_HEADERS,
    },
  });
  io.on('connection', (socket) => {
    handleConnection(options.state, options.life, socket);
  });

  return io;
}
