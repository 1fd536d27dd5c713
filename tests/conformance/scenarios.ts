import {
  DEMO_APP_KEYS,
  DEMO_MEETING,
  DEMO_ROOMS,
  DEMO_SECRETS,
} from '../../electron/core/demo-apps';
import { defaultScenarioJson } from '../../electron/sandbox';

import type { SdkVersion } from './sdk-bundle';

/** Which sandbox a scenario runs against: options that apply to a whole sandbox get their own. */
export type SandboxVariant = 'main' | 'ladder' | 'stale-token';

/** Where the SDK's `roomServer` points. */
export type ScenarioTarget =
  /** The sandbox of the scenario's variant. */
  | 'sandbox'
  /** A loopback port nothing listens on: the API request is refused. */
  | 'refused'
  /** A loopback server that accepts connections and never answers. */
  | 'silent';

/** How the run authenticates; a credentials start is a relative token resolved per run. */
export type ScenarioAuth =
  { mode: 'cors' } | { mode: 'credentials'; start: string; duration: number; secret: string };

/** One row of the conformance matrix, run once per SDK version. */
export interface ConformanceScenario {
  id: string;
  title: string;
  group: 'success' | 'api-error' | 'network' | 'redirect' | 'ladder' | 'in-room' | 'fault';
  target: ScenarioTarget;
  sandbox: SandboxVariant;
  appKey: string;
  room: string;
  auth: ScenarioAuth;
  /** Versions known to wait for ever here; their runs get a short deadline. */
  hangsIn?: readonly SdkVersion[];
  /** Stay this long after joining, to see what the server sends in the room. */
  stayInRoomMs?: number;
}

/** Keys the matrix adds to the default scenario, for outcomes the demo keys do not give. */
export const EXTRA_KEYS = {
  /** CORS-listed for another host only, so the page's origin gets 4003. */
  strictCors: 'conformance-strict-cors-key',
  /** Joins are answered `redirect reject serverError` (the sandbox's join fault). */
  serverError: 'conformance-server-error-key',
} as const;

const CORS: ScenarioAuth = { mode: 'cors' };
const LOBBY = DEMO_ROOMS.lobby;

function credentials(start: string, duration: number, secret?: string): ScenarioAuth {
  return {
    mode: 'credentials',
    start,
    duration,
    secret: secret ?? DEMO_SECRETS[DEMO_APP_KEYS.credentials] ?? '',
  };
}

function apiError(code: number, appKey: string, auth: ScenarioAuth = CORS, room: string = LOBBY) {
  return {
    id: `api-${code}`,
    title: `API error ${code}`,
    group: 'api-error',
    target: 'sandbox',
    sandbox: 'main',
    appKey,
    room,
    auth,
  } satisfies ConformanceScenario;
}

function redirect(reason: string, appKey: string, auth: ScenarioAuth, room: string = LOBBY) {
  return {
    id: `redirect-${reason}`,
    title: `Join rejected: ${reason}`,
    group: 'redirect',
    target: 'sandbox',
    sandbox: reason === 'oldTimeStamp' ? 'stale-token' : 'main',
    appKey,
    room,
    auth,
  } satisfies ConformanceScenario;
}

const k = DEMO_APP_KEYS;

// Known limit: `credentialError` and `fastmsg` are not in the matrix: a real SDK forwards the
// API's tokens untouched and does not flood a one-person room, so neither can be provoked.
/** The matrix, in table order. */
export const SCENARIOS: readonly ConformanceScenario[] = [
  {
    id: 'success-cors',
    title: 'Joins in CORS mode',
    group: 'success',
    target: 'sandbox',
    sandbox: 'main',
    appKey: k.cors,
    room: LOBBY,
    auth: CORS,
  },
  {
    id: 'success-credentials',
    title: 'Joins in credentials mode',
    group: 'success',
    target: 'sandbox',
    sandbox: 'main',
    appKey: k.credentials,
    room: LOBBY,
    auth: credentials('now', 2),
  },
  {
    id: 'success-persistent-meeting',
    title: "Joins a persistent key's scheduled meeting (credentials mode)",
    group: 'success',
    target: 'sandbox',
    sandbox: 'main',
    appKey: k.persistent,
    room: DEMO_MEETING.room,
    auth: credentials(
      DEMO_MEETING.startDateTime,
      DEMO_MEETING.duration,
      DEMO_SECRETS[k.persistent],
    ),
  },
  apiError(4001, 'conformance-unknown-key'),
  apiError(4002, k.domainBound),
  apiError(4003, EXTRA_KEYS.strictCors),
  apiError(4004, k.credentialsOnly),
  apiError(4005, k.credentials, credentials('now', 2, 'not-the-secret')),
  apiError(4006, k.orphan),
  apiError(
    4010,
    k.persistent,
    credentials('now', 1, DEMO_SECRETS[k.persistent]),
    DEMO_MEETING.room,
  ),
  apiError(4020, k.seats),
  apiError(4021, k.tokenFailure),
  apiError(5005, k.otherServer),
  {
    id: 'network-refused',
    title: 'Auth server port refuses the connection',
    group: 'network',
    target: 'refused',
    sandbox: 'main',
    appKey: k.cors,
    room: LOBBY,
    auth: CORS,
  },
  {
    id: 'network-timeout',
    title: 'Auth server never answers',
    group: 'network',
    target: 'silent',
    sandbox: 'main',
    appKey: k.cors,
    room: LOBBY,
    auth: CORS,
    hangsIn: ['2.7.2'],
  },
  redirect('expired', k.credentials, credentials('now-3h', 1)),
  redirect('notStart', k.credentials, credentials('now+2h', 1)),
  redirect('locked', k.cors, CORS, DEMO_ROOMS.locked),
  redirect('duplicatedLogin', k.cors, CORS, DEMO_ROOMS.duplicateLogin),
  redirect('keyFailed', k.disabled, CORS),
  redirect('serverError', EXTRA_KEYS.serverError, CORS),
  redirect('oldTimeStamp', k.cors, CORS),
  {
    id: 'in-room-toClose-roomclose',
    title: 'Session ends 3 s after joining: warning toClose, then reject roomclose',
    group: 'in-room',
    target: 'sandbox',
    sandbox: 'main',
    appKey: k.credentials,
    room: LOBBY,
    // One hour that started 59.95 minutes ago: the sandbox warns at once and closes at the end.
    auth: credentials('now-59.95m', 1),
    stayInRoomMs: 6000,
  },
  {
    id: 'ladder-second-port',
    title: 'Signalling reachable only on its second port',
    group: 'ladder',
    target: 'sandbox',
    sandbox: 'ladder',
    appKey: k.cors,
    room: LOBBY,
    auth: CORS,
    hangsIn: ['2.7.2'],
  },
];

