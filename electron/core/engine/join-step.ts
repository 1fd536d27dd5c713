import os from 'node:os';

import type { ApiResponse } from '../api-response';
import { buildEnterMessage, type JoinRoomMessage } from '../join-message';

import { failStep, type RunContext } from './run-context';
import { RunEnd } from './run-end';
import type { OpenChannel } from './signalling-step';

/** A signalling message as it arrives: a JSON object with a `type`. */
type WireMessage = Record<string, unknown> & { type: string };

/**
 * Sends `joinRoom` and waits for the answer (protocol spec §8.3, §8.4): `inRoom` joins
 * (then `enter` goes out, as 0.6.x sends it), a `redirect` `reject` rejects, a `warning` is
 * reported and the wait goes on. Lingers `stayInRoomMs` after joining to catch warnings, then
 * closes the socket as 0.6.x `leaveRoom` does.
 */
export async function joinRoom(
  run: RunContext,
  channel: OpenChannel,
  message: JoinRoomMessage,
  api: ApiResponse,
  stayInRoomMs: number,
): Promise<void> {
  send(run, channel, message);
  const sentAt = run.clock.monotonic();
  const timeoutMs = run.plan.network.joinTimeoutMs;
  const joinDeadline = run.sleep(timeoutMs).then(() => 'timeout' as const);
  let sawGarbage = false;

  for (;;) {
    const next = await run.race(Promise.race([channel.events.next(), joinDeadline]));
    if (next === 'timeout') {
      const end = failStep(run, 'join', {
        code: 'join.timeout',
        message:
          `Expected \`inRoom\` or \`redirect\` ` +
          `within ${timeoutMs} ms of \`joinRoom\`, got neither`,
        detail: { timeoutMs },
      });
      await closeChannel(run, channel);
      throw end;
    }
    if (next.type === 'disconnect') {
      run.emit({ type: 'channelClose', reason: next.reason });
      throw failStep(
        run,
        'join',
        sawGarbage
          ? {
              code: 'socket.garbage',
              message:
                `Expected socket.io frames from the signalling server, got ` +
                `undecodable data and the channel closed (${next.reason})`,
              detail: { reason: next.reason },
            }
          : {
              code: 'socket.closed',
              message:
                `Expected an answer to \`joinRoom\`, got ` +
                `the channel closed abruptly (${next.reason})`,
              detail: { reason: next.reason },
            },
      );
    }
    if (next.type === 'error') {
      // Known limit: after a parser error closes the channel, 0.6.x's socket.io 1.4.8 reconnects
      // and reports channelOpen again (without re-sending joinRoom); the engine ends the run
      // here instead, so that second channelOpen is missing from a 0.6 timeline.
      run.emit({ type: 'channelError', message: next.message });
      if (next.message.includes('parser error')) sawGarbage = true;
      continue;
    }
    if (next.type !== 'message') continue;

    for (const wire of unpack(run, next.data)) {
      if (wire.type === 'inRoom') {
        const selfId = typeof wire.sid === 'string' ? wire.sid : '';
        run.timings.joinMs = Math.round(run.clock.monotonic() - sentAt);
        run.emit({ type: 'peerJoined', peerId: selfId, room: run.plan.room, isSelf: true });
        send(
          run,
          channel,
          buildEnterMessage({
            sdk: run.plan.sdk,
            sid: selfId,
            rid: typeof wire.rid === 'string' ? wire.rid : api.roomKey,
            tieBreaker: typeof wire.tieBreaker === 'number' ? wire.tieBreaker : 0,
            os: `${os.type()} ${os.release()}`,
          }),
        );
        await linger(run, channel, api, stayInRoomMs);

        return;
      }
      if (wire.type !== 'redirect') continue;
      try {
        handleRedirect(run, wire, api);
      } catch (error) {
        // The SDK drops its peer connections on a reject; the engine closes the socket too.
        if (error instanceof RunEnd) await closeChannel(run, channel);
        throw error;
      }
    }
  }
}

function send(run: RunContext, channel: OpenChannel, message: { type: string }): void {
  channel.client.send(JSON.stringify(message));
  run.emit({
    type: 'socket.message',
    direction: 'sent',
    messageType: message.type,
    payload: message,
  });
}

