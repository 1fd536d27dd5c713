import type { PhaseTimings } from '../../contract';

/** A HAR 1.2 name/value pair (headers, query strings). */
export interface HarPair {
  name: string;
  value: string;
}

/** A HAR 1.2 entry, the fields this exporter writes. */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarPair[];
    headers: HarPair[];
    queryString: HarPair[];
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarPair[];
    headers: HarPair[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: {
    blocked: number;
    dns: number;
    connect: number;
    ssl: number;
    send: number;
    wait: number;
    receive: number;
  };
  serverIPAddress?: string;
  connection?: string;
  comment?: string;
}

/** The response of a request that got none: status 0, as browsers export it. */
export function emptyResponse(httpVersion: string): HarEntry['response'] {
  return {
    status: 0,
    statusText: '',
    httpVersion,
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: 'x-unknown' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  };
}

/** HAR timings from the engine's: `connect` includes `ssl`, as DevTools expects. */
export function harTimings(timings: PhaseTimings | null): HarEntry['timings'] {
  if (timings === null) {
    return { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: -1, receive: -1 };
  }
  const dns = timings.dnsMs ?? -1;
  const ssl = timings.tlsMs ?? -1;
  const connect = timings.tcpMs === null ? -1 : timings.tcpMs + Math.max(0, ssl);
  const before = Math.max(0, dns) + Math.max(0, connect);
  const wait = timings.ttfbMs === null ? -1 : Math.max(0, timings.ttfbMs - before);
  const receive =
    timings.totalMs === null ? -1 : Math.max(0, timings.totalMs - (timings.ttfbMs ?? before));

  return {
    blocked: -1,
    dns,
    connect: round(connect),
    ssl,
    send: 0,
    wait: round(wait),
    receive: round(receive),
  };
}

/** Milliseconds to the microsecond: subtraction leaves float noise nobody wants to read. */
export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The entry `time`: the sum of the phases that happened. */
export function totalTime(timings: HarEntry['timings']): number {
  // `ssl` is already inside `connect`, so it is not added again.
  const parts = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait];
  const sum = [...parts, timings.receive].filter((part) => part > 0).reduce((a, b) => a + b, 0);

  return round(sum);
}

/** `1.1` as HAR writes it: `HTTP/1.1`. */
export function harHttpVersion(version: string): string {
  return /^\d/.test(version) ? `HTTP/${version}` : version;
}

/** Headers as HAR name/value pairs, in their order. */
export function pairs(headers: Record<string, string>): HarPair[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

/** A header value by name, case-insensitively. */
export function headerValue(headers: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }

  return null;
}

/** The query of a URL as HAR pairs, values left as sent. */
export function queryOf(url: string): HarPair[] {
  const mark = url.indexOf('?');
  if (mark < 0) return [];
  // A `#` inside a hashed redaction marker is not the start of a fragment.
  const rest = url.slice(mark + 1);
  const fragment = rest.search(/#(?![0-9a-f]{8}\])/);
  const query = fragment < 0 ? rest : rest.slice(0, fragment);

  // The raw text is split by hand: URLSearchParams would decode values and turn `+` into a
  // space, which is exactly what breaks credentials.
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');

      return eq < 0
        ? { name: part, value: '' }
        : { name: part.slice(0, eq), value: part.slice(eq + 1) };
    });
}

/** The cookies of a `Cookie` header as HAR pairs. */
export function requestCookies(headers: Record<string, string>): HarPair[] {
  const raw = headerValue(headers, 'cookie');
  if (raw === null) return [];

  return raw
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const eq = part.indexOf('=');

      return { name: part.slice(0, eq), value: part.slice(eq + 1) };
    });
}

/** The cookie a `Set-Cookie` header sets, as a HAR pair. */
export function responseCookies(headers: Record<string, string>): HarPair[] {
  const raw = headerValue(headers, 'set-cookie');
  if (raw === null) return [];
  const first = raw.split(';')[0] ?? '';
  const eq = first.indexOf('=');

  return eq < 0 ? [] : [{ name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() }];
}
