import type { Finding } from './diagnosis';
import type { ErrorInfo } from './result';
import type { PlanSummary } from './run-plan';
import type { ReadyState, ReadyStateName, SocketErrorCode, SocketFallback } from './sdk-constants';

/**
 * Every value in an event is redacted at the source: secrets never enter an event, and
 * credentials and tokens appear only as markers such as `[REDACTED:credentials#3f9a1c2b]`
 * (see {@link REDACTION_MARKER_PATTERN}).
 */
export interface EventBase {
  /** Rises by one per event within a run, from 1. */
  seq: number;
  /** Milliseconds since the run started, from a monotonic clock. */
  t: number;
  /** Wall-clock time of the event, ISO 8601 in UTC. */
  at: string;
}

/** The phases an event belongs to, for grouping in the timeline. */
export type Phase = 'setup' | 'api' | 'signalling' | 'outcome';

/** HTTP timings of one API attempt, in milliseconds; `null` where the phase did not happen. */
export interface PhaseTimings {
  dnsMs: number | null;
  tcpMs: number | null;
  tlsMs: number | null;
  /** Time to first byte, measured from the start of the attempt. */
  ttfbMs: number | null;
  totalMs: number | null;
}

/** What the peer certificate says about itself. */
export interface PeerCertificate {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  subjectAltName: string | null;
}

/** The `error` object of a `readyStateChange`, computed as the chosen SDK flavour computes it. */
export interface ReadyStateError {
  /** HTTP status, `-1` for a network failure or a timeout, `-2` for a local precondition. */
  status: number;
  errorCode: number;
  /** The SDK constant's name for `errorCode`, or `null` where it has none (a raw HTTP status). */
  errorName: string | null;
  content: string;
}

/** Run inputs, as the run will use them (redacted). */
export interface RunStartEvent extends EventBase {
  type: 'run.start';
  plan: PlanSummary;
  engineVersion: string;
}

/** The SDK's `readyStateChange`, with its own state numbers and error shape. */
export interface ReadyStateChangeEvent extends EventBase {
  type: 'readyStateChange';
  state: ReadyState;
  stateName: ReadyStateName;
  room: string | null;
  error: ReadyStateError | null;
}

/** The SDK's `systemAction`, raised by a `redirect` message from the signalling server. */
export interface SystemActionEvent extends EventBase {
  type: 'systemAction';
  /** `warning` or `reject` (`locked` is a 2.x constant only); kept open for unknown ones. */
  action: string;
  /**
   * The SDK's reason value: 0.6.x reports the wire's `toClose` as `toclose`; 2.x passes it
   * through as sent.
   */
  reason: string;
  info: string;
  room: string | null;
  rid: string | null;
}

/** The SDK's `channelOpen`: the signalling socket connected. */
export interface ChannelOpenEvent extends EventBase {
  type: 'channelOpen';
  url: string;
  transport: 'websocket' | 'polling';
}

/** The SDK's `channelClose`: the signalling socket closed. */
export interface ChannelCloseEvent extends EventBase {
  type: 'channelClose';
  /** Our own reason, mapped from socket.io's; raw socket.io strings never reach the UI. */
  reason: 'client' | 'server' | 'transport' | 'timeout' | 'error';
}

/** The SDK's `channelError`: an error on an open channel. */
export interface ChannelErrorEvent extends EventBase {
  type: 'channelError';
  message: string;
}

/** The SDK's `socketError`, with `SOCKET_ERROR` codes and the ladder rung. */
export interface SocketErrorEvent extends EventBase {
  type: 'socketError';
  errorCode: SocketErrorCode;
  errorName: string;
  fallbackType: SocketFallback | null;
  message: string;
}

/** The SDK's `peerJoined` for ourselves: `inRoom` arrived. */
export interface PeerJoinedEvent extends EventBase {
  type: 'peerJoined';
  peerId: string;
  room: string;
  isSelf: true;
}

/** A name resolution. */
export interface DnsEvent extends EventBase {
  type: 'dns';
  host: string;
  addresses: string[];
  family: 4 | 6 | null;
  durationMs: number;
}