/**
 * Parses what arrived and reports it; unpacks 0.6.x `group` bundles and applies each
 * flavour's filters (0.6.x drops its own `mid`, 2.x drops a foreign `rid`).
 */
function unpack(run: RunContext, data: unknown): WireMessage[] {
  const message = parseWire(data);
  if (message === null) {
    run.emit({
      type: 'socket.message',
      direction: 'received',
      messageType: '(unparseable)',
      payload: data,
    });
    run.note(
      'warn',
      'A signalling message was not a JSON string with a `type`; the SDK would throw on it',
      {
        code: 'socket.garbage',
      },
    );

    return [];
  }
  run.emit({
    type: 'socket.message',
    direction: 'received',
    messageType: message.type,
    payload: message,
  });

  if (message.type === 'group' && run.plan.sdk === '0.6' && Array.isArray(message.lists)) {
    return message.lists.flatMap((item) => unpack(run, item));
  }

  return [message];
}

function parseWire(data: unknown): WireMessage | null {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;

  return typeof record.type === 'string' ? (record as WireMessage) : null;
}

function handleRedirect(run: RunContext, wire: WireMessage, api: ApiResponse): void {
  const rid = typeof wire.rid === 'string' ? wire.rid : null;
  if (run.plan.sdk === '2.x' && rid !== api.roomKey) {
    run.note('warn', '2.x drops this `redirect`: its `rid` is not the room key from the API', {
      rid,
      roomKey: api.roomKey,
    });

    return;
  }
  const action = typeof wire.action === 'string' ? wire.action : '';
  const rawReason = typeof wire.reason === 'string' ? wire.reason : '';
  // 0.6.x reports the wire's `toClose` as its constant `toclose`; 2.x's redirect handler passes
  // the wire's value through unchanged (seen in Chromium, tests/conformance).
  const reason = run.plan.sdk === '0.6' && rawReason === 'toClose' ? 'toclose' : rawReason;
  const info = typeof wire.info === 'string' ? wire.info : '';
  run.emit({ type: 'systemAction', action, reason, info, room: run.plan.room, rid });

  if (action === 'reject') {
    run.systemAction = { action, reason, info };
    const error = {
      code: 'join.rejected' as const,
      message:
        `Expected to join \`${run.plan.room}\`, got \`redirect\` ` +
        `reject \`${reason}\`${info === '' ? '' : `: ${info}`}`,
      detail: { action, reason },
    };
    run.emit({ type: 'step.failed', step: 'join', error });
    throw new RunEnd('rejected', error);
  }
}

/** Stays in the room for a while to report warnings, then closes the channel. */
async function linger(
  run: RunContext,
  channel: OpenChannel,
  api: ApiResponse,
  stayInRoomMs: number,
): Promise<void> {
  if (stayInRoomMs > 0) {
    const until = run.sleep(stayInRoomMs).then(() => 'done' as const);
    for (;;) {
      const next = await run.race(Promise.race([channel.events.next(), until]));
      if (next === 'done') break;
      if (next.type === 'disconnect') {
        run.emit({ type: 'channelClose', reason: next.reason });

        return;
      }
      if (next.type !== 'message') continue;
      for (const wire of unpack(run, next.data)) {
        if (wire.type !== 'redirect') continue;
        try {
          handleRedirect(run, wire, api);
        } catch (error) {
          // A reject after joining ends the session, not the join: it is reported above.
          if (!(error instanceof RunEnd)) throw error;
          channel.client.close();
          run.emit({ type: 'channelClose', reason: 'server' });

          return;
        }
      }
    }
  }
  await closeChannel(run, channel);
}

async function closeChannel(run: RunContext, channel: OpenChannel): Promise<void> {
  channel.client.close();
  // socket.io reports `io client disconnect` synchronously when it was connected.
  const next = await Promise.race([channel.events.next(), run.sleep(200).then(() => null)]).catch(
    () => null,
  );
  run.emit({
    type: 'channelClose',
    reason: next !== null && next.type === 'disconnect' ? next.reason : 'client',
  });
}
