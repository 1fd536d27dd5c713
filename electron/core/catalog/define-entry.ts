import type { AuthMode, CatalogEntry, CatalogKind, ErrorCode } from '../../contract';

/**
 * The translatable part of a catalog entry. The data files hold only these texts; the key,
 * kind, number and value are derived here, so a translation cannot break a lookup.
 */
export interface EntryText {
  /** The SDK constant's name (or the engine code's short title). */
  name: string;
  meaning: string;
  causes: string[];
  checks: string[];
  fixes: string[];
  /** Defaults to both modes. */
  authModes?: AuthMode[];
  /** Defaults to `false`. */
  legacy?: boolean;
  sdkNotes?: string | null;
}

const BOTH_MODES: AuthMode[] = ['cors', 'credentials'];

function build(
  kind: CatalogKind,
  code: string,
  number: number | null,
  value: string | null,
  text: EntryText,
): CatalogEntry {
  return {
    key: `${kind}:${code}`,
    kind,
    name: text.name,
    number,
    value,
    meaning: text.meaning,
    causes: text.causes,
    checks: text.checks,
    fixes: text.fixes,
    authModes: text.authModes ?? BOTH_MODES,
    legacy: text.legacy ?? false,
    sdkNotes: text.sdkNotes ?? null,
  };
}

/** An entry for a `readyStateChange` error code (`readyState:4005`). */
export function readyStateEntry(code: number, text: EntryText): CatalogEntry {
  return build('readyState', String(code), code, null, text);
}

/**
 * The entry for an `errorCode` that is a raw HTTP status rather than an SDK constant
 * (`readyState:http`), as 2.x reports every non-2xx answer.
 */
export function httpStatusEntry(text: EntryText): CatalogEntry {
  return build('readyState', 'http', null, null, text);
}

/** An entry for a `systemAction` reason (`systemAction:expired`). */
export function systemActionEntry(reason: string, text: EntryText): CatalogEntry {
  return build('systemAction', reason, null, reason, text);
}

/** An entry for a `SOCKET_ERROR` code (`socketError:-3`). */
export function socketErrorEntry(code: number, text: EntryText): CatalogEntry {
  return build('socketError', String(code), code, null, text);
}

/** An entry for one of the engine's own error codes (`engine:dns.failed`). */
export function engineEntry(code: ErrorCode, text: EntryText): CatalogEntry {
  return build('engine', code, null, code, text);
}
