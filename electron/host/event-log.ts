import type { TimelineEvent } from '../contract';

/**
 * One run's events, append-only, in rising `seq` order. A reloaded renderer catches up with
 * {@link EventLog.since}; an event whose `seq` does not rise is refused, so a replay can never
 * show one event twice or out of order.
 */
export class EventLog {
  readonly #events: TimelineEvent[] = [];

  /** Appends an event; returns false (and keeps nothing) when its `seq` does not rise. */
  append(event: TimelineEvent): boolean {
    const last = this.#events.at(-1);
    if (last !== undefined && event.seq <= last.seq) return false;
    this.#events.push(event);

    return true;
  }

  /** Events after `afterSeq`, in order. */
  since(afterSeq: number): TimelineEvent[] {
    return this.#events.filter((event) => event.seq > afterSeq);
  }

  /** Every event, as a copy. */
  all(): TimelineEvent[] {
    return [...this.#events];
  }

  get size(): number {
    return this.#events.length;
  }
}
