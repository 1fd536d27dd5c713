import type { RunLog, TimelineEvent } from '../../../../electron/contract';

import { sampleRun } from './sample-run';

/** Raw values planted in a large run where the engine would have redacted them. */
export const PLANTED = {
  cred: 'PlantedCred-5e1d9a',
  bearer: 'PlantedBearer-77c0f3',
  cookie: 'PlantedCookie-a4b2e8',
  token: 'PlantedToken-0b9d6c',
};

/** How many signalling messages follow each handshake: a long run is mostly messages. */
const MESSAGES_PER_CYCLE = 10;

/**
 * A long run of `count` events: the sample handshake (one event of every type) repeated, each
 * followed by a burst of `socket.message` events, with `seq`, `t` and `at` renumbered and the
 * attempts of each repeat distinct. A few raw values that escaped redaction sit near the end,
 * in a URL, headers, a payload and an SDK error, for the safety scrub to find.
 */
export function largeRun(count: number): ReturnType<typeof sampleRun> {
  const sample = sampleRun();
  const cycle = sample.log.events;
  const marker = sample.redactor.markerFor('roomCred', 'room-cred-7f3e2a91c04b');
  const events: TimelineEvent[] = [];
  const stamp = (event: Record<string, unknown>): void => {
    const seq = events.length + 1;
    events.push({
      ...event,
      seq,
      t: seq * 2,
      at: new Date(Date.UTC(2026, 11, 3, 9) + seq * 2).toISOString(),
    } as TimelineEvent);
  };
  for (let round = 0; events.length < count; round += 1) {
    for (const event of cycle) {
      if (events.length >= count) break;
      const copy = structuredClone(event) as unknown as Record<string, unknown>;
      if (typeof copy.attempt === 'number') copy.attempt += round * 3;
      stamp(copy);
    }
    for (let index = 0; index < MESSAGES_PER_CYCLE && events.length < count; index += 1) {
      stamp({
        type: 'socket.message',
        direction: index % 2 === 0 ? 'sent' : 'received',
        messageType: 'ping',
        payload: { type: 'ping', n: index, room: 'room 1', roomCred: marker, list: [round, 'x'] },
      });
    }
  }
  plant(events);
  const log: RunLog = { summary: { ...sample.log.summary, eventCount: events.length }, events };

  return { ...sample, log };
}

/** Plants the raw values in the last events of their kind; each event is already a copy. */
function plant(events: TimelineEvent[]): void {
  const request = events.findLast((event) => event.type === 'http.request');
  const sdkError = events.findLast(
    (event) => event.type === 'readyStateChange' && event.error !== null,
  );
  const message = events.findLast((event) => event.type === 'socket.message');
  if (request?.type === 'http.request') {
    request.url = `${request.url}&cred=${PLANTED.cred}`;
    request.headers = {
      ...request.headers,
      Authorization: `Bearer ${PLANTED.bearer}`,
      Cookie: `sid=${PLANTED.cookie}`,
    };
  }
  if (sdkError?.type === 'readyStateChange' && sdkError.error !== null) {
    sdkError.error = { ...sdkError.error, content: `GET /api/x?a=1&cred=${PLANTED.cred} failed` };
  }
  if (message?.type === 'socket.message') {
    message.payload = { type: 'joinRoom', deep: { token: PLANTED.token } };
  }
}
