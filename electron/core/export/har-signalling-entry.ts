import type { SocketAttemptEvent, TimelineEvent } from '../../contract';

import {
  emptyResponse,
  queryOf,
  round,
  totalTime,
  type HarEntry,
  type HarPair,
} from './har-fields';

const UPGRADE_HEADERS: HarPair[] = [
  { name: 'Connection', value: 'Upgrade' },
  { name: 'Upgrade', value: 'websocket' },
];

/**
 * The handshake GET of one signalling attempt, built from the attempt and what followed it:
 * for websocket the upgrade request (101 when the channel opened), for long polling the first
 * Engine.IO poll (200 when it opened); 0 when the attempt failed.
 */
export function signallingEntry(
  attempt: SocketAttemptEvent,
  events: readonly TimelineEvent[],
  from: number,
): HarEntry {
  const outcome = outcomeOf(events, from);
  const waitMs = outcome.endT === null ? -1 : round(Math.max(0, outcome.endT - attempt.t));
  const timings = { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: waitMs, receive: 0 };
  const isWebsocket = attempt.transport === 'websocket';
  const url = isWebsocket ? attempt.url.replace(/^http/i, 'ws') : attempt.url;
  const opened: HarEntry['response'] = {
    status: isWebsocket ? 101 : 200,
    statusText: isWebsocket ? 'Switching Protocols' : 'OK',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: isWebsocket ? UPGRADE_HEADERS : [],
    content: { size: 0, mimeType: isWebsocket ? 'x-unknown' : 'text/plain' },
    redirectURL: '',
    headersSize: -1,
    bodySize: isWebsocket ? 0 : -1,
  };
  const what = isWebsocket ? 'websocket upgrade' : 'socket.io long-polling handshake';

  return {
    startedDateTime: attempt.at,
    time: totalTime(timings),
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: isWebsocket ? UPGRADE_HEADERS : [],
      queryString: queryOf(url),
      headersSize: -1,
      bodySize: 0,
    },
    response: outcome.opened ? opened : emptyResponse('HTTP/1.1'),
    cache: {},
    timings,
    // Known limit: the engine reports signalling attempts, not their HTTP exchanges, so these
    // entries carry the attempt URL and the upgrade headers only, no server headers or body.
    comment:
      `${what}, signalling attempt ${attempt.attempt} (${attempt.fallbackType})` +
      (outcome.opened
        ? ''
        : `; not opened${outcome.failure === null ? '' : `: ${outcome.failure}`}`),
  };
}

function outcomeOf(
  events: readonly TimelineEvent[],
  from: number,
): { opened: boolean; failure: string | null; endT: number | null } {
  for (let index = from + 1; index < events.length; index += 1) {
    const event = events[index];
    if (event === undefined || event.type === 'socket.attempt') break;
    if (event.type === 'channelOpen') return { opened: true, failure: null, endT: event.t };
    if (event.type === 'socketError')
      return { opened: false, failure: event.message, endT: event.t };
    if (event.type === 'step.failed') {
      return { opened: false, failure: event.error.message, endT: event.t };
    }
  }

  return { opened: false, failure: null, endT: null };
}
