/**
 * Pure checks the main process applies to its window: where it may navigate, whether it may
 * open windows, and which frames may call the backend.
 */

/** The renderer's location with query and hash dropped, the form frames are compared in. */
export function rendererLocation(url: string): string | null {
  try {
    const parsed = new URL(url);

    return parsed.protocol === 'file:' ? `file://${parsed.pathname}` : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * Whether a frame URL is our renderer: the same origin for an http(s) dev server, the same
 * file for a packaged `file://` page. Anything else (another site, another file) is foreign.
 */
export function isRendererUrl(frameUrl: string, rendererUrl: string): boolean {
  const ours = rendererLocation(rendererUrl);

  return ours !== null && rendererLocation(frameUrl) === ours;
}

/** `will-navigate`: the window never leaves the renderer (links open nowhere). */
export function shouldBlockNavigation(targetUrl: string, rendererUrl: string): boolean {
  return !isRendererUrl(targetUrl, rendererUrl);
}

/** `setWindowOpenHandler`: no page may open a window. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The parts of an IPC event's sender the check reads. */
export interface SenderFrame {
  url: string;
  /** The top frame's `parent` is null. */
  parent: unknown;
}

/**
 * Whether an IPC call comes from our window's top frame showing our renderer. A sub-frame, a
 * frame of another window, or a page that navigated away is refused.
 */
export function isTrustedSender(options: {
  senderFrame: SenderFrame | null | undefined;
  senderId: number;
  windowContentsId: number | null;
  rendererUrl: string;
}): boolean {
  const { senderFrame, senderId, windowContentsId, rendererUrl } = options;
  if (senderFrame === null || senderFrame === undefined) return false;
  if (windowContentsId === null || senderId !== windowContentsId) return false;
  if (senderFrame.parent !== null) return false;

  return isRendererUrl(senderFrame.url, rendererUrl);
}
