import type { lookup as dnsLookup } from 'node:dns';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SdkFlavour } from '../../../electron/contract';
import { BODY_CAP_BYTES } from '../../../electron/core/http-client';
import type { Sandbox } from '../../../electron/sandbox';
import { fault, network, ofType, plan, readyStates, startSandbox } from '../core/engine/harness';

import { closedPort, FAST_NETWORK, rawServer, runHostile } from './hostile-rig';

const MIB = 1024 * 1024;

interface ApiCase {
  fault: string;
  sdk: SdkFlavour;
  code: string;
  /** The SDK's readyState sequence, `state:status/errorCode` for errors. */
  states: string[];
  params?: Record<string, unknown>;
  /** 2.x has no API timeout: the run deadline ends a silent API, so keep it short. */
  deadlineMs?: number;
}

// What each SDK flavour reports for each API fault; one sandbox app per case keeps them apart.
const CASES: ApiCase[] = [
  { fault: 'delay', sdk: '0.6', code: 'http.timeout', states: ['0', '1', '-1:-1/-2'] },
  { fault: 'delay', sdk: '2.x', code: 'run.deadline', states: ['0', '1'], deadlineMs: 800 },
  { fault: 'hang', sdk: '0.6', code: 'http.timeout', states: ['0', '1', '-1:-1/-2'] },
  { fault: 'hang', sdk: '2.x', code: 'run.deadline', states: ['0', '1'], deadlineMs: 800 },
  { fault: 'reset', sdk: '0.6', code: 'tcp.reset', states: ['0', '1', '-1:-1/-1'] },
  // The reset comes mid-body: 2.x's fetch has already resolved on the 200 status line.
  { fault: 'reset', sdk: '2.x', code: 'tcp.reset', states: ['0', '1', '2'] },
  { fault: 'truncated-json', sdk: '0.6', code: 'http.malformed', states: ['0', '1'] },
  { fault: 'truncated-json', sdk: '2.x', code: 'http.malformed', states: ['0', '1', '2'] },
  { fault: 'non-json', sdk: '0.6', code: 'http.malformed', states: ['0', '1'] },
  { fault: 'non-json', sdk: '2.x', code: 'http.malformed', states: ['0', '1', '2'] },
  { fault: 'wrong-types', sdk: '0.6', code: 'http.malformed', states: ['0', '1'] },
  { fault: 'wrong-types', sdk: '2.x', code: 'http.malformed', states: ['0', '1', '2'] },
  { fault: 'oversized', sdk: '0.6', code: 'http.too-large', states: ['0', '1'] },
  // 2.x says COMPLETED on the 200 status line, before any of the body.
  { fault: 'oversized', sdk: '2.x', code: 'http.too-large', states: ['0', '1', '2'] },
  // The headers arrived before the timeout, so 0.6's `xhr.status || -1` is 200.
  { fault: 'slow-drip', sdk: '0.6', code: 'http.timeout', states: ['0', '1', '-1:200/-2'] },
  { fault: 'slow-drip', sdk: '2.x', code: 'run.deadline', states: ['0', '1'], deadlineMs: 800 },
  { fault: 'server-error', sdk: '0.6', code: 'http.malformed', states: ['0', '1'] },
  { fault: 'server-error', sdk: '2.x', code: 'api.rejected', states: ['0', '1', '-1:503/503'] },
  // A redirect to itself loops in a browser until its limit: the SDK sees a network error.
  { fault: 'redirect-loop', sdk: '0.6', code: 'http.redirect', states: ['0', '1', '-1:-1/-1'] },
  { fault: 'redirect-loop', sdk: '2.x', code: 'http.redirect', states: ['0', '1', '-1:-1/-1'] },
];

const PARAMS: Record<string, Record<string, unknown>> = {
  // Longer than the per-attempt timeout and than the short 2.x deadline.
  delay: { ms: 5000 },
  'slow-drip': { ms: 100, bytes: 8 },
};

const appKeyOf = (name: string) => `hostile-${name}`;

let sandbox: Sandbox;
beforeAll(async () => {
  const names = [...new Set(CASES.map((item) => item.fault))];
  sandbox = await startSandbox({
    apps: names.map((name) => ({
      appKey: appKeyOf(name),
      secret: 'hostile-secret',
      corsUrls: ['app.example.com'],
    })),
    faults: names.map((name) => fault(name, appKeyOf(name), PARAMS[name] ?? {})),
  });
});
afterAll(async () => {
  await sandbox.close();
});

