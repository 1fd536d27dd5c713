import {
  asObject,
  readChoice,
  readNullableString,
  readNumber,
  readObject,
  rejectUnknownKeys,
} from './field-reader';
import type { FaultName, FaultSpec, HttpFaultName, SocketFaultName } from './scenario-types';

/** Faults that act on the API's HTTP answer. */
export const HTTP_FAULTS: readonly HttpFaultName[] = [
  'delay',
  'hang',
  'reset',
  'truncated-json',
  'non-json',
  'wrong-types',
  'oversized',
  'slow-drip',
  'server-error',
  'redirect-loop',
];

/** Faults that act on the signalling socket. */
export const SOCKET_FAULTS: readonly SocketFaultName[] = [
  'socket-close-on-connect',
  'socket-garbage',
  'join-silent',
  'join-server-error',
];

/** Every fault name, for validation and `--describe`. */
export const FAULT_NAMES: readonly FaultName[] = [...HTTP_FAULTS, ...SOCKET_FAULTS];

/** Parameter defaults per fault; `ms` and `bytes` mean different things per fault. */
export const FAULT_DEFAULTS = {
  delayMs: 1_000,
  dripMs: 200,
  dripBytes: 16,
  oversizedBytes: 20 * 1024 * 1024,
  status: 503,
} as const;

/** Builds a fault with its defaults filled in. */
export function makeFault(
  fault: FaultName,
  params: { ms?: number; bytes?: number; status?: number; appKey?: string | null } = {},
): FaultSpec {
  const msDefault = fault === 'slow-drip' ? FAULT_DEFAULTS.dripMs : FAULT_DEFAULTS.delayMs;
  const bytesDefault =
    fault === 'slow-drip' ? FAULT_DEFAULTS.dripBytes : FAULT_DEFAULTS.oversizedBytes;

  return {
    fault,
    match: { path: null, appKey: params.appKey ?? null, room: null },
    ms: params.ms ?? msDefault,
    bytes: params.bytes ?? bytesDefault,
    status: params.status ?? FAULT_DEFAULTS.status,
  };
}

/** Reads one `faults[i]` entry. */
export function readFault(item: unknown, path: string, appKey: string | null = null): FaultSpec {
  const object = asObject(item, path);
  rejectUnknownKeys(object, ['fault', 'match', 'ms', 'bytes', 'status'], path);
  // `fault` has no sensible default, so a missing one is reported like a wrong one.
  const fault = readChoice<FaultName>(
    { fault: object.fault ?? null },
    'fault',
    path,
    FAULT_NAMES,
    'delay',
  );
  const matchPath = `${path}.match`;
  const match = readObject(object, 'match', path);
  rejectUnknownKeys(match, ['path', 'appKey', 'room'], matchPath);
  const base = makeFault(fault, { appKey });

  return {
    fault,
    match: {
      path: readNullableString(match, 'path', matchPath),
      appKey: appKey ?? readNullableString(match, 'appKey', matchPath),
      room: readNullableString(match, 'room', matchPath),
    },
    ms: readNumber(object, 'ms', path, { fallback: base.ms, min: 0, max: 600_000 }),
    bytes: readNumber(object, 'bytes', path, {
      fallback: base.bytes,
      min: 1,
      max: 512 * 1024 * 1024,
      integer: true,
    }),
    status: readNumber(object, 'status', path, {
      fallback: base.status,
      min: 500,
      max: 599,
      integer: true,
    }),
  };
}