/** A sandbox fault, with the parameters the matrix runs it with. */
export interface FaultCase {
  fault: string;
  ms?: number;
  bytes?: number;
  hangsIn?: readonly SdkVersion[];
}

/**
 * Hostile-server faults: beyond the platform's own answers, how each SDK copes with a broken
 * one. Each gets its own key, so one sandbox holds them all.
 */
export const FAULT_CASES: readonly FaultCase[] = [
  // 0.6 runs JSON.parse on the HTML inside its XHR handler: it throws, and nothing follows.
  { fault: 'server-error', hangsIn: ['0.6.37'] },
  { fault: 'non-json', hangsIn: ['0.6.37', '2.7.2'] },
  { fault: 'truncated-json', hangsIn: ['0.6.37', '2.7.2'] },
  { fault: 'wrong-types', hangsIn: ['0.6.37', '2.7.2'] },
  { fault: 'reset', hangsIn: ['2.7.2'] },
  { fault: 'redirect-loop' },
  { fault: 'delay', ms: 200 },
  // About 20 chunks 100 ms apart (2 s or more): longer than 0.6's per-attempt `apiTimeout`.
  { fault: 'slow-drip', ms: 100, bytes: 32 },
  { fault: 'oversized', bytes: 2 * 1024 * 1024, hangsIn: ['2.7.2'] },
  { fault: 'hang', hangsIn: ['2.7.2'] },
  { fault: 'socket-close-on-connect', hangsIn: ['0.6.37', '2.7.2'] },
  { fault: 'socket-garbage', hangsIn: ['0.6.37', '2.7.2'] },
  { fault: 'join-silent', hangsIn: ['0.6.37', '2.7.2'] },
];

/** The key that carries a fault in the matrix's sandbox. */
export function faultKey(fault: string): string {
  return `conformance-fault-${fault}-key`;
}

/** The fault rows of the matrix. */
export const FAULT_SCENARIOS: readonly ConformanceScenario[] = FAULT_CASES.map((faultCase) => ({
  id: `fault-${faultCase.fault}`,
  title: `Sandbox fault \`${faultCase.fault}\``,
  group: 'fault',
  target: 'sandbox',
  sandbox: 'main',
  appKey: faultKey(faultCase.fault),
  room: LOBBY,
  auth: CORS,
  ...(faultCase.hangsIn === undefined ? {} : { hangsIn: faultCase.hangsIn }),
}));

/** The sandbox scenario JSON of a variant: the default apps plus the matrix's own keys. */
export function sandboxScenarioJson(variant: SandboxVariant): Record<string, unknown> {
  const base = defaultScenarioJson();
  const apps = [
    ...(base.apps as Record<string, unknown>[]),
    {
      appKey: EXTRA_KEYS.strictCors,
      secret: 'conformance-strict-secret',
      corsUrls: ['shop.example.org'],
    },
    {
      appKey: EXTRA_KEYS.serverError,
      secret: 'conformance-server-error-secret',
      corsUrls: ['app.example.com'],
      faults: [{ fault: 'join-server-error' }],
    },
    ...FAULT_CASES.map(({ fault, ms, bytes }) => ({
      appKey: faultKey(fault),
      secret: `conformance-fault-${fault}-secret`,
      corsUrls: ['app.example.com'],
      faults: [
        { fault, ...(ms === undefined ? {} : { ms }), ...(bytes === undefined ? {} : { bytes }) },
      ],
    })),
  ];
  const signalling =
    variant === 'ladder'
      ? { deadPorts: 1 }
      : variant === 'stale-token'
        ? // Any token is older than zero seconds by the time the join arrives.
          { tokenMaxAgeSeconds: 0 }
        : {};

  return { ...base, apps, signalling };
}
