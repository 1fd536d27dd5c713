import type { TimelineEvent } from '../../contract';

/** Caps of a {@link RunKeeper}. */
export interface RunKeeperOptions {
  /** How many successful runs to keep, as a uniform random sample of all successes. */
  keepSuccessSample: number;
  /** How many failed runs to keep; every distinct outcome key gets one before any gets two. */
  keepFailures: number;
  /** Injected for tests; `Math.random` otherwise. */
  random?: () => number;
}

interface KeptRun {
  order: number;
  events: TimelineEvent[];
  failed: boolean;
}

/**
 * Decides which runs of a repeat batch keep their events, so memory stays flat however long
 * the batch: at most `keepFailures + keepSuccessSample` event lists are ever held.
 *
 * Successes: reservoir sampling (Vitter's algorithm R), so each success has the same chance of
 * being kept whatever its position. Failures: the first ones are kept until the cap; after that
 * a failure with an outcome key not yet kept evicts the newest kept run of the most frequent
 * key, so a rare failure is never crowded out by a common one.
 */
export class RunKeeper {
  readonly #options: Required<RunKeeperOptions>;
  readonly #runs = new Map<string, KeptRun>();
  readonly #failuresByKey = new Map<string, string[]>();
  #failureCount = 0;
  readonly #sample: string[] = [];
  #successesSeen = 0;
  #order = 0;

  constructor(options: RunKeeperOptions) {
    this.#options = { random: Math.random, ...options };
  }

  /** Offers a finished run; cancelled runs are never kept (their events say nothing new). */
  offer(runId: string, key: string, events: TimelineEvent[]): void {
    this.#order += 1;
    if (key === 'cancelled') return;
    if (key === 'joined') {
      this.#offerSuccess(runId, events);

      return;
    }
    this.#offerFailure(runId, key, events);
  }

  /** Kept runs by id, in the order they finished. */
  kept(): Map<string, TimelineEvent[]> {
    return new Map(this.#sorted().map(([runId, run]) => [runId, run.events]));
  }

  /** The events of a run kept now; `undefined` once it is evicted, or if it never was kept. */
  eventsOf(runId: string): TimelineEvent[] | undefined {
    return this.#runs.get(runId)?.events;
  }

  /** Ids of every kept run, in the order they finished. */
  keptRunIds(): string[] {
    return this.#sorted().map(([runId]) => runId);
  }

  /**
   * Ids of the kept failed runs, in the order they finished.
   * Known limit: failures beyond `keepFailures` are counted but not named anywhere, so a
   * summary cannot list every failed run of a long batch, only those it can also open.
   */
  failedRunIds(): string[] {
    return this.#sorted()
      .filter(([, run]) => run.failed)
      .map(([runId]) => runId);
  }

  #sorted(): [string, KeptRun][] {
    return [...this.#runs.entries()].sort((a, b) => a[1].order - b[1].order);
  }

  #offerSuccess(runId: string, events: TimelineEvent[]): void {
    const cap = this.#options.keepSuccessSample;
    this.#successesSeen += 1;
    if (cap <= 0) return;
    if (this.#sample.length < cap) {
      this.#sample.push(runId);
      this.#runs.set(runId, { order: this.#order, events, failed: false });

      return;
    }
    const slot = Math.floor(this.#options.random() * this.#successesSeen);
    if (slot >= cap) return;

    const evicted = this.#sample[slot];
    if (evicted !== undefined) this.#runs.delete(evicted);
    this.#sample[slot] = runId;
    this.#runs.set(runId, { order: this.#order, events, failed: false });
  }

  #offerFailure(runId: string, key: string, events: TimelineEvent[]): void {
    const cap = this.#options.keepFailures;
    if (cap <= 0) return;
    if (this.#failureCount >= cap && !this.#makeRoomFor(key)) return;

    const ids = this.#failuresByKey.get(key) ?? [];
    ids.push(runId);
    this.#failuresByKey.set(key, ids);
    this.#failureCount += 1;
    this.#runs.set(runId, { order: this.#order, events, failed: true });
  }

  /**
   * Evicts the newest run of the most frequent key when `key` has no kept run yet. Returns
   * `false` (keep nothing) when `key` is already represented, or when every kept failure is
   * the only one of its key, since evicting it would only swap one rare failure for another.
   */
  #makeRoomFor(key: string): boolean {
    if (this.#failuresByKey.has(key)) return false;

    let largest: string[] | undefined;
    for (const ids of this.#failuresByKey.values()) {
      if (largest === undefined || ids.length > largest.length) largest = ids;
    }
    if (largest === undefined || largest.length < 2) return false;

    const evicted = largest.pop();
    if (evicted !== undefined) this.#runs.delete(evicted);
    this.#failureCount -= 1;

    return true;
  }
}
