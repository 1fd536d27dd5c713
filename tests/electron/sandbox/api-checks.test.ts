import { describe, expect, it } from 'vitest';

import { manualClock } from '../../../electron/core/clock';
import { computeCredentials } from '../../../electron/core/credentials';
import { DEMO_APP_KEYS, DEMO_ORIGIN, resolveStartToken } from '../../../electron/core/demo-apps';
import { defaultScenarioJson } from '../../../electron/sandbox';

import { corsRequest, credentialsRequest } from './sandbox-client';
import { useSandboxRig } from './sandbox-rig';

const K = DEMO_APP_KEYS;
const rig = useSandboxRig();

async function start(scenario?: unknown, options = {}): Promise<string> {
  return (await rig.start(scenario, options)).url;
}

function withApps(apps: unknown[], extra: Record<string, unknown> = {}) {
  return { apps, ...extra };
}

describe('sandbox auth API', () => {
  it.each([
    ['4006 for a key without a parent app', K.orphan, 4006, 404],
    ['5005 for a key of another auth server', K.otherServer, 5005, 421],
    ['4002 for a key bound to another server IP', K.domainBound, 4002, 403],
    ['4020 for a key over its seat limit', K.seats, 4020, 429],
    ['4021 when token minting fails', K.tokenFailure, 4021, 500],
    ['4004 for a CORS request to a key with no CORS urls', K.credentialsOnly, 4004, 401],
    ['4010 for a persistent key in CORS mode', K.persistent, 4010, 404],
  ])('answers %s', async (_name, appKey, code, status) => {
    const url = await start();
    const answer = await corsRequest(url, appKey, 'lobby');

    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ success: false, error: code });
  });

  it('checks the parent app before the auth host (spec §10.1 order)', async () => {
    const url = await start(
      withApps([{ appKey: 'k', secret: 's', parentApp: false, authHost: 'elsewhere.example' }]),
    );

    expect((await corsRequest(url, 'k', 'lobby')).body.error).toBe(4006);
  });

  it('accepts a key whose authHost names the Host header, with or without its port', async () => {
    const app = { appKey: 'k', secret: 's', corsUrls: ['app.example.com'] };
    const url = await start(withApps([{ ...app, authHost: '127.0.0.1' }]));

    expect((await corsRequest(url, 'k', 'lobby')).status).toBe(200);
    await rig.sandbox?.close();
    const url2 = await start(withApps([{ ...app, authHost: '127.0.0.1:1' }]));
    expect((await corsRequest(url2, 'k', 'lobby')).body.error).toBe(5005);
  });

  it('accepts a key bound to the caller IP', async () => {
    const url = await start(
      withApps([
        { appKey: 'k', secret: 's', corsUrls: ['app.example.com'], domainName: '127.0.0.1' },
      ]),
    );

    expect((await corsRequest(url, 'k', 'lobby')).status).toBe(200);
  });

  it('compares origins by host only by default, ignoring scheme and port', async () => {
    const url = await start();

    for (const origin of [
      'http://app.example.com',
      'https://app.example.com:8443',
      'http://localhost:5173',
    ]) {
      expect((await corsRequest(url, K.cors, 'lobby', { origin })).status, origin).toBe(200);
    }
    for (const origin of ['https://www.app.example.com', 'null', 'file://']) {
      expect((await corsRequest(url, K.cors, 'lobby', { origin })).body.error, origin).toBe(4003);
    }
  });

  it('applies the `origin` and `host-port` comparison rules when chosen', async () => {
    const app = {
      appKey: 'k',
      secret: 's',
      corsUrls: ['https://app.example.com', 'localhost:5173'],
    };
    const url = await start(withApps([app], { corsMatch: 'origin' }));

    expect((await corsRequest(url, 'k', 'r', { origin: 'https://app.example.com' })).status).toBe(
      200,
    );
    expect((await corsRequest(url, 'k', 'r', { origin: 'http://app.example.com' })).status).toBe(
      403,
    );
    await rig.sandbox?.close();
    const url2 = await start(withApps([app], { corsMatch: 'host-port' }));
    expect((await corsRequest(url2, 'k', 'r', { origin: 'http://localhost:5173' })).status).toBe(
      200,
    );
    expect((await corsRequest(url2, 'k', 'r', { origin: 'http://localhost:3000' })).status).toBe(
      403,
    );
  });

  it('answers 4003 for an app without CORS urls when the scenario says so', async () => {
    const url = await start(withApps([{ appKey: 'k', secret: 's' }], { emptyCorsUrlsCode: 4003 }));

    expect((await corsRequest(url, 'k', 'lobby')).body.error).toBe(4003);
  });

  it('joins the persistent meeting with matching credentials and refuses other rooms', async () => {
    const url = await start();
    const startIso = resolveStartToken('today', Date.now());
    const meeting = { appKey: K.persistent, start: startIso, duration: '24' };

    expect((await credentialsRequest(url, { ...meeting, room: 'standup' })).status).toBe(200);
    const wrongRoom = await credentialsRequest(url, { ...meeting, room: 'lobby' });
    expect(wrongRoom.body.error).toBe(4010);
    const wrongLength = await credentialsRequest(url, {
      ...meeting,
      room: 'standup',
      duration: '2',
    });
    expect(wrongLength.body.error).toBe(4010);
  });

  it('answers a credentials-only key in credentials mode', async () => {
    const url = await start();
    const answer = await credentialsRequest(url, {
      appKey: K.credentialsOnly,
      room: 'lobby',
      start: new Date().toISOString(),
      duration: '2',
    });

    expect(answer.status).toBe(200);
  });

  it('HMACs the start and duration exactly as received', async () => {
    const url = await start();
    const secret = 'demo-credentials-secret';
    const startIso = '2026-12-03T10:00:00.000Z';
    const signedWith2 = computeCredentials({
      room: 'lobby',
      duration: '2',
      startDateTime: startIso,
      secret,
    });
    // Signed over `2`, sent as `2.0`: the platform compares text, so this must fail.
    const mismatch = await credentialsRequest(url, {
      appKey: K.credentials,
      room: 'lobby',
      start: startIso,
      duration: '2.0',
      cred: signedWith2.credentials,
    });

    expect(mismatch.body.error).toBe(4005);
  });

  it(
    'turns an unencoded + in cred into a space, ' + 'failing the HMAC as the platform does',
    async () => {
      const url = await start();
      const secret = 'demo-credentials-secret';
      // Find a start whose credentials contain a `+`, then send it raw.
      let found: { start: string; base64: string } | null = null;
      for (let minute = 0; found === null && minute < 500; minute += 1) {
        const startIso = new Date(Date.UTC(2026, 11, 3, 0, minute)).toISOString();
        const steps = computeCredentials({
          room: 'lobby',
          duration: '2',
          startDateTime: startIso,
          secret,
        });
        if (steps.base64.includes('+')) found = { start: startIso, base64: steps.base64 };
      }
      expect(found).not.toBeNull();
      const raw = await credentialsRequest(url, {
        appKey: K.credentials,
        room: 'lobby',
        start: found!.start,
        duration: '2',
        cred: found!.base64.replace(/\//g, '%2F').replace(/=/g, '%3D'),
      });
      expect(raw.body.error).toBe(4005);
      const encoded = await credentialsRequest(url, {
        appKey: K.credentials,
        room: 'lobby',
        start: found!.start,
        duration: '2',
        cred: encodeURIComponent(found!.base64),
      });
      expect(encoded.status).toBe(200);
    },
  );

  it('tolerates `?&cred=`, a missing rand, raw colons and a non-ASCII room', async () => {
    const url = await start();
    const room = 'salle-réunion';
    const startIso = new Date().toISOString();
    const cred = computeCredentials({
      room,
      duration: '1.5',
      startDateTime: startIso,
      secret: 'demo-credentials-secret',
    }).credentials;
    const response = await fetch(
      `${url}/api/${K.credentials}/${encodeURIComponent(room)}/${startIso}/1.5?&cred=${cred}`,
    );
    const body = (await response.json()) as any;

    expect(response.status).toBe(200);
    expect(body.roomName).toBe(room);
    expect(body.len).toBe(1.5);
  });

  it('answers 4004 for a credentials path without cred', async () => {
    const url = await start();
    const response = await fetch(`${url}/api/${K.credentials}/lobby/${new Date().toISOString()}/2`);

    expect(((await response.json()) as any).error).toBe(4004);
  });

  it('answers the CORS preflight with the SDK headers allowed', async () => {
    const url = await start();
    const response = await fetch(`${url}/api/${K.cors}/lobby`, {
      method: 'OPTIONS',
      headers: {
        Origin: DEMO_ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'skylink_sdk_type,x-server-select',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DEMO_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'Skylink_SDK_type',
      'Skylink_SDK_version',
      'Skylink_API_version',
      'X-Server-Select',
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it('gives 2.x-style requests host:port and the socket.io path', async () => {
    const url = await start();
    const port = new URL(url).port;
    const answer = await corsRequest(url, K.cors, 'lobby', {
      headers: { 'X-Server-Select': 'sig-v2', Skylink_API_version: '9.0.0' },
    });

    expect(answer.body.ipSigserver).toBe(`127.0.0.1:${port}`);
    expect(answer.body.ipSigserverPath).toBe('/socket.io');
    expect((await corsRequest(url, K.cors, 'lobby')).body.ipSigserver).toBe('127.0.0.1');
  });

  it('sends a Date header and CORS start from the offset clock', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1, 12, 0, 0));
    const url = await start({ ...defaultScenarioJson(), clockOffsetMs: 60_000 }, { clock });
    const answer = await corsRequest(url, K.cors, 'lobby');

    expect(answer.headers.get('date')).toBe('Tue, 01 Jan 2030 12:01:00 GMT');
    expect(answer.body.start).toBe('2030-01-01T12:01:00.000Z');
    expect(answer.body.timeStamp).toBe('2030-01-01T12:01:00.000Z');
  });

  it('uses the scenario httpStatusByCode over the built-in table', async () => {
    const url = await start({
      ...defaultScenarioJson(),
      httpStatusByCode: { 4001: 400, 4003: 401 },
    });

    expect((await corsRequest(url, 'nope', 'lobby')).status).toBe(400);
    expect((await corsRequest(url, K.cors, 'lobby', { origin: 'https://x.example' })).status).toBe(
      401,
    );
    expect((await corsRequest(url, K.cors, 'lobby', { origin: null })).status).toBe(401);
  });

  it('rejects a closed window at the API when windowCheck is api', async () => {
    const url = await start({ ...defaultScenarioJson(), windowCheck: 'api', windowApiCode: 4005 });
    const expired = await credentialsRequest(url, {
      appKey: K.credentials,
      room: 'lobby',
      start: resolveStartToken('now-3h', Date.now()),
      duration: '1',
    });

    expect(expired.body).toMatchObject({ success: false, error: 4005 });
    expect(expired.body.info).toContain('ended');
  });

  it('enforces maxDurationHours when set', async () => {
    const url = await start({ ...defaultScenarioJson(), maxDurationHours: 24 });
    const answer = await credentialsRequest(url, {
      appKey: K.credentials,
      room: 'lobby',
      start: new Date().toISOString(),
      duration: '25',
    });

    expect(answer.body.error).toBe(4005);
  });

  it('answers 404 with CORS headers for paths that are not API paths', async () => {
    const url = await start();
    const response = await fetch(`${url}/api/only-key`, { headers: { Origin: DEMO_ORIGIN } });

    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe(DEMO_ORIGIN);
  });
});
