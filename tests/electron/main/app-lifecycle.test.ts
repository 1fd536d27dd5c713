import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron'));
vi.mock('electron-store', async () =>
  (await import('../../support/electron')).electronStoreModule(),
);

const electron = await import('../../support/electron');
const home = mkdtempSync(join(tmpdir(), 'diag-app-'));

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('main process lifecycle', () => {
  it(
    'starts: data folder from SKYLINK_DIAG_HOME, ' + 'one secure window, IPC bound to the backend',
    async () => {
      process.env.SKYLINK_DIAG_HOME = home;
      electron.app.hasLock = true;
      await import('../../../electron/main/index');
      electron.app.markReady();
      await until(() => electron.BrowserWindow.created.length === 1);

      const [window] = electron.BrowserWindow.created;
      if (window === undefined) throw new Error('no window');
      const prefs = window.options.webPreferences as Record<string, unknown>;
      expect(electron.app.getPath('userData')).toBe(home);
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      });
      expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
      expect(window.loadedUrl).toMatch(/^file:.*renderer\/index\.html$/);

      const event = {
        sender: { id: window.webContents.id },
        senderFrame: { url: window.loadedUrl, parent: null },
      };
      const list = (await electron.ipcMain.invoke('profiles:list', event)) as {
        builtIn: boolean;
      }[];
      const info = (await electron.ipcMain.invoke('app:info', event)) as {
        dataDir: string;
        host: string;
      };

      expect(list.length).toBeGreaterThan(10);
      expect(info).toMatchObject({ dataDir: home, host: 'electron' });
      expect(existsSync(join(home, 'config.json'))).toBe(true);
      expect(existsSync(join(home, 'logs'))).toBe(true);
      expect(electron.Menu.template).not.toBeNull();
      delete process.env.SKYLINK_DIAG_HOME;
    },
  );
});
