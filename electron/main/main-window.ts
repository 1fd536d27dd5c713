import { BrowserWindow } from 'electron';

import { createLogger } from '../core/logger';

import { denyWindowOpen, shouldBlockNavigation } from './navigation-guard';
import { buildWindowOptions } from './window-options';

const log = createLogger('diag:main-window');

/** What the window needs. */
export interface MainWindowOptions {
  rendererUrl: string;
  preloadPath: string;
  isPackaged: boolean;
  /** The page started loading (a reload): pushes wait until it is ready again. */
  onReload(): void;
}

/**
 * Creates the app's one window with the secure options, blocks every navigation away from
 * the renderer, denies every `window.open`, and loads the renderer.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { rendererUrl, preloadPath, isPackaged } = options;
  const window = new BrowserWindow(buildWindowOptions({ preloadPath, isPackaged }));

  window.webContents.on('will-navigate', (event, target) => {
    if (shouldBlockNavigation(target, rendererUrl)) {
      event.preventDefault();
      log.warn('navigation blocked', { target });
    }
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open denied', { url });

    return denyWindowOpen();
  });
  window.webContents.on('did-start-loading', () => {
    options.onReload();
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(rendererUrl);

  return window;
}
