import { z } from 'zod';

import { ERROR_CODES, NetworkOptionsSchema, SDK_FLAVOURS } from '../../contract';

/*
 * Structural schemas of imported data. They check what the timeline, the diagnosis and the
 * exporters read, so an imported run can be shown and exported again without a crash; values
 * that are free-form in the contract (`payload`, `fields`, `detail`) stay `unknown`.
 */

const MAX_TEXT = 1_000_000;
const text = z.string().max(MAX_TEXT);
const shortText = z.string().max(10_000);
const nullableText = text.nullable();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ms = z.number().min(-1e12).max(1e12);
const nullableMs = ms.nullable();
const stringMap = z.record(shortText, text);
const freeRecord = z.record(shortText, z.unknown());

/** An `ErrorInfo`. */
export const ErrorInfoSchema = z.object({
  // A newer build may know codes this one does not; the shape is what matters to show it.
  code: z
    .string()
    .regex(/^[a-z][a-z.-]{0,60}$/, `Expected an error code such as \`${ERROR_CODES[0] ?? ''}\``),
  message: text,
  detail: freeRecord.optional(),
});

/** A `Finding`. */
export const FindingSchema = z.object({
  id: shortText,
  verdict: text,
  confidence: z.enum(['high', 'medium', 'low']),
  severity: z.enum(['debug', 'info', 'warn', 'error']),
  evidence: z.array(count).max(100_000),
  nextStep: text,
  catalogKey: shortText.optional(),
  detail: freeRecord.optional(),
});

const readyState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(-1)]);
const readyStateName = z.enum(['INIT', 'LOADING', 'COMPLETED', 'ERROR']);
const fallback = z.enum([
  'nonfallback',
  'fallbackPortNonSSL',
  'fallbackPortSSL',
  'fallbackLongPollingNonSSL',
  'fallbackLongPollingSSL',
]);
const transport = z.enum(['websocket', 'polling']);
const purpose = z.enum(['api', 'socket.io']);

const readyStateError = z.object({
  status: z.number().int(),
  errorCode: z.number().int(),
  errorName: shortText.nullable(),
  content: text,
});

const phaseTimings = {
  dnsMs: nullableMs,
  tcpMs: nullableMs,
  tlsMs: nullableMs,
  ttfbMs: nullableMs,
  totalMs: nullableMs,
};

const runTimings = z.object({
  ...phaseTimings,
  apiAttempts: count,
  socketConnectMs: nullableMs,
  joinMs: nullableMs,
  socketAttempts: count,
});

const planSummary = z.object({
  profileId: shortText.nullable(),
  profileName: shortText,
  server: shortText,
  embeddedSandbox: z.boolean(),
  appKey: shortText,
  room: shortText,
  authMode: z.enum(['cors', 'credentials']),
  origin: shortText.nullable(),
  startDateTime: shortText.nullable(),
  duration: shortText.nullable(),
  credentials: shortText.nullable(),
  credentialsSource: z.enum(['computed', 'given']).nullable(),
  sdk: z.enum(SDK_FLAVOURS),
  network: NetworkOptionsSchema,
});

const peer = z.object({
  subject: text,
  issuer: text,
  validFrom: shortText,
  validTo: shortText,
  fingerprint256: shortText,
  subjectAltName: nullableText,
});

const base = {
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  t: ms,
  at: z.string().max(100),
};

