import {
  chromium,
  type Browser,
  type Page,
  type Request,
  type Response,
  type WebSocket,
} from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

import { startPageServer, type PageServer } from './page-server';
import type { SdkVersion } from './sdk-bundle';
import { maskApiUrl, messageOfFrame, shapeOf } from './wire-shape';

/**
 * The page's host. The sandbox's CORS demo key lists `app.example.com`; Chromium maps the name
 * to 127.0.0.1, so the page has a realistic origin while every byte stays on loopback.
 */
export const PAGE_HOST = 'app.example.com';

// Known limit: pages are plain HTTP and the SDKs run with `forceSSL: false`; their default
// https/wss path (and 0.6's polling rungs of the ladder) are not exercised.
/** What the page passes to the SDK. */
export interface SdkRunConfig {
  appKey: string;
  room: string;
  /** Protocol-relative, as the SDK wants it: `//127.0.0.1:<port>`. */
  roomServer: string;
  credentials: { startDateTime: string; duration: number; credentials: string } | null;
  /** 0.6's `apiTimeout` (2.x has none). */
  apiTimeoutMs: number;
  socketTimeoutMs: number;
  /** The page gives up waiting for a terminal event after this long. */
  deadlineMs: number;
  /** 0: a join ends the run; otherwise the page stays this long (or until a reject). */
  stayAfterJoinMs: number;
}

/** One event as the page recorded it, straight from the SDK's callback arguments. */
export interface RawSdkEvent {
  type:
    | 'readyStateChange'
    | 'systemAction'
    | 'channelOpen'
    | 'channelClose'
    | 'channelError'
    | 'socketError'
    | 'peerJoined'
    | 'callback';
  /** Milliseconds since the page started the run. */
  t: number;
  state?: number;
  error?: { status: number; errorCode: number; content: string } | null;
  room?: string | null;
  action?: string;
  reason?: string;
  info?: string;
  errorCode?: number;
  fallbackType?: string | null;
  message?: string;
  name?: string;
  ok?: boolean;
}

/** How the page run ended, and what it saw. */
export interface SdkRunResult {
  events: RawSdkEvent[];
  /** `joined`, `rejected`, `error`, `aborted`, `threw` or `deadline`. */
  endedBy: string;
  elapsedMs: number;
  /**
   * Requests the SDK tried beyond loopback (0.6 posts stats to api.temasys.io and loads an
   * extension probe from cdn.temasys.com.sg whatever `roomServer` says). Chromium's resolver
   * rules fail each one before any packet leaves; `offLoopbackResponses` proves it.
   */
  blockedRequests: string[];
  /** Off-loopback requests that got a response; the suite asserts there are none. */
  offLoopbackResponses: string[];
  /** Loopback requests that failed, with Chromium's reason (`url net::ERR_…`). */
  failedRequests: string[];
  /**
   * The auth requests the SDK sent (`GET …/api/…`), URL masked by `maskApiUrl` as soon as it is
   * seen (it carries the credentials), with Chromium's lower-cased headers.
   */
  apiRequests: { url: string; headers: Record<string, string> }[];
  /** The signalling messages the SDK sent: type and shape only, never the token values. */
  sentMessages: { type: string; shape: string[] }[];
  pageErrors: string[];
}

