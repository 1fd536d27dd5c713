/** One refresh of a 60 Hz display. */
export const REFRESH_MS = 1000 / 60;

/**
 * How long a frame was on screen, from its rAF interval: Chromium paces frames to the
 * display's refresh, so an interval is a whole number of refreshes, measured with a little
 * timer jitter (an idle page's intervals read 16.6-16.8 ms). The nearest whole number of
 * refreshes, at least one, is the frame's duration; a frame more than half a refresh late
 * therefore counts as two.
 */
export function presentedMs(intervalMs: number): number {
  return Math.max(1, Math.round(intervalMs / REFRESH_MS)) * REFRESH_MS;
}

/** The share of intervals, in percent, that were on screen for more than one refresh. */
export function latePercent(intervalsMs: readonly number[]): number {
  if (intervalsMs.length === 0) return Number.NaN;
  const late = intervalsMs.filter((interval) => presentedMs(interval) > REFRESH_MS).length;

  return (100 * late) / intervalsMs.length;
}
