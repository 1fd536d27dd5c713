import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SdkFlavour } from '../../../electron/contract';
import { defaultScenarioJson, type Sandbox } from '../../../electron/sandbox';
import { fault, network, ofType, plan, readyStates, startSandbox } from '../core/engine/harness';

import { closedPort, FAST_NETWORK, rawServer, runHostile } from './hostile-rig';

interface SocketCase {
  fault: string;
  sdk: SdkFlavour;
  code: string;
  outcome: 'failed' | 'rejected';
}

const SDKS: SdkFlavour[] = ['0.6', '2.x'];
const FAULTS: Omit<SocketCase, 'sdk'>[] = [
  // Scoped to an app, the close and the garbage come at joinRoom (the app is unknown before).
  { fault: 'socket-close-on-connect', code: 'socket.closed', outcome: 'failed' },
  { fault: 'socket-garbage', code: 'socket.garbage', outcome: 'failed' },
  { fault: 'join-silent', code: 'join.timeout', outcome: 'failed' },
  { fault: 'join-server-error', code: 'join.rejected', outcome: 'rejected' },
];
const CASES: SocketCase[] = FAULTS.flatMap((item) => SDKS.map((sdk) => ({ ...item, sdk })));

const DEMO_APPS = (defaultScenarioJson() as { apps: unknown[] }).apps;
const appKeyOf = (name: string) => `hostile-${name}`;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    // The demo apps stay, so the relays below get a real success body for the CORS demo key.
    apps: [
      ...DEMO_APPS,
      ...FAULTS.map((item) => ({
        appKey: appKeyOf(item.fault),
        secret: 'hostile-secret',
        corsUrls: ['app.example.com'],
      })),
    ],
    faults: FAULTS.map((item) => fault(item.fault, appKeyOf(item.fault))),
  });
});
afterAll(async () => {
  await sandbox.close();
});

describe('runHandshake() against a hostile signalling server', () => {
  for (const item of CASES) {
    it(`ends a ${item.sdk} run with ${item.code} on ${item.fault}`, async () => {
      const { events, result, keys } = await runHostile(
        plan(sandbox.url, {
          sdk: item.sdk,
          appKey: appKeyOf(item.fault),
          network: network(FAST_NETWORK),
        }),
      );

      expect(result).toMatchObject({ outcome: item.outcome, error: { code: item.code } });
      // The API answered: the SDK got COMPLETED before the channel went wrong.
      expect(readyStates(events)).toEqual(['0', '1', '2']);
      expect(ofType(events, 'channelClose').length).toBeLessThanOrEqual(1);
      if (item.outcome === 'rejected') expect(keys).toContain('systemAction:serverError');
    });
  }

  it('ends with socket.closed when every socket is dropped right after connect', async () => {
    const dropping = await startSandbox({
      faults: [{ fault: 'socket-close-on-connect', match: {} }],
    });
    try {
      for (const sdk of SDKS) {
        const { events, result } = await runHostile(
          plan(dropping.url, { sdk, network: network(FAST_NETWORK) }),
        );

        expect(result.error?.code).toBe('socket.closed');
        expect(ofType(events, 'channelClose').map((event) => event.reason)).toEqual(['server']);
      }
    } finally {
      await dropping.close();
    }
  });
});

/**
 * An API in front of the sandbox that answers what the sandbox answers, with the signalling
 * server moved to `port`: a real success body pointing at a hostile signalling peer.
 */
async function apiPointingAt(
  target: Sandbox,
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: new URL(target.url).host };
    get(`${target.url}${req.url ?? '/'}`, { headers }, (upstream) => {
      const chunks: Buffer[] = [];
      upstream.on('data', (chunk: Buffer) => chunks.push(chunk));
      upstream.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const moved = {
          ...body,
          // 2.x-style answers carry `host:port` (2.x dials it as is); 0.6 ones a bare host.
          ipSigserver: String(body.ipSigserver).includes(':') ? `127.0.0.1:${port}` : '127.0.0.1',
          portSigserver: port,
          httpPortList: [port],
          httpsPortList: [port],
        };
        res.writeHead(upstream.statusCode ?? 500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(moved));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const apiPort = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${apiPort}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 0.6 keeps climbing its port ladder, as the SDK does, until the run deadline stops it. */
async function expectBothFlavours(apiUrl: string, code2x: string): Promise<void> {
  const v06 = await runHostile(
    plan(apiUrl, { sdk: '0.6', network: network({ ...FAST_NETWORK, deadlineMs: 1500 }) }),
  );
  expect(v06.result.error?.code).toBe('run.deadline');
  expect(ofType(v06.events, 'step.failed').at(-1)).toMatchObject({ step: 'connect' });
  expect(ofType(v06.events, 'socket.attempt').length).toBeGreaterThanOrEqual(1);

  const v2x = await runHostile(plan(apiUrl, { sdk: '2.x', network: network(FAST_NETWORK) }));
  expect(v2x.result.error?.code).toBe(code2x);
  expect(v2x.result.readyState).toBe(2);
}

describe('runHandshake() against a hostile signalling peer', () => {
  it('ends with socket.refused (2.x) when the signalling port is closed', async () => {
    const api = await apiPointingAt(sandbox, await closedPort());
    try {
      await expectBothFlavours(api.url, 'socket.refused');
    } finally {
      await api.close();
    }
  });

  it('ends with socket.timeout (2.x) when the signalling peer never answers', async () => {
    const silent = await rawServer(() => undefined);
    const api = await apiPointingAt(sandbox, silent.port);
    try {
      await expectBothFlavours(api.url, 'socket.timeout');
    } finally {
      await api.close();
      await silent.close();
    }
  });

  it('ends with socket.handshake (2.x) when the signalling peer is not socket.io', async () => {
    const notSocketIo = createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html>no such thing</html>');
    });
    await new Promise<void>((resolve) => notSocketIo.listen(0, '127.0.0.1', resolve));
    const address = notSocketIo.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const api = await apiPointingAt(sandbox, port);
    try {
      await expectBothFlavours(api.url, 'socket.handshake');
    } finally {
      await api.close();
      notSocketIo.closeAllConnections();
      await new Promise<void>((resolve) => notSocketIo.close(() => resolve()));
    }
  });
});
