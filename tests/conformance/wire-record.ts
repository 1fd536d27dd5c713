import type { TimelineEvent } from '../../electron/contract';

import type { SdkRunResult } from './sdk-browser';
import { maskApiUrl, shapeOf } from './wire-shape';

/**
 * What went on the wire, reduced to what must match between the SDK and the engine: the auth
 * URL (cache-buster and credentials masked), the SDK headers, and the shape of `joinRoom`
 * (each field and the type of its value; the values are tokens and times that always differ).
 */
export interface WireRecord {
  apiUrl: string | null;
  /** `Skylink_*` and `X-Server-Select` headers, names lower-cased. */
  apiHeaders: Record<string, string>;
  /** `field:type` for every `joinRoom` field, in the order sent. */
  joinRoomShape: string[] | null;
}

const SDK_HEADER = /^(skylink_|x-server-select$)/i;

function sdkHeaders(headers: Record<string, string>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (SDK_HEADER.test(name)) picked[name.toLowerCase()] = value;
  }

  return picked;
}

/** The SDK's side: its last auth request (0.6 sends one per init cycle) and its joinRoom. */
export function sdkWireRecord(run: SdkRunResult): WireRecord {
  const api = run.apiRequests.at(-1);
  const join = run.sentMessages.find((message) => message.type === 'joinRoom');

  return {
    apiUrl: api?.url ?? null,
    apiHeaders: api === undefined ? {} : sdkHeaders(api.headers),
    joinRoomShape: join?.shape ?? null,
  };
}

/** The engine's side, from its last API `http.request` and its first sent `joinRoom`. */
export function engineWireRecord(timeline: readonly TimelineEvent[]): WireRecord {
  let api: (TimelineEvent & { type: 'http.request' }) | undefined;
  let join: Record<string, unknown> | undefined;
  for (const event of timeline) {
    if (event.type === 'http.request' && event.purpose === 'api') api = event;
    const isJoin =
      event.type === 'socket.message' &&
      event.direction === 'sent' &&
      event.messageType === 'joinRoom';
    if (isJoin && join === undefined) join = event.payload as Record<string, unknown>;
  }

  return {
    apiUrl: api === undefined ? null : maskApiUrl(api.url),
    apiHeaders: api === undefined ? {} : sdkHeaders(api.headers),
    joinRoomShape: join === undefined ? null : shapeOf(join),
  };
}