describe('runHandshake() against hostile API answers', () => {
  for (const item of CASES) {
    it(
      `ends a ${item.sdk} run with ${item.code} ` + `when the API answers with ${item.fault}`,
      async () => {
        const { events, result } = await runHostile(
          plan(sandbox.url, {
            sdk: item.sdk,
            appKey: appKeyOf(item.fault),
            network: network({ ...FAST_NETWORK, deadlineMs: item.deadlineMs ?? 3000 }),
          }),
        );

        expect(result.error?.code).toBe(item.code);
        expect(readyStates(events)).toEqual(item.states);
      },
    );
  }

  it('ends every faulty run when all of them run at once', async () => {
    const started = performance.now();
    const outcomes = await Promise.all(
      CASES.map((item) =>
        runHostile(
          plan(sandbox.url, {
            sdk: item.sdk,
            appKey: appKeyOf(item.fault),
            network: network({ ...FAST_NETWORK, apiTimeoutMs: 2000, deadlineMs: 3000 }),
          }),
        ),
      ),
    );

    // Under load a slow body may time out instead; it must still end with a catalogued code.
    expect(outcomes.map((outcome) => outcome.result.error?.code)).not.toContain('internal');
    expect(performance.now() - started).toBeLessThan(5000);
  }, 10_000);

  it('caps a 20 MiB body at 1 MiB, reports the cap, and keeps memory bounded', async () => {
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 3; i += 1) {
      const { events, result } = await runHostile(
        plan(sandbox.url, {
          appKey: appKeyOf('oversized'),
          network: network({ ...FAST_NETWORK, apiTimeoutMs: 10_000, deadlineMs: 20_000 }),
        }),
      );

      const response = ofType(events, 'http.response')[0];
      expect(response).toMatchObject({ truncated: true, bodyBytes: 20 * MIB });
      expect(Buffer.byteLength(response?.body ?? '')).toBeLessThanOrEqual(BODY_CAP_BYTES);
      expect(result.error).toMatchObject({
        code: 'http.too-large',
        detail: { bodyBytes: 20 * MIB, capBytes: BODY_CAP_BYTES },
      });
      expect(JSON.stringify(events).length).toBeLessThan(2 * BODY_CAP_BYTES);
    }
    // 60 MiB went through; keeping the bodies (as text, twice the bytes) would pass 120 MiB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(96 * MIB);
  }, 30_000);
});

describe('runHandshake() against hostile API peers', () => {
  it('ends with tcp.refused when the API port is closed', async () => {
    const server = `http://127.0.0.1:${await closedPort()}`;
    for (const sdk of ['0.6', '2.x'] as const) {
      const { result } = await runHostile(plan(server, { sdk, network: network(FAST_NETWORK) }));

      expect(result.error?.code).toBe('tcp.refused');
      expect(result.readyStateError?.errorCode).toBe(-1);
    }
  });

  it(
    'ends with dns.failed when the name does ' + 'not resolve through the injected lookup',
    async () => {
      const asked: string[] = [];
      const lookup = ((host: string, _options: unknown, callback: (e: Error) => void) => {
        asked.push(host);
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
      }) as unknown as typeof dnsLookup;
      for (const sdk of ['0.6', '2.x'] as const) {
        const { events, result } = await runHostile(
          plan('http://api.nowhere.invalid', { sdk, network: network(FAST_NETWORK) }),
          { lookup },
        );

        expect(result.error?.code).toBe('dns.failed');
        expect(ofType(events, 'tcp')).toHaveLength(0);
      }
      expect(asked).toEqual(['api.nowhere.invalid', 'api.nowhere.invalid']);
    },
  );

  it('stops reading a body that streams forever once it passes the cap', async () => {
    const endless = await rawServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n');
        socket.write('Transfer-Encoding: chunked\r\n\r\n');
        const chunk = 'a'.repeat(64 * 1024);
        const frame = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
        const pump = (): void => {
          while (!socket.destroyed && socket.write(frame));
          if (!socket.destroyed) socket.once('drain', pump);
        };
        pump();
      });
    });
    try {
      const { events, result } = await runHostile(
        plan(endless.url, { network: network({ ...FAST_NETWORK, apiRetries: 0 }) }),
      );

      // Before the reader stopped at the cap, this waited for the timeout (http.timeout).
      expect(result.error?.code).toBe('http.too-large');
      expect(ofType(events, 'http.request')).toHaveLength(1);
      for (const response of ofType(events, 'http.response')) {
        expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(BODY_CAP_BYTES);
      }
    } finally {
      await endless.close();
    }
  });

  it('names a peer that does not speak HTTP', async () => {
    const babbler = await rawServer((socket) => {
      socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001garbage\r\n'));
    });
    try {
      const { result } = await runHostile(
        plan(babbler.url, { network: network({ ...FAST_NETWORK, apiRetries: 0 }) }),
      );

      expect(['http.malformed', 'tcp.reset']).toContain(result.error?.code);
    } finally {
      await babbler.close();
    }
  });
});
