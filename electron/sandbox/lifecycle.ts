/**
 * Timers the sandbox starts (delays, drips, session ends), cancelled together on close so a
 * closed sandbox leaves nothing running.
 */
export interface Lifecycle {
  readonly isClosed: boolean;
  setTimer(callback: () => void, ms: number): NodeJS.Timeout;
  clearTimer(timer: NodeJS.Timeout): void;
  close(): void;
}

/** setTimeout accepts at most 2^31-1 ms; longer waits are chained. */
const MAX_TIMER_MS = 2_147_483_647;

/** Creates an empty lifecycle. */
export function createLifecycle(): Lifecycle {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const lifecycle: Lifecycle = {
    get isClosed() {
      return closed;
    },
    setTimer(callback, ms) {
      const wait = Math.max(0, Math.min(ms, MAX_TIMER_MS));
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (closed) return;
        if (ms > MAX_TIMER_MS) lifecycle.setTimer(callback, ms - MAX_TIMER_MS);
        else callback();
      }, wait);
      // The sandbox's timers never keep a process (a test, the CLI) alive on their own.
      timer.unref();
      timers.add(timer);

      return timer;
    },
    clearTimer(timer) {
      clearTimeout(timer);
      timers.delete(timer);
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };

  return lifecycle;
}
