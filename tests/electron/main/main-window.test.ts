import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron'));

const electron = await import('../../support/electron');
const { createMainWindow } = await import('../../../electron/main/main-window');
const { buildWindowOptions } = await import('../../../electron/main/window-options');
const guard = await import('../../../electron/main/navigation-guard');

const RENDERER_URL = 'file:///opt/skylink/out/renderer/index.html';

describe('buildWindowOptions()', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const prefs = buildWindowOptions({ preloadPath: '/p.cjs', isPackaged: true }).webPreferences;

    expect(prefs).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
  });

  it('allows DevTools only in an unpackaged build', () => {
    expect(
      buildWindowOptions({ preloadPath: '/p', isPackaged: false }).webPreferences?.devTools,
    ).toBe(true);
  });
});

describe('createMainWindow()', () => {
  const open = () => {
    const onReload = vi.fn();
    createMainWindow({
      rendererUrl: RENDERER_URL,
      preloadPath: '/p.cjs',
      isPackaged: true,
      onReload,
    });
    const window = electron.BrowserWindow.created.at(-1);
    if (window === undefined) throw new Error('no window');

    return { window, onReload };
  };

  it('creates the window with the secure options and loads the renderer', () => {
    const { window } = open();
    const prefs = window.options.webPreferences as Record<string, unknown>;

    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(window.loadedUrl).toBe(RENDERER_URL);
  });

  it('blocks navigation away from the renderer and denies window.open', () => {
    const { window } = open();
    const away = { preventDefault: vi.fn() };
    const inPlace = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', away, 'https://evil.example.net/');
    window.webContents.emit('will-navigate', inPlace, `${RENDERER_URL}#/profiles`);

    expect(away.preventDefault).toHaveBeenCalledOnce();
    expect(inPlace.preventDefault).not.toHaveBeenCalled();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
  });

  it('tells the binding when the page reloads', () => {
    const { window, onReload } = open();
    window.webContents.emit('did-start-loading');

    expect(onReload).toHaveBeenCalledOnce();
  });
});

describe('navigation guard', () => {
  it('compares a dev server by origin and a packaged page by file', () => {
    expect(guard.isRendererUrl('http://localhost:5173/x?y', 'http://localhost:5173/')).toBe(true);
    expect(guard.isRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(guard.isRendererUrl('file:///a/index.html#x', 'file:///a/index.html')).toBe(true);
    expect(guard.isRendererUrl('file:///a/other.html', 'file:///a/index.html')).toBe(false);
    expect(guard.isRendererUrl('not a url', 'file:///a/index.html')).toBe(false);
  });
});
