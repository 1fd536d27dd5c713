import type { BrowserWindowConstructorOptions } from 'electron';

/** What the window options depend on. */
export interface WindowOptionsInput {
  preloadPath: string;
  isPackaged: boolean;
}

/**
 * The one window's options. The renderer is isolated and sandboxed with no Node: everything it
 * can do goes through the preload's `window.diagnostics`, which is the whole attack surface.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Skylink Diagnostics',
    show: false,
    backgroundColor: '#111418',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !input.isPackaged,
    },
  };
}
