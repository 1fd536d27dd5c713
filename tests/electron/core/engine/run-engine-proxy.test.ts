import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSandbox, type Sandbox } from '../../../../electron/sandbox';
import { makeSelfSignedCert } from '../../../support/self-signed-cert';

import { checkShape, network, ofType, plan, readyStates, run, startSandbox } from './harness';

/** A small but real forward proxy: absolute-URL GETs are relayed, CONNECT is tunnelled. */
async function startProxy(options: { refuseConnect?: boolean } = {}) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const target = new URL(req.url ?? '');
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end();
  });
  // Tunnelled sockets leave the HTTP server's bookkeeping; close them by hand.
  const tunnels = new Set<{ destroy: () => void }>();
  server.on('connect', (req, socket) => {
    tunnels.add(socket);
    seen.push(`CONNECT ${req.url ?? ''}`);
    if (options.refuseConnect === true) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');

      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      tunnels.add(upstream);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let dir: string;
let httpSandbox: Sandbox;
let httpsSandbox: Sandbox;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diag-proxy-'));
  const { key, cert } = makeSelfSignedCert(dir);
  httpSandbox = await startSandbox();
  httpsSandbox = await createSandbox(undefined, { tls: { key, cert } });
});
afterAll(async () => {
  await httpSandbox.close();
  await httpsSandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runHandshake() through an HTTP proxy', () => {
  it('sends a plain HTTP API request to the proxy with an absolute URL', async () => {
    const proxy = await startProxy();
    try {
      const { events, result } = await run(
        plan(httpSandbox.url, { network: network({ proxy: proxy.url }) }),
        { stopAfter: 'api' },
      );

      expect(result).toMatchObject({ outcome: 'joined', readyState: 2 });
      expect(ofType(events, 'tcp')[0]).toMatchObject({
        proxy: proxy.url,
        port: Number(new URL(proxy.url).port),
      });
      expect(proxy.seen).toHaveLength(1);
      expect(proxy.seen[0]).toMatch(
        new RegExp(`^GET ${httpSandbox.url}/api/demo-cors-key/lobby\\?rand=\\d+$`),
      );
    } finally {
      await proxy.close();
    }
  });

  for (const sdk of ['0.6', '2.x'] as const) {
    it(`joins through the proxy: the signalling socket is tunnelled too (${sdk})`, async () => {
      const proxy = await startProxy();
      try {
        const { result } = await run(
          plan(httpSandbox.url, { sdk, network: network({ proxy: proxy.url }) }),
        );
        const host = new URL(httpSandbox.url).host;

        expect(result.outcome).toBe('joined');
        expect(proxy.seen[0]).toMatch(/^GET http:/);
        expect(proxy.seen.slice(1)).toEqual([`CONNECT ${host}`]);
      } finally {
        await proxy.close();
      }
    });
  }

  it('tunnels an HTTPS API request and the wss socket with CONNECT', async () => {
    const proxy = await startProxy();
    try {
      const { events, result } = await run(
        plan(httpsSandbox.url, { network: network({ proxy: proxy.url, insecure: true }) }),
      );
      const host = new URL(httpsSandbox.url).host;

      expect(result.outcome).toBe('joined');
      expect(proxy.seen).toEqual([`CONNECT ${host}`, `CONNECT ${host}`]);
      expect(ofType(events, 'tls')[0]?.peer?.subject).toBe('CN=127.0.0.1');
    } finally {
      await proxy.close();
    }
  });

  it('reports a proxy that refuses the tunnel as proxy.failed with its status line', async () => {
    const proxy = await startProxy({ refuseConnect: true });
    try {
      const { events, result } = await run(
        plan(httpsSandbox.url, { network: network({ proxy: proxy.url, insecure: true }) }),
      );

      checkShape(events);
      expect(result.error).toMatchObject({ code: 'proxy.failed' });
      expect(result.error?.message).toContain('HTTP/1.1 403 Forbidden');
      expect(readyStates(events)).toEqual(['0', '1', '-1:-1/-1']);
    } finally {
      await proxy.close();
    }
  });

  it('reports a proxy that is not listening as proxy.failed', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { result } = await run(
      plan(httpSandbox.url, { network: network({ proxy: `http://127.0.0.1:${port}` }) }),
    );

    expect(result.error).toMatchObject({ code: 'proxy.failed' });
    expect(result.error?.message).toContain('ECONNREFUSED');
  });
});
