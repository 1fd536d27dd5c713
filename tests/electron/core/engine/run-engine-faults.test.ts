import { describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_SECRETS } from '../../../../electron/core/demo-apps';

import {
  checkShape,
  fault,
  network,
  ofType,
  plan,
  readyStates,
  run,
  useSharedSandbox,
} from './harness';

// One app per fault: the default scenario's apps under other keys, so faults stay apart.
const FAULTY = {
  wrongTypes: 'fault-wrong-types',
  nonJson: 'fault-non-json',
  redirect: 'fault-redirect',
  oversized: 'fault-oversized',
  silentJoin: 'fault-join-silent',
  closeOnConnect: 'fault-close',
  garbage: 'fault-garbage',
};

const app = (appKey: string) => ({
  appKey,
  secret: DEMO_SECRETS[DEMO_APP_KEYS.cors],
  corsUrls: ['app.example.com'],
});
const sandbox = useSharedSandbox({
  apps: [DEMO_APP_KEYS.cors, ...Object.values(FAULTY)].map(app),
  faults: [
    fault('wrong-types', FAULTY.wrongTypes),
    fault('non-json', FAULTY.nonJson),
    fault('redirect-loop', FAULTY.redirect),
    fault('oversized', FAULTY.oversized, { bytes: 2 * 1024 * 1024 }),
    fault('join-silent', FAULTY.silentJoin),
    fault('socket-close-on-connect', FAULTY.closeOnConnect),
    fault('socket-garbage', FAULTY.garbage),
  ],
});

describe('runHandshake() against a hostile server', () => {
  it(
    'names the mistyped field of a success ' + 'body and does not report COMPLETED in 0.6',
    async () => {
      const { events, result } = await run(plan(sandbox.url, { appKey: FAULTY.wrongTypes }));

      checkShape(events);
      expect(result.error?.code).toBe('http.malformed');
      expect(result.error?.message).toMatch(/Expected `\w+` to be/);
      expect(readyStates(events)).toEqual(['0', '1']);
    },
  );

  it('reports COMPLETED before the malformed body in 2.x, as the SDK does', async () => {
    const { events, result } = await run(
      plan(sandbox.url, { appKey: FAULTY.wrongTypes, sdk: '2.x' }),
    );

    expect(readyStates(events)).toEqual(['0', '1', '2']);
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'http.malformed' } });
  });

  it('explains that 0.6 stalls on a non-JSON body', async () => {
    const { events, result } = await run(plan(sandbox.url, { appKey: FAULTY.nonJson }));

    expect(result.error?.code).toBe('http.malformed');
    expect(readyStates(events)).toEqual(['0', '1']);
    expect(ofType(events, 'note').some((n) => n.message.includes('JSON.parse'))).toBe(true);
  });

  it('does not follow a redirect and reports http.redirect', async () => {
    const { events, result } = await run(plan(sandbox.url, { appKey: FAULTY.redirect }));

    checkShape(events);
    expect(ofType(events, 'http.request')).toHaveLength(1);
    expect(ofType(events, 'http.response')[0]?.status).toBe(302);
    expect(result.error).toMatchObject({ code: 'http.redirect' });
  });

  it('cuts a body over 1 MiB, flags it truncated and fails with http.too-large', async () => {
    const { events, result } = await run(
      plan(sandbox.url, { appKey: FAULTY.oversized, network: network({ apiTimeoutMs: 10_000 }) }),
    );

    const response = ofType(events, 'http.response')[0];
    expect(response).toMatchObject({ truncated: true });
    expect(response?.bodyBytes).toBeGreaterThan(1024 * 1024);
    expect(Buffer.byteLength(response?.body ?? '')).toBeLessThanOrEqual(1024 * 1024);
    expect(result.error?.code).toBe('http.too-large');
  });

  it('ends with join.timeout when the server never answers joinRoom', async () => {
    const { events, result } = await run(
      plan(sandbox.url, { appKey: FAULTY.silentJoin, network: network({ joinTimeoutMs: 300 }) }),
    );

    checkShape(events);
    expect(result).toMatchObject({
      outcome: 'failed',
      readyState: 2,
      error: { code: 'join.timeout' },
    });
    expect(ofType(events, 'channelClose')).toHaveLength(1);
  });

  it('reports a channel closed by the server before the join is answered', async () => {
    const { events, result } = await run(
      plan(sandbox.url, {
        appKey: FAULTY.closeOnConnect,
        network: network({ joinTimeoutMs: 2000 }),
      }),
    );

    checkShape(events);
    expect(ofType(events, 'channelClose').map((e) => e.reason)).toEqual(['server']);
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'socket.closed' } });
  });

  for (const sdk of ['0.6', '2.x'] as const) {
    it(`reports undecodable signalling frames as socket.garbage in ${sdk}`, async () => {
      const { events, result } = await run(
        plan(sandbox.url, {
          sdk,
          appKey: FAULTY.garbage,
          network: network({ joinTimeoutMs: 1000 }),
        }),
      );

      checkShape(events);
      expect(ofType(events, 'channelError')[0]?.message).toContain('parser error');
      expect(ofType(events, 'channelClose')).toHaveLength(1);
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'socket.garbage' } });
    });
  }
});
