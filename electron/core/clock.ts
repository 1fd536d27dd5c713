/**
 * Time as the engine sees it. Injected so tests can move it and the sandbox can skew it.
 */
export interface Clock {
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
  /** Monotonic milliseconds, for durations. */
  monotonic(): number;
}

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** A clock shifted by a fixed offset, as the sandbox's `clockOffsetMs` does. */
export function offsetClock(base: Clock, offsetMs: number): Clock {
  return { now: () => base.now() + offsetMs, monotonic: () => base.monotonic() };
}

/** A clock that tests move by hand. */
export function manualClock(startMs: number): Clock & { advance(ms: number): void } {
  let wall = startMs;
  let mono = 0;

  return {
    now: () => wall,
    monotonic: () => mono,
    advance(ms: number) {
      wall += ms;
      mono += ms;
    },
  };
}
