import type { IncomingMessage, ServerResponse } from 'node:http';

import type { CorsMatchRule } from './scenario-types';

/** Headers the SDKs send, which the preflight must allow (spec §4.2). */
export const ALLOWED_REQUEST_HEADERS = [
  'Skylink_SDK_type',
  'Skylink_SDK_version',
  'Skylink_API_version',
  'X-Server-Select',
  'Content-Type',
];

/**
 * Adds CORS headers to an answer. Every answer gets them, errors included: a browser hides
 * a response without them and the SDK then reports only -1.
 */
export function applyCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin !== undefined) res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS.join(', '));
  res.setHeader('Access-Control-Expose-Headers', 'Date');
  res.setHeader('Access-Control-Max-Age', '600');
}

/** Splits an `Origin` header value; null when it is not a URL (`null`, garbage). */
function parseOrigin(origin: string): URL | null {
  try {
    return new URL(origin);
  } catch {
    return null;
  }
}

/**
 * Whether an origin is in a key's CORS url list. `host` (default) compares the host name
 * only, as the platform's list holds bare hosts; `host-port` also needs the port to be the
 * scheme's default or listed (`localhost:5173`); `origin` needs an exact `scheme://host[:port]`.
 */
export function originAllowed(origin: string, corsUrls: string[], rule: CorsMatchRule): boolean {
  const url = parseOrigin(origin);
  if (url === null || url.hostname === '') return false;
  const host = url.hostname.toLowerCase();

  return corsUrls.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    switch (rule) {
      case 'host':
        return wanted === host;
      case 'host-port':
        return wanted === (url.port === '' ? host : `${host}:${url.port}`);
      case 'origin':
        return wanted === url.origin.toLowerCase();
    }
  });
}
