import { createDesktopApi, type DesktopApi } from '../contract';

import { createWebSocketTransport, readPageToken } from './web-socket-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web host. */
    diagnostics?: DesktopApi;
  }
}

/**
 * The DesktopApi of whichever host the page runs in: the preload's in Electron, or one built
 * here over the web host's WebSocket. Returns `null` when neither is available.
 */
export function resolveApi(win: Window): DesktopApi | null {
  if (win.diagnostics !== undefined) return win.diagnostics;

  const token = readPageToken(win.location.hash);
  if (token === null) return null;
  const url = `ws://${win.location.host}/ws?token=${token}`;

  return createDesktopApi(createWebSocketTransport({ url }));
}
