import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { connectSocket, corsRequest, credentialsRequest, joinWith } from './sandbox-client';
import { useSandboxRig } from './sandbox-rig';

const rig = useSandboxRig();
const sockets = rig.sockets;

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/scenarios', name), 'utf8'));
}

describe('scenario fixtures', () => {
  it('clock-skew.json: the Date header runs ahead and a short fresh window has ended', async () => {
    const sandbox = await rig.start(fixture('clock-skew.json'));
    const answer = await credentialsRequest(sandbox.url, {
      appKey: 'skew-key',
      room: 'lobby',
      start: new Date().toISOString(),
      duration: '0.1',
      secret: 'skew-secret',
    });
    const skew = Date.parse(answer.headers.get('date')!) - Date.now();

    expect(skew).toBeGreaterThan(590_000);
    expect(skew).toBeLessThan(610_000);
    const { client, reply } = await joinWith(sandbox.url, answer.body, 'skew-key');
    sockets.push(client);
    expect(reply.reason).toBe('expired');
  });

  it('dead-first-port.json: the first advertised port refuses, the second joins', async () => {
    const sandbox = await rig.start(fixture('dead-first-port.json'));
    const answer = await corsRequest(sandbox.url, 'ladder-key', 'lobby');
    const [dead, live] = answer.body.httpPortList as number[];

    await expect(connectSocket(`http://127.0.0.1:${dead}`)).rejects.toBeDefined();
    const { client, reply } = await joinWith(`http://127.0.0.1:${live}`, answer.body, 'ladder-key');
    sockets.push(client);
    expect(reply.type).toBe('inRoom');
  });

  it('strict-platform.json: an exact-origin rule and the window checked at the API', async () => {
    const sandbox = await rig.start(fixture('strict-platform.json'));

    expect((await corsRequest(sandbox.url, 'strict-key', 'r')).status).toBe(200);
    const http = await corsRequest(sandbox.url, 'strict-key', 'r', {
      origin: 'http://app.example.com',
    });
    expect(http.body.error).toBe(4003);
    const expired = await credentialsRequest(sandbox.url, {
      appKey: 'strict-key',
      room: 'r',
      start: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      duration: '1',
      secret: 'strict-secret',
    });
    expect(expired).toMatchObject({ status: 403, body: { error: 4005 } });
  });
});
