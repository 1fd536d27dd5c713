import io from 'socket.io-client';
import { describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_ORIGIN } from '../../../electron/core/demo-apps';
import { defaultScenarioJson } from '../../../electron/sandbox';

import { connectSocket, corsRequest, joinMessage, joinWith } from './sandbox-client';
import { useSandboxRig } from './sandbox-rig';

const K = DEMO_APP_KEYS;
const rig = useSandboxRig();
const sockets = rig.sockets;

async function withFaults(faults: unknown[], extra: Record<string, unknown> = {}) {
  return (await rig.start({ ...defaultScenarioJson(), faults, ...extra })).url;
}

function apiUrl(url: string, query = ''): string {
  return `${url}/api/${K.cors}/lobby?rand=1${query}`;
}

const headers = { Origin: DEMO_ORIGIN };

/** Connects and records the socket's lifecycle events from the very start, for 1 s. */
async function lifecycleOf(url: string): Promise<string[]> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const events: string[] = [];
  socket.on('connect', () => events.push('connect'));
  socket.on('disconnect', (reason: string) => events.push(`disconnect:${reason}`));
  socket.on('error', (error: unknown) => events.push(`error:${String(error)}`));
  socket.on('connect_error', (error: Error) => events.push(`connect_error:${error.message}`));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  socket.close();

  return events;
}

