import type { lookup as dnsLookup } from 'node:dns';
import { createServer, type Server, type Socket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkShape, network, ofType, plan, readyStates, run, useSharedSandbox } from './harness';

/** A listener that accepts connections and never answers: a real, silent socket. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The port of a listener that was opened and closed again: connecting is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

let silent: Awaited<ReturnType<typeof silentServer>>;
beforeAll(async () => {
  silent = await silentServer();
});
afterAll(async () => {
  await silent.close();
});

describe('runHandshake() network failures', () => {
  it('reports a refused API port as -1/-1 with tcp.refused in both flavours', async () => {
    const server = `http://127.0.0.1:${await closedPort()}`;
    for (const sdk of ['0.6', '2.x'] as const) {
      const { events, result } = await run(plan(server, { sdk }));

      checkShape(events);
      expect(readyStates(events)).toEqual(['0', '1', '-1:-1/-1']);
      expect(result).toMatchObject({
        outcome: 'failed',
        error: { code: 'tcp.refused' },
        readyStateError: { errorName: 'XML_HTTP_REQUEST_ERROR' },
      });
      expect(ofType(events, 'http.retry')).toHaveLength(0);
    }
  });

  it('retries twice after a 0.6 timeout and then reports -1/-2', async () => {
    const { events, result } = await run(
      plan(silent.url, { network: network({ apiTimeoutMs: 150, apiRetries: 2 }) }),
    );

    checkShape(events);
    expect(ofType(events, 'http.request').map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(ofType(events, 'http.retry').map((e) => e.attempt)).toEqual([1, 2]);
    expect(readyStates(events)).toEqual(['0', '1', '-1:-1/-2']);
    expect(result).toMatchObject({
      error: { code: 'http.timeout' },
      readyStateError: { content: 'Response timed out from API server' },
      timings: { apiAttempts: 3 },
    });
  });

  it('does not time out the API in 2.x: the run deadline ends it', async () => {
    const { events, result } = await run(
      plan(silent.url, { sdk: '2.x', network: network({ apiTimeoutMs: 100, deadlineMs: 600 }) }),
    );

    checkShape(events);
    expect(ofType(events, 'http.request')).toHaveLength(1);
    expect(readyStates(events)).toEqual(['0', '1']);
    expect(result).toMatchObject({
      outcome: 'failed',
      readyState: 1,
      error: { code: 'run.deadline' },
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(550);
  });

  it('reports a name that does not resolve as dns.failed through the injected lookup', async () => {
    const lookup = ((
      host: string,
      _options: unknown,
      callback: (e: NodeJS.ErrnoException) => void,
    ) => {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${host}`);
      error.code = 'ENOTFOUND';
      callback(error);
    }) as unknown as typeof dnsLookup;
    const { events, result } = await run(plan('http://auth.does-not-exist.invalid'), { lookup });

    checkShape(events);
    expect(result.error).toMatchObject({ code: 'dns.failed' });
    expect(result.error?.message).toContain('ENOTFOUND');
    expect(readyStates(events)).toEqual(['0', '1', '-1:-1/-1']);
  });

  it('cancels mid-request with one result and outcome cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { events, result } = await run(plan(silent.url, { sdk: '2.x' }), {
      signal: controller.signal,
    });

    checkShape(events);
    expect(result).toMatchObject({ outcome: 'cancelled', error: { code: 'run.cancelled' } });
    expect(ofType(events, 'step.failed')[0]).toMatchObject({ step: 'request' });
  });

  it('ends at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { events, result } = await run(plan(silent.url), { signal: controller.signal });

    checkShape(events);
    expect(result.outcome).toBe('cancelled');
  });
});

describe('runHandshake() signalling ladder', () => {
  const sandbox = useSharedSandbox({ signalling: { deadPorts: 1 } });

  it('moves past a dead first port to the next rung and joins', async () => {
    const { events, result } = await run(plan(sandbox.url));

    checkShape(events);
    expect(result.outcome).toBe('joined');
    const attempts = ofType(events, 'socket.attempt');
    expect(attempts.map((a) => [a.port, a.transport, a.fallbackType])).toEqual([
      [sandbox.signallingPorts[0], 'websocket', 'nonfallback'],
      [sandbox.signallingPorts[1], 'websocket', 'fallbackPortNonSSL'],
    ]);
    expect(ofType(events, 'socketError').map((e) => e.errorCode)).toEqual([0, -4]);
    expect(result.timings.socketAttempts).toBe(2);
  }, 20_000);

  it('cancels while the ladder is retrying, with one result', async () => {
    const controller = new AbortController();
    const { events, result } = await run(plan(sandbox.url), {
      signal: controller.signal,
      // Cancel while the first (dead) rung is being retried.
      diagnose: (_seen, stage) => {
        if (stage === 'api') setTimeout(() => controller.abort(), 100);

        return [];
      },
    });

    checkShape(events);
    expect(result.outcome).toBe('cancelled');
    expect(ofType(events, 'socket.attempt')).toHaveLength(1);
    expect(ofType(events, 'channelOpen')).toHaveLength(0);
    expect(ofType(events, 'step.failed')[0]).toMatchObject({ step: 'connect' });
  });
});
