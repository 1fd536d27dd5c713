import type { TimelineEvent } from '../../electron/contract';

import type { ConformanceEvent } from './conformance-event';
import type { RawSdkEvent } from './sdk-browser';

/**
 * The server's `info` text with every number masked: both sides pass the text through as
 * sent, but it can carry an age (`The room token is 2 s old`) that differs by a second.
 */
export function maskInfo(info: string): string {
  return info.replace(/\d+/g, '#');
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Keeps the last init cycle: events from the last `readyStateChange INIT` on. 0.6's
 * `joinRoom()` runs `init()` again for its room, so a page that calls `init()` and then
 * `joinRoom()` shows the handshake twice; the join's cycle is the one the engine imitates.
 */
export function lastInitCycle(events: readonly ConformanceEvent[]): ConformanceEvent[] {
  let start = 0;
  events.forEach((event, index) => {
    if (event.kind === 'readyStateChange' && event.state === 0) start = index;
  });

  return events.slice(start);
}

/** The page's raw record, reduced to the compared events. */
export function fromSdkEvents(raw: readonly RawSdkEvent[]): ConformanceEvent[] {
  const events: ConformanceEvent[] = [];
  for (const event of raw) {
    switch (event.type) {
      case 'readyStateChange':
        events.push({
          kind: 'readyStateChange',
          state: event.state ?? Number.NaN,
          status: numberOrNull(event.error?.status),
          errorCode: numberOrNull(event.error?.errorCode),
          room: event.room ?? null,
          content: event.error ? event.error.content : null,
        });
        break;
      case 'systemAction':
        events.push({
          kind: 'systemAction',
          action: event.action ?? '',
          reason: event.reason ?? '',
          info: maskInfo(event.info ?? ''),
        });
        break;
      case 'socketError':
        events.push({
          kind: 'socketError',
          errorCode: event.errorCode ?? Number.NaN,
          fallbackType: event.fallbackType ?? null,
        });
        break;
      case 'channelOpen':
      case 'channelError':
      case 'peerJoined':
        events.push({ kind: event.type });
        break;
      // Not compared: the engine closes its socket when a run ends, an app's SDK need not.
      case 'channelClose':
      case 'callback':
        break;
    }
  }

  return lastInitCycle(events);
}

/** The engine's timeline, reduced to the compared events. */
export function fromEngineEvents(timeline: readonly TimelineEvent[]): ConformanceEvent[] {
  const events: ConformanceEvent[] = [];
  for (const event of timeline) {
    if (event.type === 'readyStateChange') {
      events.push({
        kind: 'readyStateChange',
        state: event.state,
        status: event.error?.status ?? null,
        errorCode: event.error?.errorCode ?? null,
        room: event.room,
        content: event.error?.content ?? null,
      });
    } else if (event.type === 'systemAction') {
      events.push({
        kind: 'systemAction',
        action: event.action,
        reason: event.reason,
        info: maskInfo(event.info),
      });
    } else if (event.type === 'socketError') {
      events.push({
        kind: 'socketError',
        errorCode: event.errorCode,
        fallbackType: event.fallbackType,
      });
    } else if (
      event.type === 'channelOpen' ||
      event.type === 'channelError' ||
      event.type === 'peerJoined'
    ) {
      events.push({ kind: event.type });
    }
    // Everything else is the engine's own detail (HTTP, sockets, notes), which no SDK emits.
  }

  return lastInitCycle(events);
}
