import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser } from 'playwright-core';

import type { RunLog } from '../electron/contract';
import { createBackend } from '../electron/host/backend';
import { MemoryVault } from '../electron/host/memory-vault';
import { startWebHost } from '../electron/host/web-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';

import { row, type BenchRow } from './bench-row';
import { median, percentile, rounds } from './bench-stats';
import { latePercent, presentedMs } from './frame-work';
import {
  flingScript,
  idleFramesScript,
  installProbeScript,
  LAST_SHOWN_SCRIPT,
  READ_PROBE_SCRIPT,
  SHOWN_COUNT_SCRIPT,
  START_RECORDING_SCRIPT,
} from './page-probes';
import { createStreamingBackend } from './streaming-backend';

const SECTION = '4. renderer timeline';
const PAGE_TIMEOUT_MS = 30_000;
/** How long after the last push the bench waits for the last row before calling it missed. */
const SETTLE_TIMEOUT_MS = 60_000;
/**
 * The budget of every frame figure: one refresh at 60 Hz. Frames are judged by how long they
 * were on screen (`presentedMs`), since headless Chromium paces rAF to the refresh, as the
 * app's window does: an on-time frame reads 16.6-16.8 ms from timer jitter, a late one 33.3.
 */
const FRAME_BUDGET_MS = 16.7;
/** Frames of the scroll test, each moving 30 rows: a fast fling through 7,200 rows. */
const SCROLL_FRAMES = 240;
const SCROLL_STEP_PX = 900;

interface RoundFigures {
  /** `null` when the last row was not shown within SETTLE_TIMEOUT_MS of the last push. */
  renderMs: number | null;
  lagMs: number | null;
  /** Events the page held when the bench stopped waiting. */
  shownEvents: number;
  /** Frames that drew a change while streaming: p95 time on screen, raw rAF p95, late %. */
  streamP95: number;
  streamRawP95: number;
  streamLatePct: number;
  updateFrames: number;
  scrollP95: number;
  scrollRawP95: number;
  scrollLatePct: number;
  heapMb: number;
  idleRawP95: number;
}

/**
 * The real renderer, served by the real web host over the real backend, with one extra run
 * whose 100,000 events the bench pushes at a fixed rate (see `streaming-backend.ts`). The
 * lower-level events are switched on, so every event is a row. Per round, in a fresh page:
 * time from the first push until the last event's row is in the DOM, the lag after the last
 * push, how long each frame that drew a change while streaming was on screen, the same for
 * every frame of a fling through the finished list, and the JS heap after a forced collection.
 */
export async function measureRendererStream(
  run: RunLog,
  options: { rounds: number; ratePerSecond: number; staticDir: string; sandboxUrl: string },
): Promise<BenchRow[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const perRound = await rounds(options.rounds, () => oneRound(browser, run, options));
    const count = run.events.length.toLocaleString('en-US');
    const streamSeconds = run.events.length / options.ratePerSecond;
    const list = (pick: (r: RoundFigures) => number | null): string =>
      perRound.map((r) => pick(r)?.toFixed(1) ?? 'unfinished').join(', ');
    const figure = (pick: (r: RoundFigures) => number): number => median(perRound.map(pick));
    const unfinished = perRound.filter((r) => r.renderMs === null);
    // A figure over rounds that did not all finish would flatter the renderer: report none.
    const finishedMedian = (pick: (r: RoundFigures) => number | null): number | null =>
      unfinished.length > 0 ? null : median(perRound.map((r) => pick(r) ?? Number.NaN));
    const unfinishedNote =
      unfinished.length === 0
        ? ''
        : `; ${unfinished.length} of ${perRound.length} rounds had not shown the ` +
          `last row ${SETTLE_TIMEOUT_MS / 1000} s after the last push (events ` +
          `in the page then: ${unfinished.map((r) => r.shownEvents).join(', ')})`;

    return [
      row({
        section: SECTION,
        metric: `time to render ${count} events streamed at ${options.ratePerSecond}/s`,
        value: finishedMedian((r) => r.renderMs),
        unit: 'ms',
        note:
          `${options.rounds} rounds; the stream alone ` +
          `lasts ${(streamSeconds * 1000).toFixed(0)} ms${unfinishedNote}`,
      }),
      row({
        section: SECTION,
        metric: 'last row shown after the last push',
        value: finishedMedian((r) => r.lagMs),
        unit: 'ms',
        note: `rounds ${list((r) => r.lagMs)}`,
      }),
      row({
        section: SECTION,
        metric: 'p95 frame time while streaming (frames that drew new rows)',
        value: figure((r) => r.streamP95),
        unit: 'ms',
        atMost: FRAME_BUDGET_MS,
        note:
          `time on screen in whole 60 Hz refreshes; rounds ${list((r) => r.streamP95)}; ` +
          `${figure((r) => r.updateFrames).toFixed(0)} such frames a round; raw rAF p95 ` +
          `${figure((r) => r.streamRawP95).toFixed(1)} ms (idle page ` +
          `${figure((r) => r.idleRawP95).toFixed(1)} ms)`,
      }),
      row({
        section: SECTION,
        metric: 'frames late for their refresh while streaming',
        value: figure((r) => r.streamLatePct),
        unit: '%',
        note: `on screen two refreshes or more; rounds ${list((r) => r.streamLatePct)}`,
      }),
      row({
        section: SECTION,
        metric: `p95 frame time scrolling ${count} rows`,
        value: figure((r) => r.scrollP95),
        unit: 'ms',
        atMost: FRAME_BUDGET_MS,
        note:
          `${SCROLL_FRAMES} frames, ${SCROLL_STEP_PX / 30} rows each; rounds ` +
          `${list((r) => r.scrollP95)}; raw rAF p95 ${figure((r) => r.scrollRawP95).toFixed(1)} ms`,
      }),
      row({
        section: SECTION,
        metric: 'frames late for their refresh while scrolling',
        value: figure((r) => r.scrollLatePct),
        unit: '%',
        note: `rounds ${list((r) => r.scrollLatePct)}`,
      }),
      row({
        section: SECTION,
        metric: 'JS heap with the run loaded',
        value: median(perRound.map((r) => r.heapMb)),
        unit: 'MB',
        note: 'CDP Performance.getMetrics JSHeapUsedSize after a forced GC',
      }),
    ];
  } finally {
    await browser.close();
  }
}

