import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSandbox, type Sandbox } from '../../../../electron/sandbox';
import { makeSelfSignedCert } from '../../../support/self-signed-cert';

import { checkShape, network, ofType, plan, readyStates, run } from './harness';

let dir: string;
let sandbox: Sandbox;
let certFile: string;

beforeAll(async () => {
  // A self-signed certificate for 127.0.0.1, made fresh so no key lives in the repository.
  dir = mkdtempSync(join(tmpdir(), 'diag-tls-'));
  const { key, cert, certFile: file } = makeSelfSignedCert(dir);
  certFile = file;
  sandbox = await createSandbox(undefined, { tls: { key, cert } });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runHandshake() over TLS', () => {
  it('reports an untrusted certificate with its details and -1/-1', async () => {
    const { events, result } = await run(plan(sandbox.url));

    checkShape(events);
    const tls = ofType(events, 'tls')[0];
    expect(tls).toMatchObject({
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      insecure: false,
      peer: { subject: 'CN=127.0.0.1', subjectAltName: 'IP Address:127.0.0.1' },
    });
    expect(tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(tls?.peer?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.error?.code).toBe('tls.untrusted');
    expect(readyStates(events)).toEqual(['0', '1', '-1:-1/-1']);
    expect(result.timings.tlsMs).not.toBeNull();
  });

  it('joins with --insecure and records that checks were skipped', async () => {
    for (const sdk of ['0.6', '2.x'] as const) {
      const { events, result } = await run(
        plan(sandbox.url, { sdk, network: network({ insecure: true }) }),
      );

      expect(ofType(events, 'tls')[0]).toMatchObject({ authorized: false, insecure: true });
      expect(result.outcome).toBe('joined');
      expect(ofType(events, 'channelOpen')[0]?.url).toMatch(/^https:/);
    }
  });

  it('trusts a CA file for the API and the signalling socket', async () => {
    const { events, result } = await run(
      plan(sandbox.url, { network: network({ caFile: certFile }) }),
    );

    expect(ofType(events, 'tls')[0]).toMatchObject({ authorized: true, authorizationError: null });
    expect(result.outcome).toBe('joined');
  });

  it('names `caFile` when the file cannot be read', async () => {
    const missing = join(dir, 'missing.pem');
    const { events, result } = await run(
      plan(sandbox.url, { network: network({ caFile: missing }) }),
    );

    checkShape(events);
    expect(result.error).toMatchObject({ code: 'input.invalid', detail: { field: 'caFile' } });
    expect(result.error?.message).toContain('ENOENT');
    expect(ofType(events, 'http.request')).toHaveLength(0);
  });
});