/** One Chromium and one page server, shared by every run of a test file. */
export class SdkBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly pages: PageServer,
  ) {}

  private readonly idle: Page[] = [];
  private runs = 0;

  /** Chromium's version, for the results page. */
  get version(): string {
    return this.browser.version();
  }

  /** The page origin the SDK runs under, which the engine must send as `Origin`. */
  get origin(): string {
    return `http://${PAGE_HOST}:${this.pages.port}`;
  }

  /** Starts the page server and Chromium (Playwright gives it a fresh temporary profile). */
  static async launch(): Promise<SdkBrowser> {
    const pages = await startPageServer();
    const origin = `http://${PAGE_HOST}:${pages.port}`;
    try {
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          // AdapterJS touches navigator.mediaDevices, which only secure contexts have.
          `--unsafely-treat-insecure-origin-as-secure=${origin}`,
          // Every other name fails to resolve, so nothing can leave the machine by accident.
          `--host-resolver-rules=MAP ${PAGE_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
        ],
      });

      return new SdkBrowser(browser, pages);
    } catch (error) {
      await pages.close();
      throw error;
    }
  }

  /**
   * Runs one init + join in a freshly loaded document. Pages are reused: a new document is a
   * new JavaScript realm, so the SDKs' module-level singletons start over, while the renderer
   * process (the slow part of a new page) is kept. Each page has its own context.
   */
  async run(version: SdkVersion, config: SdkRunConfig): Promise<SdkRunResult> {
    const page = this.idle.pop() ?? (await (await this.browser.newContext()).newPage());
    const blockedRequests: string[] = [];
    const offLoopbackResponses: string[] = [];
    const pageErrors: string[] = [];
    const failedRequests: string[] = [];
    const apiRequests: SdkRunResult['apiRequests'] = [];
    const sentMessages: SdkRunResult['sentMessages'] = [];
    const isLoopback = (url: string): boolean => {
      const { protocol, hostname } = new URL(url);

      return protocol === 'about:' || hostname === '127.0.0.1' || hostname === PAGE_HOST;
    };
    const onRequest = (request: Request): void => {
      const url = request.url();
      if (!isLoopback(url)) blockedRequests.push(url);
      else if (
        request.method() === 'GET' &&
        new URL(url).pathname.startsWith('/api/') &&
        // A redirect's follow-up is the browser's request, not one the SDK made.
        request.redirectedFrom() === null
      ) {
        apiRequests.push({ url: maskApiUrl(url), headers: request.headers() });
      }
    };
    const onWebSocket = (socket: WebSocket): void => {
      socket.on('framesent', (frame) => {
        const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
        const message = messageOfFrame(text);
        if (message !== null) {
          sentMessages.push({ type: String(message.type), shape: shapeOf(message) });
        }
      });
    };
    const onResponse = (response: Response): void => {
      if (!isLoopback(response.url())) offLoopbackResponses.push(response.url());
    };
    const onPageError = (error: Error): void => {
      pageErrors.push(error.message);
    };
    const onRequestFailed = (request: Request): void => {
      if (isLoopback(request.url())) {
        failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`.trim());
      }
    };
    page.on('request', onRequest);
    page.on('response', onResponse);
    page.on('pageerror', onPageError);
    page.on('requestfailed', onRequestFailed);
    page.on('websocket', onWebSocket);
    let reusable = false;
    try {
      this.runs += 1;
      await page.goto(`${this.origin}${this.pages.pagePath(version)}?run=${this.runs}`);
      const payload = JSON.stringify({ sdk: version, ...config });
      const outcome = await page.evaluate<
        Omit<
          SdkRunResult,
          | 'blockedRequests'
          | 'offLoopbackResponses'
          | 'pageErrors'
          | 'failedRequests'
          | 'apiRequests'
          | 'sentMessages'
        >
      >(`window.runConformance(${payload})`);
      // Leaving the document closes the SDK's sockets before the page serves the next run.
      await page.goto('about:blank');
      reusable = true;

      return {
        ...outcome,
        blockedRequests,
        offLoopbackResponses,
        pageErrors,
        failedRequests,
        apiRequests,
        sentMessages,
      };
    } finally {
      page.off('request', onRequest);
      page.off('response', onResponse);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onRequestFailed);
      page.off('websocket', onWebSocket);
      if (reusable) this.idle.push(page);
      else await page.context().close();
    }
  }

  /** Closes Chromium and the page server. */
  async close(): Promise<void> {
    await this.browser.close();
    await this.pages.close();
  }
}
