import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** The same policy as the meta tag of `renderer/index.html`, sent as a header too. */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws://127.0.0.1:*",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Maps a request path onto a file inside `root`, or `null` when the path is malformed or
 * would leave `root` (`..`, encoded separators, NUL bytes).
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || !pathname.startsWith('/')) return null;
  // Any `..` segment is refused outright rather than normalised away, so no request can
  // even probe for the shape of the folders above `root`.
  if (pathname.split('/').includes('..')) return null;

  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const base = resolve(root);
  const file = resolve(base, relative);

  return file.startsWith(base + sep) ? file : null;
}

/** Serves one GET or HEAD request for a file of the built renderer. */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed');

    return;
  }

  const file = resolveStaticPath(root, req.url ?? '/');
  if (file === null) {
    sendText(res, 400, 'Bad path');

    return;
  }

  try {
    const info = await stat(file);
    if (!info.isFile()) {
      sendText(res, 404, 'Not found');

      return;
    }
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': body.byteLength,
      // Built assets carry a content hash; the page itself must always be fresh.
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    sendText(res, 404, 'Not found');
  }
}
