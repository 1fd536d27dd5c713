import { describe, expect, it } from 'vitest';

import type { TimelineEvent } from '../../../../electron/contract';
import { diagnose, engineDiagnose, measureSkew } from '../../../../electron/core/diagnosis';

// Events the sandbox cannot produce on 127.0.0.1 over plain HTTP: a proxy, a re-signed
// certificate, and exact timings for the skew arithmetic.
const at = (ms: number): string => new Date(Date.UTC(2026, 11, 3, 9, 0, 0) + ms).toISOString();

const timings = { dnsMs: null, tcpMs: 1, tlsMs: null, ttfbMs: 400, totalMs: 450 };

function response(seq: number, serverDate: string, arrivedMs: number): TimelineEvent {
  return {
    seq,
    t: arrivedMs,
    at: at(arrivedMs),
    type: 'http.response',
    purpose: 'api',
    attempt: 1,
    status: 200,
    statusText: 'OK',
    headers: {},
    httpVersion: '1.1',
    body: '{}',
    bodyBytes: 2,
    truncated: false,
    remoteAddress: '127.0.0.1',
    remotePort: 1,
    serverDate,
    timings,
  };
}

describe('measureSkew()', () => {
  it('corrects by half the round trip and the 1 s resolution of Date', () => {
    // Arrived at +1000 ms; the first byte came 50 ms earlier; the server stamped ~200 ms
    // before that: local 750 ms. The header says 09:00:00, i.e. 09:00:00.500 on average.
    const skew = measureSkew(response(1, 'Thu, 03 Dec 2026 09:00:00 GMT', 1000) as any);

    expect(skew?.skewMs).toBe(-250);
    expect(skew?.toleranceMs).toBe(2400);
  });

  it('does not flag skew within 2 s plus the round trip', () => {
    const events = [response(1, 'Thu, 03 Dec 2026 09:00:02 GMT', 1000)];

    expect(diagnose(events).map((item) => item.id)).not.toContain('clock.skew');
  });

  it('flags the local clock behind by 5 minutes', () => {
    const events = [response(7, 'Thu, 03 Dec 2026 09:05:00 GMT', 1000)];
    const found = diagnose(events).find((item) => item.id === 'clock.skew');

    expect(found?.verdict).toContain('5 min 0 s ahead');
    expect(found?.detail?.skewMs).toBe(299_750);
    expect(found?.evidence).toEqual([7]);
  });
});

describe('interception rule', () => {
  const tls: TimelineEvent = {
    seq: 5,
    t: 5,
    at: at(5),
    type: 'tls',
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    durationMs: 3,
    authorized: false,
    authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
    peer: {
      subject: 'CN=api.temasys.io',
      issuer: 'CN=Example Corp Web Filter CA',
      validFrom: '',
      validTo: '',
      fingerprint256: '',
      subjectAltName: null,
    },
    insecure: false,
  };
  const failed: TimelineEvent = {
    seq: 6,
    t: 6,
    at: at(6),
    type: 'step.failed',
    step: 'request',
    error: { code: 'tls.untrusted', message: 'untrusted' },
  };
  const proxied: TimelineEvent = {
    seq: 4,
    t: 4,
    at: at(4),
    type: 'tcp',
    address: '10.0.0.1',
    port: 3128,
    durationMs: 1,
    proxy: 'http://proxy.corp:3128',
  };

  it('names the inspecting issuer and cites the tls and failed step', () => {
    const found = diagnose([proxied, tls, failed]).find(
      (item) => item.id === 'network.tls-interception',
    );

    expect(found?.verdict).toContain('Example Corp Web Filter CA');
    expect(found?.confidence).toBe('high');
    expect(found?.evidence).toEqual([5, 6]);
  });

  it('reports the proxy the connection went through', () => {
    const found = diagnose([proxied]).find((item) => item.id === 'network.proxy');

    expect(found?.verdict).toContain('http://proxy.corp:3128');
    expect(found?.severity).toBe('info');
    expect(found?.evidence).toEqual([4]);
  });

  it('leaves a trusted chain alone', () => {
    const trusted = { ...tls, authorized: true, authorizationError: null } as TimelineEvent;

    expect(diagnose([trusted])).toEqual([]);
  });
});

