import type { RunLog, TimelineEvent } from '../electron/contract';
import { Redactor } from '../electron/core/redactor';
import { runHandshake } from '../electron/core/run-engine';

import { benchPlan } from './bench-plan';

/**
 * A run log of `eventCount` events built from one real handshake against the sandbox, shaped
 * like a long stay in the room: the real run's events (run.start … channelClose) open the
 * log, then its signalling messages (`socket.message` sent and received: joinRoom, inRoom,
 * enter) repeat in order with rising `seq` and `t` until the count is reached, and the real
 * `result` closes it. A real run cannot hold thousands of HTTP requests (the API retries at
 * most ten times), so only its in-room traffic is multiplied.
 */
export async function buildLargeRun(server: string, eventCount: number): Promise<RunLog> {
  const real: TimelineEvent[] = [];
  const result = await runHandshake(benchPlan(server), {
    sink: (event) => real.push(event),
    redactor: new Redactor(),
    stopAfter: 'join',
  });
  if (result.outcome !== 'joined') throw new Error(`seed run ended ${result.outcome}`);

  const body = real.filter((event) => event.type !== 'result');
  const filler = body.filter((event) => event.type === 'socket.message');
  const startedAt = Date.parse(body[0]?.at ?? new Date().toISOString());
  const events: TimelineEvent[] = [];
  for (let index = 0; events.length < eventCount - 1; index += 1) {
    const source =
      index < body.length ? body[index] : filler[(index - body.length) % filler.length];
    if (source === undefined) break;
    events.push(restamp(source, events.length + 1, startedAt));
  }
  events.push(restamp(result, events.length + 1, startedAt));
  const last = events.at(-1);

  return {
    summary: {
      runId: 'bench-large-run',
      profileId: null,
      profileName: 'Bench (sandbox CORS)',
      source: 'live',
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: last?.at ?? null,
      state: 'done',
      outcome: 'joined',
      headline: 'COMPLETED, joined',
      durationMs: last?.t ?? null,
      eventCount: events.length,
      sdk: '0.6',
      authMode: 'cors',
      repeatId: null,
    },
    events,
  };
}

/** A copy of an event at position `seq`, one millisecond per event after the start. */
function restamp(event: TimelineEvent, seq: number, startedAt: number): TimelineEvent {
  const t = seq;

  return { ...structuredClone(event), seq, t, at: new Date(startedAt + t).toISOString() };
}
