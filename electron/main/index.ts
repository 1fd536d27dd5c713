import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';

import { configureLogging, createLogger } from '../core/logger';
import { ENGINE_VERSION } from '../core/version';
import { createBackend } from '../host/backend';
import { STORE_WITHOUT_KEYRING_SETTING, type Backend } from '../host/backend-types';
import { PRODUCT_NAME } from '../host/data-dir';
import { createLogFileSink } from '../host/log-file-sink';

import { openElectronStore } from './electron-store-file';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { denyWindowOpen } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { registerIpc, type IpcBinding } from './register-ipc';
import { SafeStorageVault } from './safe-storage-vault';

const log = createLogger('diag:main');
const here = fileURLToPath(new URL('.', import.meta.url));

// Tests and portable setups point the app at another data folder, as the CLI's --data-dir does.
const homeOverride = process.env.SKYLINK_DIAG_HOME;
if (homeOverride !== undefined && homeOverride !== '') app.setPath('userData', homeOverride);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let binding: IpcBinding | null = null;

/** The dev server's URL under `electron-vite dev`, else the packaged page. */
function rendererUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl !== undefined) return devUrl;

  return pathToFileURL(join(here, '../renderer/index.html')).href;
}

function createWindow(url: string): BrowserWindow {
  const window = createMainWindow({
    rendererUrl: url,
    preloadPath: join(here, '../preload/index.cjs'),
    isPackaged: app.isPackaged,
    onReload: () => binding?.rendererReloading(),
  });
  window.on('closed', () => {
    mainWindow = null;
  });

  return window;
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  // Known limit: the app logs to its JSON-lines file only, in development too; the console
  // sink is private to the logger module, so `electron-vite dev` shows no main-process lines.
  const logs = createLogFileSink({ dir: join(dataDir, 'logs') });
  configureLogging({ sinks: [logs.sink], level: app.isPackaged ? 'info' : 'debug' });

  denyAllPermissions(session.defaultSession);
  const storeFile = openElectronStore(dataDir);
  const settings = storeFile.get('settings') as Record<string, unknown> | undefined;
  const vault = await SafeStorageVault.open({
    safeStorage,
    dir: dataDir,
    allowUnprotected: settings?.[STORE_WITHOUT_KEYRING_SETTING] === true,
  });
  backend = await createBackend({ host: 'electron', dataDir, vault, openStore: () => storeFile });

  const url = rendererUrl();
  binding = registerIpc({ ipcMain, backend, getWindow: () => mainWindow, rendererUrl: url });
  mainWindow = createWindow(url);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        sendToRenderer: (action) => mainWindow?.webContents.send('app:menu', { action }),
        openLogsFolder: () => void shell.openPath(join(dataDir, 'logs')),
        showAbout: () =>
          void dialog.showMessageBox({
            title: PRODUCT_NAME,
            message: `${PRODUCT_NAME} ${app.getVersion()}`,
            detail: `Engine ${ENGINE_VERSION}\nData: ${dataDir}`,
          }),
      }),
    ),
  );
  log.info('app started', { dataDir, packaged: app.isPackaged });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // Belt and braces: no contents of this app may open windows or attach webviews.
    contents.setWindowOpenHandler(() => denyWindowOpen());
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && backend !== null) mainWindow = createWindow(rendererUrl());
  });
  app.on('will-quit', () => {
    binding?.dispose();
    void backend?.close();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start failed', { error });
      dialog.showErrorBox(PRODUCT_NAME, error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