describe('engineDiagnose()', () => {
  it('returns only pre-join rules at stage api', () => {
    const events = [
      response(1, 'Thu, 03 Dec 2026 09:30:00 GMT', 1000),
      { seq: 2, t: 2, at: at(2), type: 'peerJoined', peerId: 'p', room: 'r', isSelf: true },
    ] as TimelineEvent[];
    const hook = engineDiagnose(null);

    expect(hook(events, 'api').map((item) => item.id)).toEqual(['clock.skew']);
    expect(hook(events, 'final').map((item) => item.id)).toEqual(['clock.skew', 'run.joined']);
  });

  it('ignores findings already in the log, so a re-diagnosis gives the same answer', () => {
    const events = [response(1, 'Thu, 03 Dec 2026 09:30:00 GMT', 1000)];
    const first = diagnose(events);
    const withFindings = [
      ...events,
      ...first.map((finding, index) => ({
        seq: 10 + index,
        t: 10,
        at: at(10),
        type: 'diagnosis' as const,
        finding,
      })),
    ];

    expect(diagnose(withFindings)).toEqual(first);
  });
});

describe('rules on hand-built logs', () => {
  const plan = {
    profileId: null,
    profileName: 't',
    server: 'https://api.example.test',
    embeddedSandbox: false,
    appKey: 'k',
    room: 'r',
    authMode: 'credentials' as const,
    origin: null,
    startDateTime: at(0),
    duration: '2',
    credentials: '[REDACTED:credentials#00000000]',
    credentialsSource: 'given' as const,
    sdk: '0.6' as const,
    network: {
      apiTimeoutMs: 4000,
      apiRetries: 2,
      socketTimeoutMs: 7000,
      joinTimeoutMs: 10000,
      deadlineMs: 60000,
      caFile: null,
      insecure: false,
      proxy: null,
    },
  };
  const start: TimelineEvent = {
    seq: 1,
    t: 0,
    at: at(0),
    type: 'run.start',
    plan,
    engineVersion: 'x',
  };

  /** The server's `reject` systemAction, at seq 9, with the given reason. */
  const rejected = (reason: string): TimelineEvent => ({
    seq: 9,
    t: 9,
    at: at(9),
    type: 'systemAction',
    action: 'reject',
    reason,
    info: '',
    room: 'r',
    rid: null,
  });

  it('reports the legacy seatquota reason as the seat limit', () => {
    const action = rejected('seatquota');
    const found = diagnose([start, action]).find((item) => item.id === 'seats.limit');

    expect(found?.catalogKey).toBe('systemAction:seatquota');
    expect(found?.evidence).toEqual([9]);
  });

  it('says the credentials were dropped when a credentials-mode URL carries none (4004)', () => {
    const request: TimelineEvent = {
      seq: 2,
      t: 1,
      at: at(1),
      type: 'http.request',
      purpose: 'api',
      attempt: 1,
      method: 'GET',
      url: 'https://api.example.test/api/k/r?rand=1',
      headers: {},
    };
    const refused = {
      ...(response(3, 'Thu, 03 Dec 2026 09:00:00 GMT', 500) as any),
      status: 403,
      body: '{"success":false,"error":4004,"info":"no"}',
    };
    const found = diagnose([start, request, refused]).find(
      (item) => item.id === 'auth.credentials-dropped',
    );

    expect(found?.evidence).toEqual([1, 2, 3]);
  });

  it('reports a notStart the server sent although the window looks open', () => {
    const action = rejected('notStart');
    const found = diagnose([start, action]).find(
      (item) => item.id === 'credentials.window-not-started',
    );

    expect(found?.confidence).toBe('medium');
    expect(found?.verdict).toContain('although the window');
    expect(found?.evidence).toEqual([1, 9]);
  });
});
