import { isIP } from 'node:net';

import type {
  HttpRequestEvent,
  HttpResponseEvent,
  PhaseTimings,
  SocketAttemptEvent,
  TimelineEvent,
} from '../../contract';

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

/**
 * One entry per `http.request`, paired with the `http.response` of the same purpose and
 * attempt; a request that got no answer becomes an entry with status 0, as browsers export a
 * failed request. Each websocket `socket.attempt` becomes its upgrade GET: 101 when the
 * channel opened, 0 when it did not.
 */
export function harEntries(events: readonly TimelineEvent[]): HarEntry[] {
  const entries: { at: number; entry: HarEntry }[] = [];
  const answered = new Set<HttpResponseEvent>();
  for (const [index, event] of events.entries()) {
    if (event.type === 'http.request') {
      const response = findResponse(events, index, event, answered);
      if (response !== null) answered.add(response);
      entries.push({ at: event.t, entry: httpEntry(event, response, failureAfter(events, index)) });
    } else if (event.type === 'socket.attempt' && event.transport === 'websocket') {
      entries.push({ at: event.t, entry: upgradeEntry(event, events, index) });
    }
  }

  return entries.sort((a, b) => a.at - b.at).map((item) => item.entry);
}

function findResponse(
  events: readonly TimelineEvent[],
  from: number,
  request: HttpRequestEvent,
  answered: Set<HttpResponseEvent>,
): HttpResponseEvent | null {
  for (let index = from + 1; index < events.length; index += 1) {
    const event = events[index];
    if (event?.type !== 'http.response' || answered.has(event)) continue;
    if (event.purpose === request.purpose && event.attempt === request.attempt) return event;
  }

  return null;
}

function failureAfter(events: readonly TimelineEvent[], from: number): string | null {
  for (let index = from + 1; index < events.length; index += 1) {
    const event = events[index];
    if (event === undefined || event.type === 'http.request') return null;
    if (event.type === 'http.retry') return event.reason;
    if (event.type === 'step.failed') return event.error.message;
  }

  return null;
}

function httpEntry(
  request: HttpRequestEvent,
  response: HttpResponseEvent | null,
  failure: string | null,
): HarEntry {
  const httpVersion = harHttpVersion(response?.httpVersion ?? '1.1');
  const timings = harTimings(response?.timings ?? null);
  const entry: HarEntry = {
    startedDateTime: request.at,
    time: totalTime(timings),
    request: {
      method: request.method,
      url: request.url,
      httpVersion,
      cookies: requestCookies(request.headers),
      headers: pairs(request.headers),
      queryString: queryOf(request.url),
      headersSize: -1,
      bodySize: 0,
    },
    response:
      response === null
        ? emptyResponse(httpVersion)
        : {
            status: response.status,
            statusText: response.statusText,
            httpVersion,
            cookies: responseCookies(response.headers),
            headers: pairs(response.headers),
            content: {
              size: response.bodyBytes,
              mimeType: headerValue(response.headers, 'content-type') ?? 'x-unknown',
              text: response.body,
            },
            redirectURL: headerValue(response.headers, 'location') ?? '',
            headersSize: -1,
            bodySize: response.bodyBytes,
          },
    cache: {},
    timings,
  };
  const address = response?.remoteAddress ?? null;
  if (address !== null && isIP(address) !== 0) entry.serverIPAddress = address;
  if (response?.remotePort !== null && response?.remotePort !== undefined) {
    entry.connection = String(response.remotePort);
  }
  const notes = [`${request.purpose} attempt ${request.attempt}`];
  if (response?.truncated === true) notes.push('body cut at the engine body cap');
  if (response === null) notes.push(`no response${failure === null ? '' : `: ${failure}`}`);
  entry.comment = notes.join('; ');

  return entry;
}

function upgradeEntry(
  attempt: SocketAttemptEvent,
  events: readonly TimelineEvent[],
  from: number,
): HarEntry {
  let opened = false;
  let failure: string | null = null;
  let endT: number | null = null;
  for (let index = from + 1; index < events.length; index += 1) {
    const event = events[index];
    if (event === undefined || event.type === 'socket.attempt') break;
    if (event.type === 'channelOpen') {
      opened = true;
      endT = event.t;
      break;
    }
    if (event.type === 'socketError' || event.type === 'step.failed') {
      failure = event.type === 'socketError' ? event.message : event.error.message;
      endT = event.t;
      break;
    }
  }
  const waitMs = endT === null ? -1 : round(Math.max(0, endT - attempt.t));
  const timings = { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: waitMs, receive: 0 };
  const url = attempt.url.replace(/^http/i, 'ws');

  return {
    startedDateTime: attempt.at,
    time: totalTime(timings),
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [
        { name: 'Connection', value: 'Upgrade' },
        { name: 'Upgrade', value: 'websocket' },
      ],
      queryString: queryOf(url),
      headersSize: -1,
      bodySize: 0,
    },
    response: opened
      ? {
          status: 101,
          statusText: 'Switching Protocols',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [
            { name: 'Connection', value: 'Upgrade' },
            { name: 'Upgrade', value: 'websocket' },
          ],
          content: { size: 0, mimeType: 'x-unknown' },
          redirectURL: '',
          headersSize: -1,
          bodySize: 0,
        }
      : emptyResponse('HTTP/1.1'),
    cache: {},
    timings,
    // Known limit: the engine reports no headers for the upgrade request, so the entry shows
    // only the two upgrade headers every websocket handshake carries.
    comment:
      `websocket upgrade, signalling attempt ${attempt.attempt} (${attempt.fallbackType})` +
      (opened ? '' : `; not opened${failure === null ? '' : `: ${failure}`}`),
  };
}

function emptyResponse(httpVersion: string): HarEntry['response'] {
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
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function totalTime(timings: HarEntry['timings']): number {
  // `ssl` is already inside `connect`, so it is not added again.
  const parts = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait];
  const sum = [...parts, timings.receive].filter((part) => part > 0).reduce((a, b) => a + b, 0);

  return round(sum);
}

function harHttpVersion(version: string): string {
  return /^\d/.test(version) ? `HTTP/${version}` : version;
}

function pairs(headers: Record<string, string>): HarPair[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function headerValue(headers: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }

  return null;
}

function queryOf(url: string): HarPair[] {
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

function requestCookies(headers: Record<string, string>): HarPair[] {
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

function responseCookies(headers: Record<string, string>): HarPair[] {
  const raw = headerValue(headers, 'set-cookie');
  if (raw === null) return [];
  const first = raw.split(';')[0] ?? '';
  const eq = first.indexOf('=');

  return eq < 0 ? [] : [{ name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() }];
}
