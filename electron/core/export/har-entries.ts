import { isIP } from 'node:net';

import type {
  HttpRequestEvent,
  HttpResponseEvent,
  TimelineEvent,
  TimelineEventType,
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
  totalTime,
  type HarEntry,
} from './har-fields';
import { signallingEntry } from './har-signalling-entry';

export type { HarEntry, HarPair } from './har-fields';

/**
 * Every event type {@link harEntries} reads. The rest of a run (signalling messages, notes…)
 * never reaches a HAR, so the exporter scrubs and passes on only these.
 */
export const HAR_EVENT_TYPES: ReadonlySet<TimelineEventType> = new Set<TimelineEventType>([
  'http.request',
  'http.response',
  'http.retry',
  'step.failed',
  'socket.attempt',
  'channelOpen',
  'socketError',
]);

/**
 * One entry per `http.request`, paired with the `http.response` of the same purpose and
 * attempt; a request that got no answer becomes an entry with status 0, as browsers export a
 * failed request. A `socket.attempt` the engine reported no request for becomes its handshake
 * GET (see {@link signallingEntry}).
 */
export function harEntries(events: readonly TimelineEvent[]): HarEntry[] {
  const entries: HarEntry[] = [];
  const starts: number[] = [];
  const responses = new ResponseQueues(events);
  const polled = new Set<number>();
  for (const event of events) {
    if (event.type === 'http.request' && event.purpose === 'socket.io') polled.add(event.attempt);
  }
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    if (event?.type === 'http.request') {
      const response = responses.take(index, event);
      entries.push(httpEntry(event, response, failureAfter(events, index)));
      starts.push(event.t);
    } else if (event?.type === 'socket.attempt' && !polled.has(event.attempt)) {
      entries.push(signallingEntry(event, events, index));
      starts.push(event.t);
    }
  }

  return byStart(entries, starts);
}

/** Entries in order of their start; events already come in order, so mostly a check. */
function byStart(entries: HarEntry[], starts: number[]): HarEntry[] {
  let sorted = true;
  for (let index = 1; index < starts.length && sorted; index += 1) {
    sorted = (starts[index - 1] ?? 0) <= (starts[index] ?? 0);
  }
  if (sorted) return entries;
  // A stable sort by start, as before: equal starts keep their run order.
  const order = entries.map((_entry, index) => index);
  order.sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0));

  return order.map((index) => entries[index] as HarEntry);
}

interface ResponseQueue {
  /** Run positions of the responses, rising. */
  at: number[];
  responses: HttpResponseEvent[];
  next: number;
}

/**
 * The responses of a run by purpose and attempt, in order. A request takes the first response
 * of its purpose and attempt that comes after it and no earlier request took; one pass builds
 * the queues, so pairing stays linear where a scan per request went quadratic on long runs.
 */
class ResponseQueues {
  readonly #queues = new Map<string, Map<number, ResponseQueue>>();

  constructor(events: readonly TimelineEvent[]) {
    for (let index = 0; index < events.length; index += 1) {
      const event = events[index];
      if (event?.type !== 'http.response') continue;
      let byAttempt = this.#queues.get(event.purpose);
      if (byAttempt === undefined) {
        byAttempt = new Map();
        this.#queues.set(event.purpose, byAttempt);
      }
      const queue = byAttempt.get(event.attempt);
      if (queue === undefined) {
        byAttempt.set(event.attempt, { at: [index], responses: [event], next: 0 });
      } else {
        queue.at.push(index);
        queue.responses.push(event);
      }
    }
  }

  /** The response of the request at `from`, or `null` when none came. */
  take(from: number, request: HttpRequestEvent): HttpResponseEvent | null {
    const queue = this.#queues.get(request.purpose)?.get(request.attempt);
    if (queue === undefined) return null;
    // Requests come in order, so a response before this one can never be taken by a later one.
    while (queue.next < queue.at.length && (queue.at[queue.next] ?? Infinity) <= from) {
      queue.next += 1;
    }
    const response = queue.responses[queue.next];
    if (response === undefined) return null;
    queue.next += 1;

    return response;
  }
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