async function oneRound(
  browser: Browser,
  run: RunLog,
  options: { ratePerSecond: number; staticDir: string; sandboxUrl: string },
): Promise<RoundFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'skylink-bench-data-'));
  const inner = await createBackend({
    host: 'web',
    dataDir,
    vault: new MemoryVault(),
    sandboxUrl: options.sandboxUrl,
  });
  const streaming = createStreamingBackend(inner, run);
  const host = await startWebHost({ backend: streaming.backend, staticDir: options.staticDir });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.goto(host.url);
    await page.getByText('No event matches the filters.').waitFor();
    await page.getByLabel('Lower-level events').check();
    const lastSeq = run.events.at(-1)?.seq ?? 0;
    await page.evaluate(installProbeScript(lastSeq));
    const idleDeltas = await page.evaluate<number[]>(idleFramesScript(120));

    const streamStartedAt = Date.now();
    await page.evaluate(START_RECORDING_SCRIPT);
    const lastPushAt = await streaming.stream({
      ratePerSecond: options.ratePerSecond,
      batchMs: 50,
    });
    // Polled with evaluate: waitForFunction evaluates a string, which the page's CSP forbids.
    const waitUntil = Date.now() + SETTLE_TIMEOUT_MS;
    let isShown = false;
    // Bounded by SETTLE_TIMEOUT_MS: a renderer that falls behind is reported, not waited on.
    while (!(isShown = await page.evaluate<boolean>(LAST_SHOWN_SCRIPT)) && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const shownEvents = await page.evaluate<number>(SHOWN_COUNT_SCRIPT);
    const probe = await page.evaluate<{
      lastShownAt: number;
      deltas: number[];
      updated: boolean[];
    }>(READ_PROBE_SCRIPT);
    const drawn = probe.deltas.filter((_, index) => probe.updated[index] === true);
    const scrollDeltas = await page.evaluate<number[]>(flingScript(SCROLL_FRAMES, SCROLL_STEP_PX));

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;

    return {
      renderMs: isShown ? probe.lastShownAt - streamStartedAt : null,
      lagMs: isShown ? probe.lastShownAt - lastPushAt : null,
      shownEvents,
      streamP95: percentile(drawn.map(presentedMs), 95),
      streamRawP95: percentile(drawn, 95),
      streamLatePct: latePercent(drawn),
      updateFrames: drawn.length,
      scrollP95: percentile(scrollDeltas.map(presentedMs), 95),
      scrollRawP95: percentile(scrollDeltas, 95),
      scrollLatePct: latePercent(scrollDeltas),
      heapMb: heap / (1024 * 1024),
      idleRawP95: percentile(idleDeltas, 95),
    };
  } finally {
    await context.close();
    await host.close();
    await streaming.backend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
