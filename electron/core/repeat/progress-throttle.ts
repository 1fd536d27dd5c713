/**
 * A rate limit on progress reports: at most one per `minIntervalMs`, the latest state always
 * last.
 */
export interface ProgressThrottle {
  /** Asks for a report; it happens now, or once the interval has passed, never twice at once. */
  request(): void;
  /** Sends the final report, waiting out the interval if one was just sent, so the limit holds. */
  flush(): Promise<void>;
}

/**
 * Creates a throttle that calls `report` at most once per `minIntervalMs` (100 ms keeps a
 * batch under 10 reports a second). A request inside the interval is not lost: it becomes one
 * trailing report when the interval ends, so the listener always sees the newest counts.
 */
export function createProgressThrottle(options: {
  minIntervalMs: number;
  report: () => void;
  now?: () => number;
}): ProgressThrottle {
  const { minIntervalMs, report } = options;
  const now = options.now ?? (() => performance.now());
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;

  // The interval runs from the end of one report, so however long building a report takes,
  // two listener calls are never closer than `minIntervalMs`.
  const fire = (): void => {
    timer = null;
    try {
      report();
    } finally {
      lastAt = now();
    }
  };
  // Timers may fire a fraction of a millisecond early; wait again rather than break the limit.
  const fireWhenDue = (): void => {
    const wait = lastAt + minIntervalMs - now();
    if (wait > 0) timer = setTimeout(fireWhenDue, Math.ceil(wait));
    else fire();
  };

  return {
    request() {
      if (timer !== null) return;

      const wait = lastAt + minIntervalMs - now();
      if (wait <= 0) {
        fire();

        return;
      }
      timer = setTimeout(fireWhenDue, Math.ceil(wait));
    },
    async flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const wait = lastAt + minIntervalMs - now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            timer = null;
            resolve();
          }, Math.ceil(wait));
        });
        // A timer can still run early by a fraction of a millisecond: wait that out too.
        const rest = lastAt + minIntervalMs - now();
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(rest)));
      }
      fire();
    },
  };
}
