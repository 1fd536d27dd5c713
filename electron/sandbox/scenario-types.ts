/**
 * The shape of a validated scenario. Every field is filled in: `parseScenario` applies the
 * documented defaults (docs/sandbox.md), so the server never has to guess.
 */

/** HTTP-level faults, for hostile-server tests. */
export type HttpFaultName =
  | 'delay'
  | 'hang'
  | 'reset'
  | 'truncated-json'
  | 'non-json'
  | 'wrong-types'
  | 'oversized'
  | 'slow-drip'
  | 'server-error'
  | 'redirect-loop';

/** Signalling-level faults. */
export type SocketFaultName =
  'socket-close-on-connect' | 'socket-garbage' | 'join-silent' | 'join-server-error';

/** Any fault the sandbox can inject. */
export type FaultName = HttpFaultName | SocketFaultName;

/** Which requests or joins a fault applies to; an empty match applies to all. */
export interface FaultMatch {
  /** The request path starts with this (`/api/`, `/socket.io`). */
  path: string | null;
  appKey: string | null;
  room: string | null;
}

/** One fault and its parameters. */
export interface FaultSpec {
  fault: FaultName;
  match: FaultMatch;
  /** `delay`: wait before answering; `slow-drip`: pause between chunks. */
  ms: number;
  /** `oversized`: body size; `slow-drip`: chunk size. */
  bytes: number;
  /** `server-error`: the 5xx status sent. */
  status: number;
}

/** A scheduled meeting of a persistent key. */
export interface ScenarioMeeting {
  room: string;
  /** ISO 8601, or a relative token of `resolveStartToken` (`today`, `half-day`, `now-1h`). */
  startDateTime: string;
  /** Hours. */
  duration: number;
}

/** One app key as the platform knows it. */
export interface ScenarioApp {
  appKey: string;
  secret: string;
  /** Hosts allowed in CORS mode (`app.example.com`), as the platform's CORS url list holds. */
  corsUrls: string[];
  persistent: boolean;
  meetings: ScenarioMeeting[];
  /** Concurrent joined users allowed; at or above it the API answers 4020. */
  seatLimit: number;
  /** False reproduces a key whose app was deleted (4006). */
  parentApp: boolean;
  /** False: the API answers, the join is rejected with `keyFailed`. */
  enabled: boolean;
  /** The auth host this key belongs to; the request's `Host` must equal it (else 5005). */
  authHost: string | null;
  /** The server IP the key is bound to; another caller IP gets 4002. */
  domainName: string | null;
  /** True: token minting fails (4021). */
  mintingFails: boolean;
  faults: FaultSpec[];
  /** The auth mode `--describe` prints a command for. */
  describeMode: 'cors' | 'credentials';
  /** Free text shown by `--describe`. */
  description: string;
}

/** A room of one key (`*` = every key). */
export interface RoomRef {
  appKey: string;
  room: string;
}

/** How the origin of a CORS request is compared with `corsUrls`. */
export type CorsMatchRule = 'host' | 'host-port' | 'origin';

/** Where the credentials window (`expired`, `notStart`) is checked. */
export type WindowCheckSite = 'join' | 'api';

/** Signalling options. */
export interface SignallingOptions {
  /** Unreachable ports advertised before the live ones. */
  deadPorts: number;
  /** `closed`: nothing listens; `reset`: a listener accepts and destroys each connection. */
  deadPortMode: 'closed' | 'reset';
  /** Extra live ports advertised after the main one. */
  extraLivePorts: number;
  tokenMaxAgeSeconds: number;
  fastMessageIntervalMs: number;
  toCloseLeadSeconds: number;
  /** Sent in `inRoom.pc_config.iceServers`. */
  iceServers: Record<string, unknown>[];
}

/** JSON-encoded strings sent as `pc_constraints`, `offer_constraints`, `media_constraints`. */
export interface ConstraintStrings {
  pc: string;
  offer: string;
  media: string;
}

/** A complete, validated scenario. */
export interface Scenario {
  apps: ScenarioApp[];
  lockedRooms: RoomRef[];
  duplicateLoginRooms: RoomRef[];
  clockOffsetMs: number;
  faults: FaultSpec[];
  /** Allow `?fault=<name>` on API requests. */
  allowQueryFaults: boolean;
  /** HTTP status per API error code; codes not listed use the built-in table. */
  httpStatusByCode: Record<string, number>;
  corsMatch: CorsMatchRule;
  /** Code for a CORS request to an app with `corsUrls: []`. */
  emptyCorsUrlsCode: 4003 | 4004;
  windowCheck: WindowCheckSite;
  /** Which keys get `notStart` for a future window: every key, or persistent keys only. */
  notStartApplies: 'all' | 'persistent';
  /** Code the API answers when `windowCheck` is `api` and the window is closed. */
  windowApiCode: number;
  /** Longest accepted credentials duration in hours; null = not enforced. */
  maxDurationHours: number | null;
  /** `auto`: `host:port` only for requests with `X-Server-Select` (2.x). */
  ipSigserverStyle: 'auto' | 'host' | 'host-port';
  signalling: SignallingOptions;
  constraints: ConstraintStrings;
  /** Free text shown by `--describe`. */
  description: string;
}
