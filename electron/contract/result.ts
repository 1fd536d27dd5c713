/**
 * The engine's own failure codes. SDK-level codes (4001, `expired`, …) travel in
 * `readyStateChange` and `systemAction` events; these name what went wrong around them.
 */
export type ErrorCode =
  | 'dns.failed'
  | 'tcp.refused'
  | 'tcp.reset'
  | 'tcp.timeout'
  | 'tls.failed'
  | 'tls.untrusted'
  | 'http.timeout'
  | 'http.status'
  | 'http.malformed'
  | 'http.too-large'
  | 'http.redirect'
  | 'proxy.failed'
  | 'api.rejected'
  | 'socket.refused'
  | 'socket.timeout'
  | 'socket.handshake'
  | 'socket.closed'
  | 'socket.garbage'
  | 'join.timeout'
  | 'join.rejected'
  | 'run.deadline'
  | 'run.cancelled'
  | 'profile.invalid'
  | 'profile.not-found'
  | 'input.invalid'
  | 'secret.missing'
  | 'secret.unavailable'
  | 'store.corrupt'
  | 'import.invalid'
  | 'import.newer-version'
  | 'internal';

/** Every engine error code, for validation and for the catalog's completeness test. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'dns.failed',
  'tcp.refused',
  'tcp.reset',
  'tcp.timeout',
  'tls.failed',
  'tls.untrusted',
  'http.timeout',
  'http.status',
  'http.malformed',
  'http.too-large',
  'http.redirect',
  'proxy.failed',
  'api.rejected',
  'socket.refused',
  'socket.timeout',
  'socket.handshake',
  'socket.closed',
  'socket.garbage',
  'join.timeout',
  'join.rejected',
  'run.deadline',
  'run.cancelled',
  'profile.invalid',
  'profile.not-found',
  'input.invalid',
  'secret.missing',
  'secret.unavailable',
  'store.corrupt',
  'import.invalid',
  'import.newer-version',
  'internal',
];

/** A failure in a shape that survives structured clone, IPC and JSON. */
export interface ErrorInfo {
  code: ErrorCode;
  /** States what was expected and what came, identifiers in backticks, no trailing period. */
  message: string;
  detail?: Record<string, unknown>;
}

/** The return shape of every request that can fail; nothing crosses IPC as a throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an {@link ErrorInfo} as a failed {@link Result}. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  detail?: Record<string, unknown>,
): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}
