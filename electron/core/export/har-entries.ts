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
  const responses = new ResponseQueues(events);
  const polled = new Set(
    events.flatMap((event) =>
      event.type === 'http.request' && event.purpose === 'socket.io' ? [event.attempt] : [],
    ),
  );
  for (const [index, event] of events.entries()) {
    if (event.type === 'http.request') {
      const response = responses.take(index, event);
      entries.push({ at: event.t, entry: httpEntry(event, response, failureAfter(events, index)) });
    } else if (event.type === 'socket.attempt' && !polled.has(event.attempt)) {
      entries.push({ at: event.t, entry: signallingEntry(event, events, index) });
    }
  }

  return entries.sort((a, b) => a.at - b.at).map((item) => item.entry);
}

/**
 * The responses of a run by purpose and attempt, in order. A request takes the first response
 * of its purpose and attempt that comes after it and no earlier request took; one pass builds
 * the queues, so pairing stays linear where a scan per request went quadratic on long runs.
 */
class ResponseQueues {
  readonly #queues = new Map<string, { at: number[]; next: number }>();
  readonly #events: readonly TimelineEvent[];

  constructor(events: readonly TimelineEvent[]) {
    this.#events = events;
    for (const [index, event] of events.entries()) {
      if (event.type !== 'http.response') continue;
      const key = queueKey(event.purpose, event.attempt);
      const queue = this.#queues.get(key);
      if (queue === undefined) this.#queues.set(key, { at: [index], next: 0 });
      else queue.at.push(index);
    }
  }

  /** The response of the request at `from`, or `null` when none came. */
  take(from: number, request: HttpRequestEvent): HttpResponseEvent | null {
    const queue = this.#queues.get(queueKey(request.purpose, request.attempt));
    if (queue === undefined) return null;
    // Requests come in order, so a response before this one can never be taken by a later one.
    while (queue.next < queue.at.length && (queue.at[queue.next] ?? Infinity) <= from) {
      queue.next += 1;
    }
    const index = queue.at[queue.next];
    if (index === undefined) return null;
    queue.next += 1;
    const event = this.#events[index];

    return event?.type === 'http.response' ? event : null;
  }
}

function queueKey(purpose: string, attempt: number): string {
  return `${purpose}\u0000${attempt}`;
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
