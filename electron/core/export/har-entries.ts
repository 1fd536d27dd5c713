import { isIP } from 'node:net';

import type { HttpRequestEvent, HttpResponseEvent, TimelineEvent } from '../../contract';

import {
  emptyResponse,
  harHttpVersion,
  harTimings,
  headerValue,
  pairs,
  queryOf,
  requestCookies,
  responseCookies,
  totalTime,
  type HarEntry,
} from './har-fields';
import { signallingEntry } from './har-signalling-entry';

export type { HarEntry, HarPair } from './har-fields';

/**
 * One entry per `http.request`, paired with the `http.response` of the same purpose and
 * attempt; a request that got no answer becomes an entry with status 0, as browsers export a
 * failed request. A `socket.attempt` the engine reported no request for becomes its handshake
 * GET (see {@link signallingEntry}).
 */
export function harEntries(events: readonly TimelineEvent[]): HarEntry[] {
  const entries: { at: number; entry: HarEntry }[] = [];
  const answered = new Set<HttpResponseEvent>();
  const polled = new Set(
    events.flatMap((event) =>
      event.type === 'http.request' && event.purpose === 'socket.io' ? [event.attempt] : [],
    ),
  );
  for (const [index, event] of events.entries()) {
    if (event.type === 'http.request') {
      const response = findResponse(events, index, event, answered);
      if (response !== null) answered.add(response);
      entries.push({ at: event.t, entry: httpEntry(event, response, failureAfter(events, index)) });
    } else if (event.type === 'socket.attempt' && !polled.has(event.attempt)) {
      entries.push({ at: event.t, entry: signallingEntry(event, events, index) });
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
