import type { lookup as dnsLookup } from 'node:dns';
import { rmSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSandbox, type Sandbox } from '../../../electron/sandbox';
import { network, ofType, plan, readyStates } from '../core/engine/harness';

import { FAST_NETWORK, makeCert, runHostile, tempDir, type TestCert } from './hostile-rig';

interface TlsCase {
  name: string;
  cert: (dir: string) => TestCert;
  /** Trust the test certificate as a CA, so only the defect under test remains. */
  isTrusted: boolean;
  authorizationError: string;
  /** Reach the sandbox by this name (resolved to 127.0.0.1 by an injected lookup). */
  host?: string;
}

const CASES: TlsCase[] = [
  {
    name: 'self-signed',
    cert: (dir) => makeCert(dir, 'self-signed'),
    isTrusted: false,
    authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  },
  {
    name: 'expired',
    cert: (dir) => makeCert(dir, 'expired', { isExpired: true }),
    isTrusted: true,
    authorizationError: 'CERT_HAS_EXPIRED',
  },
  {
    name: 'for other.example reached at 127.0.0.1',
    cert: (dir) => makeCert(dir, 'other-host', { host: 'other.example' }),
    isTrusted: true,
    authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
  },
  {
    name: 'for 127.0.0.1 reached as api.skylink.test',
    cert: (dir) => makeCert(dir, 'ip-only'),
    isTrusted: true,
    authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
    host: 'api.skylink.test',
  },
];

// Only names under `.test` are ever asked for, and every one is answered with loopback.
const loopbackLookup = ((
  host: string,
  options: { all?: boolean },
  callback: (error: Error | null, result: unknown) => void,
) => {
  if (!host.endsWith('.test')) {
    callback(Object.assign(new Error(`refused to resolve ${host}`), { code: 'ENOTFOUND' }), null);

    return;
  }
  const address = { address: '127.0.0.1', family: 4 };
  callback(null, options.all === true ? [address] : address);
}) as unknown as typeof dnsLookup;

let dir: string;
const sandboxes = new Map<string, { sandbox: Sandbox; cert: TestCert }>();

beforeAll(async () => {
  dir = tempDir('diag-hostile-tls-');
  for (const item of CASES) {
    const cert = item.cert(dir);
    const sandbox = await createSandbox(undefined, { tls: { key: cert.key, cert: cert.cert } });
    sandboxes.set(item.name, { sandbox, cert });
  }
}, 30_000);
afterAll(async () => {
  for (const { sandbox } of sandboxes.values()) await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runHandshake() against hostile TLS', () => {
  for (const item of CASES) {
    for (const sdk of ['0.6', '2.x'] as const) {
      it(`ends a ${sdk} run with tls.untrusted for a certificate ${item.name}`, async () => {
        const entry = sandboxes.get(item.name);
        if (entry === undefined) throw new Error(`no sandbox for ${item.name}`);
        const url = new URL(entry.sandbox.url);
        if (item.host !== undefined) url.hostname = item.host;
        const caFile = item.isTrusted ? entry.cert.certFile : null;

        const { events, result } = await runHostile(
          plan(url.origin, { sdk, network: network({ ...FAST_NETWORK, caFile }) }),
          { lookup: loopbackLookup },
        );

        expect(result.error?.code).toBe('tls.untrusted');
        expect(result.error?.message).toContain(item.authorizationError);
        expect(ofType(events, 'tls')[0]).toMatchObject({
          authorized: false,
          authorizationError: item.authorizationError,
          insecure: false,
        });
        // The SDK sees a failed XHR; nothing reached the API handler or the signalling server.
        expect(readyStates(events)).toEqual(['0', '1', '-1:-1/-1']);
        expect(ofType(events, 'http.response')).toHaveLength(0);
        expect(ofType(events, 'socket.attempt')).toHaveLength(0);
      });
    }
  }

  it('reports tls.failed when the peer speaks plain HTTP on an https URL', async () => {
    const plainSandbox = await createSandbox(undefined);
    try {
      const url = plainSandbox.url.replace('http:', 'https:');
      const { result } = await runHostile(plan(url, { network: network(FAST_NETWORK) }));

      expect(result.error?.code).toBe('tls.failed');
    } finally {
      await plainSandbox.close();
    }
  });
});
