import { mkdtempSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import io from 'socket.io-client';
import { describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_ORIGIN } from '../../../electron/core/demo-apps';
import type { Sandbox } from '../../../electron/sandbox';
import { makeSelfSignedCert } from '../../support/self-signed-cert';

import { corsRequest, credentialsRequest, joinMessage, joinWith } from './sandbox-client';
import { useSandboxRig } from './sandbox-rig';

const K = DEMO_APP_KEYS;
const rig = useSandboxRig();
const sockets = rig.sockets;

function start(): Promise<Sandbox> {
  return rig.start();
}

describe('createSandbox', () => {
  it('listens on a free 127.0.0.1 port and advertises it for signalling', async () => {
    const { url, signallingPorts } = await start();

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(signallingPorts).toEqual([Number(new URL(url).port)]);
  });

  it('answers a CORS request with every success field', async () => {
    const { url, signallingPorts } = await start();
    const answer = await corsRequest(url, K.cors, 'lobby');

    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(DEMO_ORIGIN);
    const body = answer.body;
    expect(body.success).toBe(true);
    for (const field of ['cid', 'apiOwner', 'username', 'userCred', 'timeStamp', 'room_key']) {
      expect(typeof body[field], field).toBe('string');
    }
    expect(body.len).toBe(24);
    expect(Math.abs(Date.parse(body.start) - Date.now())).toBeLessThan(5_000);
    expect(body.ipSigserver).toBe('127.0.0.1');
    expect(body.httpPortList).toEqual(signallingPorts);
    expect(body.httpsPortList).toEqual(signallingPorts);
    for (const field of ['pc_constraints', 'offer_constraints', 'media_constraints']) {
      expect(typeof body[field], field).toBe('string');
      expect(() => {
        JSON.parse(body[field]);
      }).not.toThrow();
    }
  });

  it('answers a credentials request with the window it was given', async () => {
    const { url } = await start();
    const startIso = new Date().toISOString();
    const answer = await credentialsRequest(url, {
      appKey: K.credentials,
      room: 'lobby',
      start: startIso,
      duration: '0.5',
    });

    expect(answer.status).toBe(200);
    expect(answer.body.start).toBe(startIso);
    expect(answer.body.len).toBe(0.5);
  });

  it.each([
    ['4001 for an unknown key', 'no-such-key', DEMO_ORIGIN, 4001, 404],
    ['4003 for an origin not listed', K.cors, 'https://evil.example', 4003, 403],
    ['4004 without an Origin', K.cors, null, 4004, 401],
  ])('rejects with %s', async (_name, appKey, origin, code, status) => {
    const { url } = await start();
    const answer = await corsRequest(url, appKey, 'lobby', { origin });

    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ success: false, error: code });
    expect(typeof answer.body.info).toBe('string');
    expect(answer.headers.get('access-control-allow-origin')).not.toBeNull();
  });

  it('rejects credentials computed with the wrong secret with 4005', async () => {
    const { url } = await start();
    const answer = await credentialsRequest(url, {
      appKey: K.credentials,
      room: 'lobby',
      start: new Date().toISOString(),
      duration: '2',
      secret: 'wrong-secret',
    });

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ success: false, error: 4005 });
  });

  it('answers a join with the API tokens with inRoom', async () => {
    const { url } = await start();
    const answer = await corsRequest(url, K.cors, 'lobby');
    const { client, reply } = await joinWith(url, answer.body, K.cors);
    sockets.push(client);

    expect(reply).toMatchObject({ type: 'inRoom', rid: answer.body.room_key });
    expect(typeof reply.sid).toBe('string');
    expect(typeof reply.tieBreaker).toBe('number');
    expect(Array.isArray(reply.pc_config.iceServers)).toBe(true);
  });

  it('closes idempotently', async () => {
    const box = await start();
    await box.close();
    await box.close();

    await expect(fetch(`${box.url}/api/x/y`)).rejects.toThrow();
  });
});

describe('createSandbox with TLS', () => {
  it('serves HTTPS and WSS with the given key and certificate', async () => {
    const { key, cert } = makeSelfSignedCert(mkdtempSync(join(tmpdir(), 'sandbox-tls-')));
    const sandbox = await rig.start(undefined, { tls: { key, cert } });

    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<any>((resolve, reject) => {
      const request = httpsGet(
        `${sandbox.url}/api/${K.cors}/lobby`,
        { ca: cert, headers: { Origin: DEMO_ORIGIN } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(text)));
        },
      );
      request.on('error', reject);
    });
    expect(body).toMatchObject({ success: true, protocol: 'https:' });

    // `ca` reaches the ws transport in Node; the 1.4 typings do not list it.
    const tlsOptions = { ca: cert.toString() } as Record<string, unknown>;
    const socket = io(sandbox.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...tlsOptions,
    });
    socket.send(JSON.stringify(joinMessage(body, K.cors)));
    const reply = await new Promise<any>((resolve) => {
      socket.on('message', (data: string) => resolve(JSON.parse(data)));
    });
    socket.close();
    expect(reply.type).toBe('inRoom');
  });
});
