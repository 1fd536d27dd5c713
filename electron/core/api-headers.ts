import type { SdkFlavour } from '../contract';

import { SDK_VERSION_HEADER } from './version';

/** The `Skylink_API_version` header SkylinkJS 2.x sends. */
export const SKYLINK_API_VERSION = '9.0.0';

/** The `X-Server-Select` header SkylinkJS 2.x sends (routes to the v2 signalling). */
export const SERVER_SELECT = 'sig-v2';

/**
 * The headers the chosen SDK flavour puts on its API request (protocol spec §4.2), plus the
 * `Origin` a browser would add. Without an origin none is sent, which the platform answers
 * with 4004 in CORS mode: exactly what a Node client that forgets it gets.
 */
export function buildApiHeaders(sdk: SdkFlavour, origin: string | null): Record<string, string> {
  const headers: Record<string, string> =
    sdk === '0.6'
      ? { Skylink_SDK_version: SDK_VERSION_HEADER['0.6'], Skylink_SDK_type: 'WEB_SDK' }
      : {
          Skylink_SDK_type: 'Web SDK',
          Skylink_SDK_version: SDK_VERSION_HEADER['2.x'],
          Skylink_API_version: SKYLINK_API_VERSION,
          'X-Server-Select': SERVER_SELECT,
        };
  if (origin !== null) headers.Origin = origin;

  return headers;
}

/**
 * What the signalling socket sends as `query` (both flavours) and `extraHeaders` (2.x) per
 * protocol spec §8.1.
 */
export function buildSocketQuery(sdk: SdkFlavour): Record<string, string> {
  return sdk === '0.6'
    ? { Skylink_SDK_type: 'WEB_SDK', Skylink_SDK_version: SDK_VERSION_HEADER['0.6'] }
    : {
        Skylink_SDK_type: 'Web SDK',
        Skylink_SDK_version: SDK_VERSION_HEADER['2.x'],
        Skylink_API_version: SKYLINK_API_VERSION,
        'X-Server-Select': SERVER_SELECT,
      };
}
