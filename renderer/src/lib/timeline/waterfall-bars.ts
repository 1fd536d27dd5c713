import type { TimelineEvent } from '../contract';

/** One bar of the phase waterfall, in run-relative milliseconds. */
export interface WaterfallBar {
  label: string;
  kind: 'dns' | 'tcp' | 'tls' | 'ttfb' | 'download' | 'socket' | 'join';
  startMs: number;
  endMs: number;
  /** The event the bar ends at, to select it. */
  seq: number;
  isFailed: boolean;
}

function ended(event: TimelineEvent, durationMs: number): { startMs: number; endMs: number } {
  return { startMs: Math.max(0, event.t - durationMs), endMs: event.t };
}

/**
 * Derives the phase waterfall from the events: DNS, TCP and TLS from their durations, the API
 * request's first byte and download, each socket attempt until the next step, and the join.
 */
export function waterfallBars(events: readonly TimelineEvent[]): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let request: TimelineEvent | null = null;
  let attempt: Extract<TimelineEvent, { type: 'socket.attempt' }> | null = null;
  let joinSent: TimelineEvent | null = null;

  const closeAttempt = (at: TimelineEvent, isFailed: boolean): void => {
    if (attempt === null) return;
    bars.push({
      label: `Socket #${attempt.attempt} ${attempt.transport === 'websocket' ? 'ws' : 'polling'}${attempt.port === null ? '' : ` :${attempt.port}`}`,
      kind: 'socket',
      startMs: attempt.t,
      endMs: at.t,
      seq: at.seq,
      isFailed,
    });
    attempt = null;
  };

  for (const event of events) {
    switch (event.type) {
      case 'dns':
        bars.push({
          label: `DNS ${event.host}`,
          kind: 'dns',
          ...ended(event, event.durationMs),
          seq: event.seq,
          isFailed: false,
        });
        break;
      case 'tcp':
        bars.push({
          label: `TCP ${event.address}:${event.port}`,
          kind: 'tcp',
          ...ended(event, event.durationMs),
          seq: event.seq,
          isFailed: false,
        });
        break;
      case 'tls':
        bars.push({
          label: 'TLS',
          kind: 'tls',
          ...ended(event, event.durationMs),
          seq: event.seq,
          isFailed: !event.authorized && !event.insecure,
        });
        break;
      case 'http.request':
        if (event.purpose === 'api') request = event;
        break;
      case 'http.response': {
        if (event.purpose !== 'api' || request === null) break;
        const ttfb = event.timings.ttfbMs;
        const firstByteAt = ttfb === null ? event.t : Math.min(event.t, request.t + ttfb);
        bars.push({
          label: `First byte #${event.attempt}`,
          kind: 'ttfb',
          startMs: request.t,
          endMs: firstByteAt,
          seq: event.seq,
          isFailed: event.status >= 400,
        });
        if (event.t > firstByteAt) {
          bars.push({
            label: `Body (HTTP ${event.status})`,
            kind: 'download',
            startMs: firstByteAt,
            endMs: event.t,
            seq: event.seq,
            isFailed: event.status >= 400,
          });
        }
        request = null;
        break;
      }
      case 'socket.attempt':
        closeAttempt(event, true);
        attempt = event;
        break;
      case 'channelOpen':
        closeAttempt(event, false);
        break;
      case 'socketError':
        closeAttempt(event, true);
        break;
      case 'socket.message':
        if (event.direction === 'sent' && event.messageType === 'joinRoom') joinSent = event;
        break;
      case 'peerJoined':
      case 'systemAction':
        if (joinSent !== null) {
          bars.push({
            label: 'Join',
            kind: 'join',
            startMs: joinSent.t,
            endMs: event.t,
            seq: event.seq,
            isFailed: event.type === 'systemAction',
          });
          joinSent = null;
        }
        break;
      case 'run.start':
      case 'readyStateChange':
      case 'channelClose':
      case 'channelError':
      case 'http.retry':
      case 'api.parsed':
      case 'step.failed':
      case 'diagnosis':
      case 'note':
      case 'result':
        break;
    }
  }

  return bars;
}
