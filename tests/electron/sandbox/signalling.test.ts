import { describe, expect, it } from 'vitest';

import { manualClock } from '../../../electron/core/clock';
import { DEMO_APP_KEYS, DEMO_ORIGIN, resolveStartToken } from '../../../electron/core/demo-apps';
import { defaultScenarioJson } from '../../../electron/sandbox';

import {
  connectSocket,
  corsRequest,
  credentialsRequest,
  joinMessage,
  joinWith,
} from './sandbox-client';
import { useSandboxRig } from './sandbox-rig';

const K = DEMO_APP_KEYS;
const rig = useSandboxRig();
const sockets = rig.sockets;

async function start(scenario?: unknown, options = {}): Promise<string> {
  return (await rig.start(scenario, options)).url;
}

async function join(url: string, appKey: string, room: string) {
  const answer = await corsRequest(url, appKey, room);
  expect(answer.status).toBe(200);
  const result = await joinWith(url, answer.body, appKey);
  sockets.push(result.client);

  return { ...result, body: answer.body };
}

async function joinCredentials(url: string, startToken: string, duration: string) {
  const answer = await credentialsRequest(url, {
    appKey: K.credentials,
    room: 'lobby',
    start: resolveStartToken(startToken, Date.now()),
    duration,
  });
  expect(answer.status).toBe(200);
  const result = await joinWith(url, answer.body, K.credentials);
  sockets.push(result.client);

  return result;
}

function rejectOf(reply: any) {
  expect(reply.type).toBe('redirect');

  return { action: reply.action, reason: reply.reason };
}

