import type {
  PlanSummary,
  ReadyStateChangeEvent,
  TimelineEvent,
  TimelineEventType,
} from '../../contract';

/** An event of one type. */
export type EventOf<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>;

/** The Skylink code the API answered with, and the events that show it. */
export interface ApiFailure {
  /** The Skylink code (4001…5005), from the body when the SDK flavour hides it (2.x). */
  code: number | null;
  /** The HTTP status of the answer, `null` when none arrived. */
  httpStatus: number | null;
  /** The `readyStateChange` ERROR, when there was one. */
  readyState: ReadyStateChangeEvent | null;
  evidence: number[];
}

/**
 * A read-only view of a run's events with the look-ups every rule needs. Findings already in
 * the log (`diagnosis` events) are left out, so diagnosing an exported log gives the same
 * answer as diagnosing the live run.
 */
export class RunLog {
  readonly events: readonly TimelineEvent[];

  constructor(events: readonly TimelineEvent[]) {
    this.events = events.filter((event) => event.type !== 'diagnosis');
  }

  /** Every event of a type, in order. */
  all<T extends TimelineEventType>(type: T): EventOf<T>[] {
    return this.events.filter((event): event is EventOf<T> => event.type === type);
  }

  /** The first event of a type. */
  first<T extends TimelineEventType>(type: T): EventOf<T> | undefined {
    return this.all(type)[0];
  }

  /** The last event of a type. */
  last<T extends TimelineEventType>(type: T): EventOf<T> | undefined {
    return this.all(type).at(-1);
  }

  /** The run's start event. */
  get start(): EventOf<'run.start'> | undefined {
    return this.first('run.start');
  }

  /** The resolved plan, as the run recorded it. */
  get plan(): PlanSummary | null {
    return this.start?.plan ?? null;
  }

  /** The run's result event, when it finished. */
  get result(): EventOf<'result'> | undefined {
    return this.last('result');
  }

  /** The last API response. */
  get apiResponse(): EventOf<'http.response'> | undefined {
    return this.all('http.response')
      .filter((event) => event.purpose === 'api')
      .at(-1);
  }

  /** The last API request. */
  get apiRequest(): EventOf<'http.request'> | undefined {
    return this.all('http.request')
      .filter((event) => event.purpose === 'api')
      .at(-1);
  }

  /** The `readyStateChange` ERROR, when the API step failed. */
  get readyStateError(): ReadyStateChangeEvent | undefined {
    return this.all('readyStateChange').find((event) => event.state === -1 && event.error !== null);
  }

  /** The rejecting (or last) `systemAction`. */
  get systemAction(): EventOf<'systemAction'> | undefined {
    const actions = this.all('systemAction');

    return actions.find((event) => event.action === 'reject') ?? actions.at(-1);
  }

  /**
   * How the API refused, if it did: the Skylink code from the body's `error` (which 2.x does
   * not surface) or from the `readyStateChange` itself.
   */
  apiFailure(): ApiFailure | null {
    const readyState = this.readyStateError ?? null;
    const response = this.apiResponse;
    const bodyCode = response === undefined ? null : bodyErrorCode(response.body);
    if (readyState === null && (bodyCode === null || response?.status === 200)) return null;

    const sdkCode = readyState?.error?.errorCode ?? null;
    const code = bodyCode ?? (sdkCode !== null && sdkCode >= 4000 ? sdkCode : null);
    const evidence = [response?.seq, readyState?.seq].filter((seq) => seq !== undefined);

    return { code, httpStatus: response?.status ?? null, readyState, evidence };
  }

  /** The `seq` numbers of events, leaving out the ones that are missing. */
  static seqs(...events: ({ seq: number } | undefined | null)[]): number[] {
    const seqs = events.flatMap((event) =>
      event === undefined || event === null ? [] : [event.seq],
    );

    return [...new Set(seqs)].sort((a, b) => a - b);
  }
}

/** The numeric `error` of an API failure body, or `null`. */
export function bodyErrorCode(body: string): number | null {
  try {
    const value: unknown = JSON.parse(body);
    if (value === null || typeof value !== 'object') return null;
    const { error, success } = value as { error?: unknown; success?: unknown };
    if (success === true) return null;

    return typeof error === 'number' && Number.isInteger(error) ? error : null;
  } catch {
    return null;
  }
}

/** The room, start and duration in an API URL path (`/api/<key>/<room>[/<start>/<duration>]`). */
export function apiUrlParts(
  url: string,
): { appKey: string; room: string; start: string | null; duration: string | null } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /\/api\/([^/]+)\/([^/]+)(?:\/([^/]+)\/([^/]+))?\/?$/.exec(path);
  if (match === null) return null;
  const decode = (part: string | undefined): string | null => {
    if (part === undefined) return null;
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };

  return {
    appKey: decode(match[1]) ?? '',
    room: decode(match[2]) ?? '',
    start: decode(match[3]),
    duration: decode(match[4]),
  };
}

/** The `info` text of an API failure body, or `null`. */
export function bodyInfo(body: string): string | null {
  try {
    const value: unknown = JSON.parse(body);
    if (value === null || typeof value !== 'object') return null;
    const { info } = value as { info?: unknown };

    return typeof info === 'string' ? info : null;
  } catch {
    return null;
  }
}
