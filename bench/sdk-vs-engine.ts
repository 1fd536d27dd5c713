import { chromium, type Browser } from 'playwright-core';

import { DEMO_APP_KEYS } from '../electron/core/demo-apps';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';

import { BENCH_ROOM } from './bench-plan';
import { row, type BenchRow } from './bench-row';
import { median, rounds } from './bench-stats';
import { engineHandshake } from './handshake-latency';
import { startSdkPageServer } from './sdk-page-server';

const SECTION = '2. real SDK vs engine';
const SDK_TIMEOUT_MS = 15_000;

/**
 * Every host name but the two loopback ones fails inside Chromium without a DNS query: the
 * SDK reaches for its CDN and stats server, and no bench traffic may leave 127.0.0.1.
 */
const RESOLVER_RULES =
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

interface SdkTiming {
  initMs: number;
  joinMs: number;
}

/**
 * SkylinkJS 0.6.37 (`skylink.complete.js`) in Chromium against the same sandbox as the engine,
 * side by side: each round runs `joins` SDK `init()` + `joinRoom()` and `joins` engine
 * handshakes, alternating. The SDK's page clock times it; `joinRoom()` repeats the API request
 * (0.6.x re-runs init for the room), so the SDK makes two API requests to the engine's one.
 */
export async function measureSdkVsEngine(
  server: string,
  options: { rounds: number; joins: number },
): Promise<BenchRow[]> {
  const pages = await startSdkPageServer();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        `--unsafely-treat-insecure-origin-as-secure=${pages.origin}`,
        RESOLVER_RULES,
      ],
    });
    const page = await browser.newPage();
    await page.goto(`${pages.origin}/`);
    const config = {
      appKey: DEMO_APP_KEYS.cors,
      room: BENCH_ROOM,
      roomServer: `//${new URL(server).host}`,
      timeoutMs: SDK_TIMEOUT_MS,
    };
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    const sdkJoin = (): Promise<SdkTiming> =>
      page.evaluate<SdkTiming>(`window.benchJoin(${JSON.stringify(config)})`);
    // Warm-up: the first join compiles the SDK and opens Chromium's connections.
    await sdkJoin();
    await engineHandshake(server);

    const perRound = await rounds(options.rounds, async () => {
      const sdk: SdkTiming[] = [];
      const engine: number[] = [];
      for (let index = 0; index < options.joins; index += 1) {
        if (index % 2 === 0) {
          sdk.push(await sdkJoin());
          engine.push(await engineHandshake(server));
        } else {
          engine.push(await engineHandshake(server));
          sdk.push(await sdkJoin());
        }
      }

      return {
        sdkTotal: median(sdk.map((t) => t.initMs + t.joinMs)),
        sdkJoin: median(sdk.map((t) => t.joinMs)),
        engine: median(engine),
      };
    });
    const note = `${options.rounds} rounds x ${options.joins}; Chromium ${browser.version()}`;

    return [
      row({
        section: SECTION,
        metric: 'SDK init() + joinRoom() (2 API requests + join)',
        value: median(perRound.map((r) => r.sdkTotal)),
        unit: 'ms',
        note,
      }),
      row({
        section: SECTION,
        metric: 'SDK joinRoom() alone (API request + join)',
        value: median(perRound.map((r) => r.sdkJoin)),
        unit: 'ms',
      }),
      row({
        section: SECTION,
        metric: 'engine handshake (API request + join)',
        value: median(perRound.map((r) => r.engine)),
        unit: 'ms',
      }),
      row({
        section: SECTION,
        metric: 'engine / SDK joinRoom()',
        value: median(perRound.map((r) => r.engine / r.sdkJoin)),
        unit: 'x',
        note: 'below 1: the engine is faster than the SDK doing the same steps',
      }),
    ];
  } finally {
    await browser?.close();
    await pages.close();
  }
}