describe('sandbox signalling', () => {
  it('rejects a disabled key with keyFailed', async () => {
    const url = await start();
    const { reply, body } = await join(url, K.disabled, 'lobby');

    expect(rejectOf(reply)).toEqual({ action: 'reject', reason: 'keyFailed' });
    expect(reply.rid).toBe(body.room_key);
  });

  it('rejects tampered tokens with credentialError', async () => {
    const url = await start();
    const answer = await corsRequest(url, K.cors, 'lobby');
    const { client, reply } = await joinWith(url, { ...answer.body, userCred: 'forged' }, K.cors);
    sockets.push(client);

    expect(rejectOf(reply).reason).toBe('credentialError');
  });

  it('rejects a token older than tokenMaxAgeSeconds with oldTimeStamp', async () => {
    const clock = manualClock(Date.now());
    const url = await start(
      { ...defaultScenarioJson(), signalling: { tokenMaxAgeSeconds: 60 } },
      { clock },
    );
    const answer = await corsRequest(url, K.cors, 'lobby');
    clock.advance(61_000);
    const { client, reply } = await joinWith(url, answer.body, K.cors);
    sockets.push(client);

    expect(rejectOf(reply).reason).toBe('oldTimeStamp');
  });

  it('rejects every token with oldTimeStamp when tokenMaxAgeSeconds is 0', async () => {
    const clock = manualClock(Date.now());
    const url = await start(
      { ...defaultScenarioJson(), signalling: { tokenMaxAgeSeconds: 0 } },
      { clock },
    );
    const { reply } = await join(url, K.cors, 'lobby');

    expect(rejectOf(reply).reason).toBe('oldTimeStamp');
  });

  it('rejects every join of a duplicate-login room', async () => {
    const url = await start();
    const { reply } = await join(url, K.cors, 'twin-room');

    expect(rejectOf(reply)).toEqual({ action: 'reject', reason: 'duplicatedLogin' });
  });

  it('rejects a second join with a token already in the room, and frees it on leave', async () => {
    const url = await start();
    const first = await join(url, K.cors, 'lobby');
    expect(first.reply.type).toBe('inRoom');

    const second = await joinWith(url, first.body, K.cors);
    sockets.push(second.client);
    expect(rejectOf(second.reply).reason).toBe('duplicatedLogin');

    first.client.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = await joinWith(url, first.body, K.cors);
    sockets.push(third.client);
    expect(third.reply.type).toBe('inRoom');
  });

  it('rejects a window that has not started with notStart', async () => {
    const url = await start();
    const { reply } = await joinCredentials(url, 'now+2h', '1');

    expect(rejectOf(reply).reason).toBe('notStart');
  });

  it(
    'admits a future window of a non-persistent ' + 'key when notStartApplies is persistent',
    async () => {
      const url = await start({ ...defaultScenarioJson(), notStartApplies: 'persistent' });
      const { reply } = await joinCredentials(url, 'now+2h', '1');

      expect(reply.type).toBe('inRoom');
    },
  );

  it('accepts an ended window at the API and rejects it at join with expired', async () => {
    const url = await start();
    const { reply } = await joinCredentials(url, 'now-3h', '1');

    expect(rejectOf(reply).reason).toBe('expired');
  });

  it('judges the window by the offset clock', async () => {
    // The sandbox runs three hours ahead, so a window that started now has ended for it.
    const url = await start({ ...defaultScenarioJson(), clockOffsetMs: 3 * 3_600_000 });
    const { reply } = await joinCredentials(url, 'now', '1');

    expect(rejectOf(reply).reason).toBe('expired');
  });

  it('rejects a join of a locked room with locked', async () => {
    const url = await start();
    const { reply } = await join(url, K.credentials, 'locked-room');

    expect(rejectOf(reply)).toEqual({ action: 'reject', reason: 'locked' });
  });

  it('locks a room on roomLockEvent, relays it, and rejects later joiners', async () => {
    const url = await start();
    const first = await join(url, K.cors, 'lobby');
    const second = await join(url, K.cors, 'lobby');
    expect(second.reply.type).toBe('inRoom');

    first.client.send({
      type: 'roomLockEvent',
      mid: first.reply.sid,
      rid: first.body.room_key,
      lock: true,
    });
    const relayed = await second.client.waitFor((m) => m.type === 'roomLockEvent');
    expect(relayed.lock).toBe(true);
    const third = await join(url, K.cors, 'lobby');
    expect(rejectOf(third.reply).reason).toBe('locked');
  });

  it('relays enter to the other members of the room only', async () => {
    const url = await start();
    const first = await join(url, K.cors, 'lobby');
    const second = await join(url, K.cors, 'lobby');
    const elsewhere = await join(url, K.cors, 'other-room');

    second.client.send({ type: 'enter', mid: second.reply.sid, rid: second.body.room_key });
    const entered = await first.client.waitFor((m) => m.type === 'enter');
    expect(entered.mid).toBe(second.reply.sid);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(elsewhere.client.messages.some((m) => m.type === 'enter')).toBe(false);
  });

  it('warns fastmsg when a member sends messages closer than the flood interval', async () => {
    const url = await start();
    const { client, body, reply } = await join(url, K.cors, 'lobby');

    client.send({ type: 'stream', mid: reply.sid, rid: body.room_key });
    client.send({ type: 'stream', mid: reply.sid, rid: body.room_key });
    const warning = await client.waitFor((m) => m.type === 'redirect');
    expect(warning).toMatchObject({ action: 'warning', reason: 'fastmsg', rid: body.room_key });
  });

  it('does not flag joinRoom followed at once by enter as flooding', async () => {
    const url = await start();
    const { client, body, reply } = await join(url, K.cors, 'lobby');

    client.send({ type: 'enter', mid: reply.sid, rid: body.room_key });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.messages.some((m) => m.reason === 'fastmsg')).toBe(false);
  });

  it('warns toClose before the window ends, then rejects roomclose and disconnects', async () => {
    const url = await start({ ...defaultScenarioJson(), signalling: { toCloseLeadSeconds: 0.8 } });
    // 0.0005 h = 1.8 s: the warning comes at about 1 s, the close at 1.8 s.
    const { client, reply } = await joinCredentials(url, 'now', '0.0005');
    expect(reply.type).toBe('inRoom');
    const disconnected = new Promise((resolve) => client.socket.once('disconnect', resolve));

    const warning = await client.waitFor((m) => m.reason === 'toClose', 3000);
    expect(warning.action).toBe('warning');
    const closed = await client.waitFor((m) => m.reason === 'roomclose', 3000);
    expect(closed.action).toBe('reject');
    await disconnected;
    expect(client.messages.indexOf(warning)).toBeLessThan(client.messages.indexOf(closed));
  });

  it('counts joined users against the seat limit at the API', async () => {
    const app = { appKey: 'k', secret: 's', corsUrls: ['app.example.com'], seatLimit: 1 };
    const url = await start({ apps: [app] });
    const first = await join(url, 'k', 'lobby');
    expect(first.reply.type).toBe('inRoom');

    expect((await corsRequest(url, 'k', 'lobby')).body.error).toBe(4020);
    first.client.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await corsRequest(url, 'k', 'lobby')).status).toBe(200);
  });

  it('accepts the EIO3 polling transport', async () => {
    const url = await start();
    const answer = await corsRequest(url, K.cors, 'lobby');
    const client = await connectSocket(url, ['polling']);
    sockets.push(client);
    client.send(joinMessage(answer.body, K.cors));

    expect((await client.waitFor((m) => m.type === 'inRoom')).rid).toBe(answer.body.room_key);
  });

  it('serves the socket.io polling path with CORS headers', async () => {
    const url = await start();
    const response = await fetch(`${url}/socket.io/?EIO=3&transport=polling&t=1`, {
      headers: { Origin: DEMO_ORIGIN },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(DEMO_ORIGIN);
  });

  it.each(['closed', 'reset'])(
    'advertises %s dead ports first and serves the live one after them',
    async (deadPortMode) => {
      const url = await start({
        ...defaultScenarioJson(),
        signalling: { deadPorts: 1, deadPortMode },
      });
      const ports = rig.sandbox!.signallingPorts;
      expect(ports).toHaveLength(2);
      expect(ports[1]).toBe(Number(new URL(url).port));
      const answer = await corsRequest(url, K.cors, 'lobby');
      expect(answer.body.httpsPortList).toEqual(ports);

      await expect(connectSocket(`http://127.0.0.1:${ports[0]}`)).rejects.toBeDefined();
      const live = await joinWith(`http://127.0.0.1:${ports[1]}`, answer.body, K.cors);
      sockets.push(live.client);
      expect(live.reply.type).toBe('inRoom');
    },
  );

  it('serves extra live ports that share rooms with the main one', async () => {
    const url = await start({ ...defaultScenarioJson(), signalling: { extraLivePorts: 1 } });
    const [main, extra] = rig.sandbox!.signallingPorts;
    expect(main).toBe(Number(new URL(url).port));
    const first = await join(url, K.cors, 'lobby');
    const answer = await corsRequest(url, K.cors, 'lobby');
    const second = await joinWith(`http://127.0.0.1:${extra}`, answer.body, K.cors);
    sockets.push(second.client);

    second.client.send({ type: 'enter', mid: second.reply.sid, rid: answer.body.room_key });
    expect((await first.client.waitFor((m) => m.type === 'enter')).mid).toBe(second.reply.sid);
  });
});
