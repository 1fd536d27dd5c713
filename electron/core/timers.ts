/**
 * Timer functions as the engine uses them for its per-attempt timeouts, retries, join wait and
 * run deadline. Injected so a test can run a 4 s × 3 timeout ladder in milliseconds.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's own timers. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
