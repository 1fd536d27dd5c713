/**
 * One SDK-level event reduced to what the suite compares: state, status, error code, room and
 * error text of a `readyStateChange`; action, reason and info of a `systemAction`; code and
 * ladder rung of a `socketError`. Times, ids and URLs are left out: they differ between runs.
 */
export type ConformanceEvent =
  | {
      kind: 'readyStateChange';
      state: number;
      status: number | null;
      errorCode: number | null;
      room: string | null;
      /** The error's `content` text; `null` when the state carries no error. */
      content: string | null;
    }
  | {
      kind: 'systemAction';
      action: string;
      reason: string;
      /** The server's text, numbers masked (see `maskInfo`). */
      info: string;
    }
  | { kind: 'channelOpen' }
  | { kind: 'channelError' }
  | { kind: 'socketError'; errorCode: number; fallbackType: string | null }
  | { kind: 'peerJoined' };

/** A conformance event's kind. */
export type ConformanceEventKind = ConformanceEvent['kind'];

const STATE_NAMES: Record<number, string> = {
  0: 'INIT',
  1: 'LOADING',
  2: 'COMPLETED',
  [-1]: 'ERROR',
};

/** A short readable form, e.g. `readyStateChange ERROR status=404 errorCode=4001`. */
export function describeEvent(event: ConformanceEvent): string {
  switch (event.kind) {
    case 'readyStateChange': {
      const name = STATE_NAMES[event.state] ?? String(event.state);
      const error =
        event.status === null && event.errorCode === null
          ? ''
          : ` status=${String(event.status)} errorCode=${String(event.errorCode)}`;

      return `readyStateChange ${name}${error}`;
    }
    case 'systemAction':
      return `systemAction ${event.action}/${event.reason}`;
    case 'socketError':
      return `socketError ${event.errorCode} ${event.fallbackType ?? '-'}`;
    case 'channelOpen':
    case 'channelError':
    case 'peerJoined':
      return event.kind;
  }
}

/** The fields of two events of one kind that differ, by name. */
export function differingFields(a: ConformanceEvent, b: ConformanceEvent): string[] {
  if (a.kind !== b.kind) return ['kind'];
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;

  return Object.keys(left).filter((key) => left[key] !== right[key]);
}
