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

/** Derives the phase waterfall of a whole log at once (see `WaterfallBuilder`). */
export function waterfallBars(events: readonly TimelineEvent[]): WaterfallBar[] {
  const builder = new WaterfallBuilder();
  builder.push(events);

  return builder.bars;
}

/**
 * The phase waterfall, grown batch by batch: DNS, TCP and TLS from their durations, the API
 * request's first byte and download, each socket attempt until the next step, and the join.
 * What a bar still waits for (an open request, attempt or join) is kept between batches, so a
 * batch costs its own length.
 */
export class WaterfallBuilder {
  /** Grown in place; its length tells whether a batch added a bar. */
  readonly bars: WaterfallBar[] = [];
  #request: TimelineEvent | null = null;
  #attempt: Extract<TimelineEvent, { type: 'socket.attempt' }> | null = null;
  #joinSent: TimelineEvent | null = null;

  /** Adds events (ascending seq, after every event pushed before). */
  push(events: readonly TimelineEvent[]): void {
    for (const event of events) this.#add(event);
  }

  #closeAttempt(at: TimelineEvent, isFailed: boolean): void {
    const attempt = this.#attempt;
    if (attempt === null) return;
    const transport = attempt.transport === 'websocket' ? 'ws' : 'polling';
    const port = attempt.port === null ? '' : ` :${attempt.port}`;
    this.bars.push({
      label: `Socket #${attempt.attempt} ${transport}${port}`,
      kind: 'socket',
      startMs: attempt.t,
      endMs: at.t,
      seq: at.seq,
      isFailed,
    });
    this.#attempt = null;
  }

  #add(event: TimelineEvent): void {
    const bars = this.bars;
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
        if (event.purpose === 'api') this.#request = event;
        break;
      case 'http.response': {
        const request = this.#request;
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
        this.#request = null;
        break;
      }
      case 'socket.attempt':
        this.#closeAttempt(event, true);
        this.#attempt = event;
        break;
      case 'channelOpen':
        this.#closeAttempt(event, false);
        break;
      case 'socketError':
        this.#closeAttempt(event, true);
        break;
      case 'socket.message':
        if (event.direction === 'sent' && event.messageType === 'joinRoom') this.#joinSent = event;
        break;
      case 'peerJoined':
      case 'systemAction':
        if (this.#joinSent !== null) {
          bars.push({
            label: 'Join',
            kind: 'join',
            startMs: this.#joinSent.t,
            endMs: event.t,
            seq: event.seq,
            isFailed: event.type === 'systemAction',
          });
          this.#joinSent = null;
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
}