describe('sandbox HTTP faults', () => {
  it('delays the answer by `ms`', async () => {
    const url = await withFaults([{ fault: 'delay', ms: 300 }]);
    const began = performance.now();
    const response = await fetch(apiUrl(url), { headers });

    expect(response.status).toBe(200);
    expect(performance.now() - began).toBeGreaterThanOrEqual(280);
  });

  it('never answers with hang, and close() still ends the socket', async () => {
    const url = await withFaults([{ fault: 'hang' }]);

    await expect(fetch(apiUrl(url), { headers, signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /abort|timeout/i,
    );
  });

  it('resets the connection mid-body', async () => {
    const url = await withFaults([{ fault: 'reset' }]);

    await expect(fetch(apiUrl(url), { headers }).then((r) => r.text())).rejects.toThrow();
  });

  it('sends half a JSON body with truncated-json', async () => {
    const url = await withFaults([{ fault: 'truncated-json' }]);
    const text = await (await fetch(apiUrl(url), { headers })).text();

    expect(text.startsWith('{"success":true')).toBe(true);
    expect(() => {
      JSON.parse(text);
    }).toThrow();
  });

  it('sends an HTML page with non-json', async () => {
    const url = await withFaults([{ fault: 'non-json' }]);
    const response = await fetch(apiUrl(url), { headers });

    expect(response.headers.get('content-type')).toContain('text/html');
    await expect(response.json()).rejects.toThrow();
  });

  it('sends the success fields with the wrong JSON types', async () => {
    const url = await withFaults([{ fault: 'wrong-types' }]);
    const body = (await (await fetch(apiUrl(url), { headers })).json()) as any;

    expect(body.success).toBe('true');
    expect(typeof body.len).toBe('string');
    expect(typeof body.httpPortList).toBe('string');
    expect(typeof body.pc_constraints).toBe('object');
  });

  it('sends a 20 MB body by default with oversized', async () => {
    const url = await withFaults([{ fault: 'oversized' }]);
    const response = await fetch(apiUrl(url), { headers });
    const bytes = (await response.arrayBuffer()).byteLength;

    expect(response.headers.get('content-length')).toBe(String(20 * 1024 * 1024));
    expect(bytes).toBe(20 * 1024 * 1024);
  });

  it('drips the body in `bytes` chunks every `ms`', async () => {
    const url = await withFaults([{ fault: 'slow-drip', bytes: 200, ms: 50 }]);
    const began = performance.now();
    const text = await (await fetch(apiUrl(url), { headers })).text();
    const elapsed = performance.now() - began;

    expect(JSON.parse(text)).toMatchObject({ success: true });
    const pauses = Math.ceil(Buffer.byteLength(text) / 200) - 1;
    expect(pauses).toBeGreaterThan(2);
    expect(elapsed).toBeGreaterThanOrEqual(pauses * 50 - 10);
  });

  it('answers a 5xx with server-error', async () => {
    const url = await withFaults([{ fault: 'server-error', status: 502 }]);
    const response = await fetch(apiUrl(url), { headers });

    expect(response.status).toBe(502);
    expect(response.headers.get('access-control-allow-origin')).toBe(DEMO_ORIGIN);
  });

  it('redirects to itself with redirect-loop', async () => {
    const url = await withFaults([{ fault: 'redirect-loop' }]);
    const manual = await fetch(apiUrl(url), { headers, redirect: 'manual' });

    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe(`/api/${K.cors}/lobby?rand=1`);
    await expect(fetch(apiUrl(url), { headers })).rejects.toThrow();
  });

  it('takes a fault from the query, with its parameters', async () => {
    const url = await withFaults([]);
    const response = await fetch(apiUrl(url, '&fault=server-error&faultStatus=504'), { headers });

    expect(response.status).toBe(504);
  });

  it('ignores query faults when allowQueryFaults is false', async () => {
    const url = await withFaults([], { allowQueryFaults: false });

    expect((await fetch(apiUrl(url, '&fault=server-error'), { headers })).status).toBe(200);
  });

  it('applies a scenario fault only to requests its match covers', async () => {
    const url = await withFaults([{ fault: 'server-error', match: { appKey: K.credentials } }]);

    expect((await fetch(apiUrl(url), { headers })).status).toBe(200);
    const other = await fetch(`${url}/api/${K.credentials}/lobby`, { headers });
    expect(other.status).toBe(503);
  });

  it('applies an app fault to that app only', async () => {
    const scenario = defaultScenarioJson();
    const apps = scenario.apps as Record<string, unknown>[];
    apps[0] = { ...apps[0], faults: [{ fault: 'non-json' }] };
    const sandbox = await rig.start(scenario);
    const first = await corsRequest(sandbox.url, K.cors, 'lobby');
    const second = await corsRequest(sandbox.url, K.credentials, 'lobby');

    expect(typeof first.body).toBe('string');
    expect(second.status).toBe(200);
  });
});

describe('sandbox socket faults', () => {
  it('closes every socket right after connect with socket-close-on-connect', async () => {
    const url = await withFaults([{ fault: 'socket-close-on-connect' }]);
    const events = await lifecycleOf(url);

    expect(events).toEqual(['connect', 'disconnect:io server disconnect']);
  });

  it('sends frames the client cannot decode with socket-garbage', async () => {
    const url = await withFaults([{ fault: 'socket-garbage' }]);
    const events = await lifecycleOf(url);

    // socket.io-client 2.5 reads the raw frame as an engine.io error packet and drops the link.
    expect(events).toEqual(['connect', 'error:Error: server error', 'disconnect:transport error']);
  });

  it('never answers joinRoom with join-silent', async () => {
    const url = await withFaults([{ fault: 'join-silent', match: { appKey: K.cors } }]);
    const answer = await corsRequest(url, K.cors, 'lobby');
    const client = await connectSocket(url);
    sockets.push(client);
    client.send(joinMessage(answer.body, K.cors));

    await expect(client.waitFor(() => true, 500)).rejects.toThrow(/No matching message/);
  });

  it('rejects the join with serverError with join-server-error', async () => {
    const url = await withFaults([{ fault: 'join-server-error', match: { room: 'lobby' } }]);
    const answer = await corsRequest(url, K.cors, 'lobby');
    const { client, reply } = await joinWith(url, answer.body, K.cors);
    sockets.push(client);

    expect(reply).toMatchObject({ type: 'redirect', action: 'reject', reason: 'serverError' });
  });

  it('checks the join rules before the serverError fault', async () => {
    const url = await withFaults([{ fault: 'join-server-error' }]);
    const answer = await corsRequest(url, K.cors, 'locked-room');
    const { client, reply } = await joinWith(url, answer.body, K.cors);
    sockets.push(client);

    expect(reply.reason).toBe('locked');
  });

  it('closes the socket at joinRoom for an app-scoped socket-close-on-connect', async () => {
    const url = await withFaults([{ fault: 'socket-close-on-connect', match: { appKey: K.cors } }]);
    const answer = await corsRequest(url, K.cors, 'lobby');
    const client = await connectSocket(url);
    sockets.push(client);
    const disconnected = new Promise((resolve) => client.socket.once('disconnect', resolve));
    client.send(joinMessage(answer.body, K.cors));

    expect(await disconnected).toBe('io server disconnect');
  });
});
