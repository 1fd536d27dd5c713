/**
 * Scripts the renderer bench runs inside the page. They are plain JavaScript source, not
 * functions handed to `page.evaluate`: tsx compiles bench functions with name-keeping helpers
 * (`__name`) that do not exist in the page.
 */

/**
 * Installs `window.benchProbe`: a rAF loop recording, while `isRecording`, each frame's delta
 * and whether the DOM changed since the frame before (a MutationObserver on the body sets the
 * flag), and the epoch time at which the row of event `lastSeq` first is in the DOM.
 */
export function installProbeScript(lastSeq: number): string {
  return `(() => {
    const probe = { isRecording: false, deltas: [], updated: [], lastShownAt: null };
    window.benchProbe = probe;
    let previous = null;
    let isDirty = false;
    new MutationObserver(() => { isDirty = true; }).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
    });
    const selector = '[data-testid="timeline"] [data-seq="${lastSeq}"]';
    const loop = (now) => {
      if (previous !== null && probe.isRecording) {
        probe.deltas.push(now - previous);
        probe.updated.push(isDirty);
      }
      isDirty = false;
      previous = now;
      if (probe.lastShownAt === null && document.querySelector(selector) !== null) {
        probe.lastShownAt = performance.timeOrigin + performance.now();
      }
      if (probe.lastShownAt === null || probe.isRecording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`;
}

/** Resolves with the rAF deltas of `frames` frames in which nothing happens. */
export function idleFramesScript(frames: number): string {
  return `new Promise((resolve) => {
    const deltas = [];
    let previous = null;
    const loop = (now) => {
      if (previous !== null) deltas.push(now - previous);
      previous = now;
      if (deltas.length < ${frames}) requestAnimationFrame(loop);
      else resolve(deltas);
    };
    requestAnimationFrame(loop);
  })`;
}

/** Scrolls the timeline from the top by `stepPx` each frame and resolves with the deltas. */
export function flingScript(frames: number, stepPx: number): string {
  return `new Promise((resolve) => {
    const viewport = document.querySelector('[data-testid="timeline"]');
    if (viewport === null) { resolve([]); return; }
    viewport.scrollTop = 0;
    const deltas = [];
    let previous = null;
    const loop = (now) => {
      if (previous !== null) deltas.push(now - previous);
      previous = now;
      viewport.scrollTop += ${stepPx};
      if (deltas.length < ${frames}) requestAnimationFrame(loop);
      else resolve(deltas);
    };
    requestAnimationFrame(loop);
  })`;
}

/** Starts recording frame deltas. */
export const START_RECORDING_SCRIPT = 'window.benchProbe.isRecording = true';

/** `true` once the last event's row has been seen. */
export const LAST_SHOWN_SCRIPT = 'window.benchProbe.lastShownAt !== null';

/** Stops recording and returns what the probe saw. */
export const READ_PROBE_SCRIPT =
  '(() => { const b = window.benchProbe; b.isRecording = false; ' +
  'return { lastShownAt: b.lastShownAt, deltas: b.deltas, updated: b.updated }; })()';

/**
 * How many events the timeline holds, from its own counter line (`13889 shown · 13889 events`);
 * `-1` when the line is not found.
 */
export const SHOWN_COUNT_SCRIPT = `(() => {
  const match = /shown · (\\d+) events/.exec(document.body.innerText);
  return match === null ? -1 : Number(match[1]);
})()`;
