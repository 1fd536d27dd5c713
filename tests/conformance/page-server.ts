import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { sdkScript, SDK_VERSIONS, type SdkVersion } from './sdk-bundle';

/** A page server on 127.0.0.1 that serves one HTML page per SDK version. */
export interface PageServer {
  /** The port it listens on, on 127.0.0.1. */
  port: number;
  /** The path of the page that loads `version`. */
  pagePath(version: SdkVersion): string;
  close(): Promise<void>;
}

const RUNNER_URL = new URL('./browser/page-runner.js', import.meta.url);

function pageHtml(version: SdkVersion): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>SkylinkJS conformance</title></head>',
    `<body data-sdk="${version}">`,
    `<script src="/sdk/${version}.js"></script>`,
    '<script src="/runner.js"></script>',
    '</body></html>',
  ].join('\n');
}

function isSdkVersion(value: string): value is SdkVersion {
  return (SDK_VERSIONS as readonly string[]).includes(value);
}

/**
 * Starts the page server. Scripts are read (and 2.x bundled) before it listens, so the first
 * page load is as fast as the rest.
 */
export async function startPageServer(): Promise<PageServer> {
  const scripts = new Map<SdkVersion, string>();
  for (const version of SDK_VERSIONS) scripts.set(version, await sdkScript(version));
  const runner = await readFile(RUNNER_URL, 'utf8');

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://page.invalid');
    // The SDK scripts never change during a run, so each page's cache keeps them.
    const send = (status: number, type: string, body: string, cache = 'no-store'): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': cache });
      response.end(body);
    };

    const pageMatch = /^\/page\/([^/]+)$/.exec(url.pathname);
    const sdkMatch = /^\/sdk\/([^/]+)\.js$/.exec(url.pathname);
    if (pageMatch?.[1] !== undefined && isSdkVersion(pageMatch[1])) {
      send(200, 'text/html; charset=utf-8', pageHtml(pageMatch[1]));
    } else if (sdkMatch?.[1] !== undefined && isSdkVersion(sdkMatch[1])) {
      const script = scripts.get(sdkMatch[1]) ?? '';
      send(200, 'application/javascript; charset=utf-8', script, 'max-age=3600');
    } else if (url.pathname === '/runner.js') {
      send(200, 'application/javascript; charset=utf-8', runner);
    } else if (url.pathname === '/favicon.ico') {
      send(204, 'image/x-icon', '');
    } else {
      send(404, 'text/plain; charset=utf-8', `No page at ${url.pathname}`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    pagePath: (version) => `/page/${version}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
