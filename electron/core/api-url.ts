import type { RunPlan } from './run-plan';

/** What the API URL is built from: the plan's server, key, room and credentials. */
export type ApiUrlInput = Pick<
  RunPlan,
  'server' | 'appKey' | 'room' | 'authMode' | 'startDateTime' | 'duration' | 'credentials'
>;

/**
 * Builds the auth request URL as SkylinkJS 0.6.27+ and 2.x do (protocol spec §4.1): every
 * segment goes in verbatim (the SDK encodes nothing; `cred` is already percent-encoded), and
 * `rand` is a millisecond cache-buster. The browser's URL parser still percent-encodes spaces
 * and non-ASCII characters when it sends the request, and so does the HTTP client.
 */
export function buildApiUrl(input: ApiUrlInput, randMs: number): string {
  const base = `${input.server.replace(/\/+$/, '')}/api/${input.appKey}/${input.room}`;
  if (input.authMode === 'cors') return `${base}?rand=${randMs}`;

  return (
    `${base}/${input.startDateTime ?? ''}/${input.duration ?? ''}` +
    `?cred=${input.credentials ?? ''}&rand=${randMs}`
  );
}

/**
 * The path and query a browser would put on the request line for `url`: WHATWG URL
 * serialisation, which encodes spaces and non-ASCII but leaves `:` `+` `%` as typed.
 */
export function requestTarget(url: string): string {
  const parsed = new URL(url);

  return `${parsed.pathname}${parsed.search}`;
}