/** A TCP connection made (or refused). */
export interface TcpEvent extends EventBase {
  type: 'tcp';
  address: string;
  port: number;
  durationMs: number;
  /** Present when the connection went through an HTTP proxy. */
  proxy?: string;
}

/** A finished TLS handshake. */
export interface TlsEvent extends EventBase {
  type: 'tls';
  protocol: string | null;
  cipher: string | null;
  durationMs: number;
  authorized: boolean;
  authorizationError: string | null;
  peer: PeerCertificate | null;
  /** `true` when the profile asked to skip certificate checks. */
  insecure: boolean;
}

/** An HTTP request sent (redacted URL and headers). */
export interface HttpRequestEvent extends EventBase {
  type: 'http.request';
  /** Which request of the run: `api` for the auth request, `socket.io` for polling handshakes. */
  purpose: 'api' | 'socket.io';
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** An HTTP response received. */
export interface HttpResponseEvent extends EventBase {
  type: 'http.response';
  purpose: 'api' | 'socket.io';
  attempt: number;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  httpVersion: string;
  /** The body as text (redacted), cut at the engine's body cap. */
  body: string;
  bodyBytes: number;
  /** `true` when the body exceeded the cap and was cut. */
  truncated: boolean;
  remoteAddress: string | null;
  remotePort: number | null;
  /** The server's `Date` header, as sent. */
  serverDate: string | null;
  timings: PhaseTimings;
}

/** An API attempt failed and another follows (0.6.27+: 4 s per attempt, 2 retries). */
export interface HttpRetryEvent extends EventBase {
  type: 'http.retry';
  attempt: number;
  reason: string;
  delayMs: number;
}

/** The API response, parsed and validated (tokens redacted). */
export interface ApiParsedEvent extends EventBase {
  type: 'api.parsed';
  fields: Record<string, unknown>;
  signalling: { host: string; path: string; httpPorts: number[]; httpsPorts: number[] };
}

/** One rung of the signalling port/transport ladder is being tried. */
export interface SocketAttemptEvent extends EventBase {
  type: 'socket.attempt';
  attempt: number;
  url: string;
  port: number | null;
  transport: 'websocket' | 'polling';
  fallbackType: SocketFallback;
}

/** A signalling message sent or received (redacted). */
export interface SocketMessageEvent extends EventBase {
  type: 'socket.message';
  direction: 'sent' | 'received';
  messageType: string;
  payload: unknown;
}

/** A step failed; carries the engine's own error. */
export interface StepFailedEvent extends EventBase {
  type: 'step.failed';
  step: 'resolve' | 'request' | 'parse' | 'connect' | 'join' | 'settle' | 'plan';
  error: ErrorInfo;
}

/** A diagnosis finding, placed in the timeline. */
export interface DiagnosisEvent extends EventBase {
  type: 'diagnosis';
  finding: Finding;
}

/** A human-readable note from the engine (a decision it made, a value it chose). */
export interface NoteEvent extends EventBase {
  type: 'note';
  level: 'info' | 'warn';
  message: string;
  detail?: Record<string, unknown>;
}

/** How a run ended. */
export type RunOutcome = 'joined' | 'rejected' | 'failed' | 'cancelled';

/** The last event of every run, exactly once. */
export interface ResultEvent extends EventBase {
  type: 'result';
  outcome: RunOutcome;
  durationMs: number;
  /** The last ready state the run reached. */
  readyState: ReadyState;
  /** The `readyStateChange` error, when the run ended in `ERROR`. */
  readyStateError: ReadyStateError | null;
  /** The rejecting `systemAction`, when the run was rejected. */
  systemAction: { action: string; reason: string; info: string } | null;
  error: ErrorInfo | null;
  /** Timings of the successful (or last) API attempt and of the signalling steps. */
  timings: RunTimings;
}

/** A summary of where the run's time went, in milliseconds. */
export interface RunTimings extends PhaseTimings {
  apiAttempts: number;
  socketConnectMs: number | null;
  joinMs: number | null;
  socketAttempts: number;
}

/** One discriminated union of everything a run reports. */
export type TimelineEvent =
  | RunStartEvent
  | ReadyStateChangeEvent
  | SystemActionEvent
  | ChannelOpenEvent
  | ChannelCloseEvent
  | ChannelErrorEvent
  | SocketErrorEvent
  | PeerJoinedEvent
  | DnsEvent
  | TcpEvent
  | TlsEvent
  | HttpRequestEvent
  | HttpResponseEvent
  | HttpRetryEvent
  | ApiParsedEvent
  | SocketAttemptEvent
  | SocketMessageEvent
  | StepFailedEvent
  | DiagnosisEvent
  | NoteEvent
  | ResultEvent;

/** The `type` of a timeline event. */
export type TimelineEventType = TimelineEvent['type'];

/** An event before the engine stamps `seq`, `t` and `at`. */
export type UnstampedEvent = TimelineEvent extends infer E
  ? E extends TimelineEvent
    ? Omit<E, 'seq' | 't' | 'at'>
    : never
  : never;

/** The events the SDK itself emits, which the timeline shows prominently. */
export const SDK_EVENT_TYPES: readonly TimelineEventType[] = [
  'readyStateChange',
  'systemAction',
  'channelOpen',
  'channelClose',
  'channelError',
  'socketError',
  'peerJoined',
];

/** Which phase an event belongs to. */
export function phaseOf(event: TimelineEvent): Phase {
  switch (event.type) {
    case 'run.start':
    case 'note':
      return 'setup';
    case 'readyStateChange':
    case 'dns':
    case 'tcp':
    case 'tls':
    case 'http.request':
    case 'http.response':
    case 'http.retry':
    case 'api.parsed':
      return 'api';
    case 'systemAction':
    case 'channelOpen':
    case 'channelClose':
    case 'channelError':
    case 'socketError':
    case 'peerJoined':
    case 'socket.attempt':
    case 'socket.message':
      return 'signalling';
    case 'step.failed':
      return event.step === 'connect' || event.step === 'join' || event.step === 'settle'
        ? 'signalling'
        : 'api';
    case 'diagnosis':
    case 'result':
      return 'outcome';
  }
}

/** How loud an event is, for filters and colour. */
export type Severity = 'debug' | 'info' | 'warn' | 'error';

/** The severity of an event. */
export function severityOf(event: TimelineEvent): Severity {
  switch (event.type) {
    case 'readyStateChange':
      return event.state === -1 ? 'error' : 'info';
    case 'systemAction':
      return event.action === 'reject' ? 'error' : 'warn';
    case 'socketError':
      return event.errorCode === -4 ? 'warn' : 'error';
    case 'channelError':
    case 'step.failed':
      return 'error';
    case 'http.retry':
      return 'warn';
    case 'note':
      return event.level;
    case 'diagnosis':
      return event.finding.severity;
    case 'result':
      return event.outcome === 'joined' ? 'info' : 'error';
    case 'http.response':
      return event.status >= 400 ? 'warn' : 'debug';
    case 'tls':
      return event.authorized || event.insecure ? 'debug' : 'warn';
    case 'run.start':
    case 'channelOpen':
    case 'channelClose':
    case 'peerJoined':
      return 'info';
    case 'dns':
    case 'tcp':
    case 'http.request':
    case 'api.parsed':
    case 'socket.attempt':
    case 'socket.message':
      return 'debug';
  }
}

/**
 * Matches a redaction marker: `[REDACTED:<kind>]` or `[REDACTED:<kind>#<8 hex>]`. The hash is
 * an HMAC of the value under a salt that lives only in memory, so equal values give equal
 * markers within one session and reveal nothing.
 */
export const REDACTION_MARKER_PATTERN = /\[REDACTED:([a-zA-Z]+)(?:#([0-9a-f]{8}))?\]/g;

/** Kinds of sensitive value the redactor knows. */
export type SensitiveKind = 'secret' | 'credentials' | 'roomCred' | 'userCred' | 'token' | 'cookie';