/** Every timeline event variant, by `type`. */
export const TimelineEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('run.start'), plan: planSummary, engineVersion: shortText }),
  z.object({
    ...base,
    type: z.literal('readyStateChange'),
    state: readyState,
    stateName: readyStateName,
    room: shortText.nullable(),
    error: readyStateError.nullable(),
  }),
  z.object({
    ...base,
    type: z.literal('systemAction'),
    action: shortText,
    reason: shortText,
    info: text,
    room: shortText.nullable(),
    rid: shortText.nullable(),
  }),
  z.object({ ...base, type: z.literal('channelOpen'), url: text, transport }),
  z.object({
    ...base,
    type: z.literal('channelClose'),
    reason: z.enum(['client', 'server', 'transport', 'timeout', 'error']),
  }),
  z.object({ ...base, type: z.literal('channelError'), message: text }),
  z.object({
    ...base,
    type: z.literal('socketError'),
    errorCode: z.union([z.literal(0), z.literal(-1), z.literal(-2), z.literal(-3), z.literal(-4)]),
    errorName: shortText,
    fallbackType: fallback.nullable(),
    message: text,
  }),
  z.object({
    ...base,
    type: z.literal('peerJoined'),
    peerId: shortText,
    room: shortText,
    isSelf: z.literal(true),
  }),
  z.object({
    ...base,
    type: z.literal('dns'),
    host: shortText,
    addresses: z.array(shortText).max(1000),
    family: z.union([z.literal(4), z.literal(6)]).nullable(),
    durationMs: ms,
  }),
  z.object({
    ...base,
    type: z.literal('tcp'),
    address: shortText,
    port: z.number().int().min(0).max(65_535),
    durationMs: ms,
    proxy: shortText.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('tls'),
    protocol: shortText.nullable(),
    cipher: shortText.nullable(),
    durationMs: ms,
    authorized: z.boolean(),
    authorizationError: nullableText,
    peer: peer.nullable(),
    insecure: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('http.request'),
    purpose,
    attempt: count,
    method: shortText,
    url: text,
    headers: stringMap,
  }),
  z.object({
    ...base,
    type: z.literal('http.response'),
    purpose,
    attempt: count,
    status: z.number().int().min(0).max(999),
    statusText: shortText,
    headers: stringMap,
    httpVersion: shortText,
    body: text,
    bodyBytes: count,
    truncated: z.boolean(),
    remoteAddress: shortText.nullable(),
    remotePort: z.number().int().min(0).max(65_535).nullable(),
    serverDate: shortText.nullable(),
    timings: z.object(phaseTimings),
  }),
  z.object({
    ...base,
    type: z.literal('http.retry'),
    attempt: count,
    reason: text,
    delayMs: ms,
  }),
  z.object({
    ...base,
    type: z.literal('api.parsed'),
    fields: freeRecord,
    signalling: z.object({
      host: shortText,
      path: shortText,
      httpPorts: z.array(z.number().int()).max(1000),
      httpsPorts: z.array(z.number().int()).max(1000),
    }),
  }),
  z.object({
    ...base,
    type: z.literal('socket.attempt'),
    attempt: count,
    url: text,
    port: z.number().int().min(0).max(65_535).nullable(),
    transport,
    fallbackType: fallback,
  }),
  z.object({
    ...base,
    type: z.literal('socket.message'),
    direction: z.enum(['sent', 'received']),
    messageType: shortText,
    payload: z.unknown(),
  }),
  z.object({
    ...base,
    type: z.literal('step.failed'),
    step: z.enum(['resolve', 'request', 'parse', 'connect', 'join', 'settle', 'plan']),
    error: ErrorInfoSchema,
  }),
  z.object({ ...base, type: z.literal('diagnosis'), finding: FindingSchema }),
  z.object({
    ...base,
    type: z.literal('note'),
    level: z.enum(['info', 'warn']),
    message: text,
    detail: freeRecord.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('result'),
    outcome: z.enum(['joined', 'rejected', 'failed', 'cancelled']),
    durationMs: ms,
    readyState,
    readyStateError: readyStateError.nullable(),
    systemAction: z.object({ action: shortText, reason: shortText, info: text }).nullable(),
    error: ErrorInfoSchema.nullable(),
    timings: runTimings,
  }),
]);

/** The `run` summary of a bundle. */
export const RunSummarySchema = z.object({
  runId: shortText.min(1),
  profileId: shortText.nullable(),
  profileName: shortText,
  source: z.enum(['live', 'imported']),
  startedAt: z.string().max(100),
  finishedAt: z.string().max(100).nullable(),
  state: z.enum(['idle', 'http', 'signalling', 'done', 'failed', 'cancelled']),
  outcome: z.enum(['joined', 'rejected', 'failed', 'cancelled']).nullable(),
  headline: text,
  durationMs: nullableMs,
  eventCount: count,
  sdk: z.enum(SDK_FLAVOURS),
  authMode: z.enum(['cors', 'credentials']),
  repeatId: shortText.nullable(),
});

/** Timings in a bundle: the run's, or `null`. */
export const RunTimingsSchema = runTimings.nullable();
