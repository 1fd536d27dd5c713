import {
  NetworkOptionsSchema,
  type Finding,
  type Profile,
  type RunLog,
  type UnstampedEvent,
} from '../../../../electron/contract';
import { Redactor } from '../../../../electron/core/redactor';

/** Known sensitive values of the sample run, to look for in exported bytes. */
export const SAMPLE_SECRETS = {
  credentials: 'q%2BaB3%2Fxyz0123456789abcdEFG%3D',
  roomCred: 'room-cred-7f3e2a91c04b',
  userCred: 'user-cred-55aa11bb99cc',
  cookie: 'sessionid-c0ffee-4242',
};

/** A run with one event of every type, values redacted the way the engine redacts them. */
export function sampleRun(): {
  log: RunLog;
  profile: Profile;
  findings: Finding[];
  redactor: Redactor;
} {
  const redactor = new Redactor();
  redactor.register('credentials', SAMPLE_SECRETS.credentials);
  redactor.register('roomCred', SAMPLE_SECRETS.roomCred);
  redactor.register('userCred', SAMPLE_SECRETS.userCred);
  redactor.register('cookie', SAMPLE_SECRETS.cookie);
  const cred = redactor.markerFor('credentials', SAMPLE_SECRETS.credentials);
  const network = NetworkOptionsSchema.parse({});
  const finding: Finding = {
    id: 'credentials.secret-mismatch',
    verdict: 'The credentials were computed with a different secret',
    confidence: 'high',
    severity: 'error',
    evidence: [13, 20],
    nextStep: 'Check the app key secret in the developer console',
    catalogKey: 'readyState:4005',
    detail: { skewMs: 12 },
  };
  const apiUrl =
    `http://127.0.0.1:5000/api/key-1/room%201/2026-12-03T09:00:00.000Z/2` + `?cred=${cred}&rand=1`;
  const unstamped: UnstampedEvent[] = [
    {
      type: 'run.start',
      engineVersion: '0.1.0',
      plan: {
        profileId: 'p-1',
        profileName: 'Sample',
        server: 'http://127.0.0.1:5000',
        embeddedSandbox: true,
        appKey: 'key-1',
        room: 'room 1',
        authMode: 'credentials',
        origin: 'https://app.example.com',
        startDateTime: '2026-12-03T09:00:00.000Z',
        duration: '2',
        credentials: cred,
        credentialsSource: 'computed',
        sdk: '0.6',
        network,
      },
    },
    { type: 'note', level: 'info', message: 'start taken verbatim', detail: { start: 'x' } },
    { type: 'readyStateChange', state: 1, stateName: 'LOADING', room: 'room 1', error: null },
    { type: 'dns', host: 'localhost', addresses: ['127.0.0.1'], family: 4, durationMs: 1.5 },
    { type: 'tcp', address: '127.0.0.1', port: 5000, durationMs: 0.8 },
    {
      type: 'tls',
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      durationMs: 3.2,
      authorized: false,
      authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
      peer: {
        subject: 'CN=localhost',
        issuer: 'CN=localhost',
        validFrom: 'Dec  1 00:00:00 2026 GMT',
        validTo: 'Dec  1 00:00:00 2027 GMT',
        fingerprint256: 'AA:BB',
        subjectAltName: 'DNS:localhost',
      },
      insecure: true,
    },
    {
      type: 'http.request',
      purpose: 'api',
      attempt: 1,
      method: 'GET',
      url: apiUrl,
      headers: {
        Origin: 'https://app.example.com',
        Skylink_SDK_type: 'WEB_SDK',
        Cookie: `sid=${redactor.markerFor('cookie', SAMPLE_SECRETS.cookie)}`,
      },
    },
    { type: 'http.retry', attempt: 1, reason: 'No response within 4000 ms', delayMs: 0 },
    {
      type: 'http.request',
      purpose: 'api',
      attempt: 2,
      method: 'GET',
      url: apiUrl,
      headers: { Origin: 'https://app.example.com' },
    },
    {
      type: 'http.response',
      purpose: 'api',
      attempt: 2,
      status: 200,
      statusText: 'OK',
      headers: {
        'content-type': 'application/json',
        'set-cookie': `a=${redactor.markerFor('cookie', SAMPLE_SECRETS.cookie)}; Path=/`,
      },
      httpVersion: '1.1',
      body: redactor.scrubText(`{"success":true,"roomCred":"${SAMPLE_SECRETS.roomCred}"}`),
      bodyBytes: 51,
      truncated: false,
      remoteAddress: '127.0.0.1',
      remotePort: 5000,
      serverDate: 'Thu, 03 Dec 2026 09:00:00 GMT',
      timings: { dnsMs: 1.5, tcpMs: 0.8, tlsMs: 3.2, ttfbMs: 12, totalMs: 14 },
    },
    {
      type: 'api.parsed',
      fields: {
        roomCred: redactor.markerFor('roomCred', SAMPLE_SECRETS.roomCred),
        userCred: redactor.markerFor('userCred', SAMPLE_SECRETS.userCred),
        len: 2,
      },
      signalling: { host: '127.0.0.1', path: '/socket.io', httpPorts: [5001], httpsPorts: [] },
    },
    {
      type: 'socket.attempt',
      attempt: 1,
      url: 'http://127.0.0.1:5001?rand=2',
      port: 5001,
      transport: 'websocket',
      fallbackType: 'nonfallback',
    },
    {
      type: 'socketError',
      errorCode: 0,
      errorName: 'CONNECTION_FAILED',
      fallbackType: 'nonfallback',
      message: 'websocket error',
    },
    {
      type: 'socket.attempt',
      attempt: 2,
      url: 'http://127.0.0.1:5001?rand=3',
      port: 5001,
      transport: 'polling',
      fallbackType: 'fallbackLongPollingNonSSL',
    },
    {
      type: 'http.request',
      purpose: 'socket.io',
      attempt: 2,
      method: 'GET',
      url: 'http://127.0.0.1:5001/socket.io/?EIO=3&transport=polling',
      headers: {},
    },
    {
      type: 'http.response',
      purpose: 'socket.io',
      attempt: 2,
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
      httpVersion: '1.1',
      body: '96:0{"sid":"abc"}',
      bodyBytes: 16,
      truncated: false,
      remoteAddress: '::ffff:127.0.0.1',
      remotePort: 5001,
      serverDate: null,
      timings: { dnsMs: null, tcpMs: 0.5, tlsMs: null, ttfbMs: 2, totalMs: 2.5 },
    },
    { type: 'channelOpen', url: 'http://127.0.0.1:5001', transport: 'polling' },
    {
      type: 'socket.message',
      direction: 'sent',
      messageType: 'joinRoom',
      payload: {
        type: 'joinRoom',
        roomCred: redactor.markerFor('roomCred', SAMPLE_SECRETS.roomCred),
        userCred: redactor.markerFor('userCred', SAMPLE_SECRETS.userCred),
        nested: [1, { deep: true }],
      },
    },
    {
      type: 'systemAction',
      action: 'reject',
      reason: 'credentialError',
      info: 'Credentials do not match',
      room: 'room 1',
      rid: 'rk-1',
    },
    { type: 'peerJoined', peerId: 'peer-1', room: 'room 1', isSelf: true },
    { type: 'channelError', message: 'transport error' },
    { type: 'channelClose', reason: 'server' },
    {
      type: 'step.failed',
      step: 'join',
      error: { code: 'join.rejected', message: 'The server rejected `joinRoom`' },
    },
    {
      type: 'readyStateChange',
      state: -1,
      stateName: 'ERROR',
      room: 'room 1',
      error: {
        status: 200,
        errorCode: 4005,
        errorName: 'API_CREDENTIALS_NOT_MATCH',
        content: 'Credentials | do not match',
      },
    },
    { type: 'diagnosis', finding },
    {
      type: 'result',
      outcome: 'rejected',
      durationMs: 120,
      readyState: -1,
      readyStateError: null,
      systemAction: {
        action: 'reject',
        reason: 'credentialError',
        info: 'Credentials do not match',
      },
      error: { code: 'join.rejected', message: 'rejected', detail: { reason: 'credentialError' } },
      timings: {
        dnsMs: 1.5,
        tcpMs: 0.8,
        tlsMs: 3.2,
        ttfbMs: 12,
        totalMs: 14,
        apiAttempts: 2,
        socketConnectMs: 30,
        joinMs: 8,
        socketAttempts: 2,
      },
    },
  ];
  const events = unstamped.map((event, index) => ({
    ...event,
    seq: index + 1,
    t: index * 5,
    at: new Date(Date.UTC(2026, 11, 3, 9, 0, 0, index * 5)).toISOString(),
  }));
  const log: RunLog = {
    summary: {
      runId: 'run-42',
      profileId: 'p-1',
      profileName: 'Sample',
      source: 'live',
      startedAt: '2026-12-03T09:00:00.000Z',
      finishedAt: '2026-12-03T09:00:00.120Z',
      state: 'failed',
      outcome: 'rejected',
      headline: 'systemAction reject credentialError',
      durationMs: 120,
      eventCount: events.length,
      sdk: '0.6',
      authMode: 'credentials',
      repeatId: null,
    },
    events,
  };
  const profile: Profile = {
    id: 'p-1',
    name: 'Sample',
    description: '',
    server: 'sandbox',
    appKey: 'key-1',
    room: 'room 1',
    authMode: 'credentials',
    origin: 'https://app.example.com',
    startDateTime: '2026-12-03T09:00:00.000Z',
    duration: 2,
    credentialsSource: 'secret',
    sdk: '0.6',
    network,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };

  return { log, profile, findings: [finding], redactor };
}
