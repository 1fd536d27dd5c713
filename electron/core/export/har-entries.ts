import { isIP } from 'node:net';

import type {
  HttpRequestEvent,
  HttpResponseEvent,
  SocketAttemptEvent,
  TimelineEvent,
} from '../../contract';

import {
  emptyResponse,
  harHttpVersion,
  harTimings,
  headerValue,
  pairs,
  queryOf,
  requestCookies,
  responseCookies,
  round,
  totalTime,
  type HarEntry,
} from './har-fields';

export type { HarEntry, HarPair } from './har-fields';

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
