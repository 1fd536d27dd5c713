import { beforeEach, describe, expect, it, vi } from 'vitest';

import { INVOKE_CHANNELS } from '../../../electron/contract';
import type { Backend, PushListener } from '../../../electron/host/backend-types';

vi.mock('electron', () => import('../../support/electron'));

const electron = await import('../../support/electron');
const { registerIpc } = await import('../../../electron/main/register-ipc');

const RENDERER_URL = 'file:///opt/skylink/resources/app.asar/out/renderer/index.html';

function fakeBackend(): { backend: Backend; calls: unknown[][]; push: PushListener } {
  const calls: unknown[][] = [];
  const listeners = new Set<PushListener>();
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      (...args: unknown[]) => {
        calls.push([channel, ...args]);

        return Promise.resolve({ ok: true, value: channel });
      },
    ]),
  );

  return {
    calls,
    push: (channel, payload) => {
      for (const listener of listeners) listener(channel, payload);
    },
    backend: {
      handlers: handlers as unknown as Backend['handlers'],
      onPush(listener) {
        listeners.add(listener);

        return () => listeners.delete(listener);
      },
      close: () => Promise.resolve(),
    },
  };
}

function eventFrom(
  window: InstanceType<typeof electron.BrowserWindow>,
  frame: { url: string; parent: unknown },
) {
  return { sender: { id: window.webContents.id }, senderFrame: frame };
}

describe('registerIpc()', () => {
  let window: InstanceType<typeof electron.BrowserWindow>;
  let fake: ReturnType<typeof fakeBackend>;

  beforeEach(() => {
    electron.ipcMain.reset();
    window = new electron.BrowserWindow({});
    fake = fakeBackend();
    registerIpc({
      ipcMain: electron.ipcMain,
      backend: fake.backend,
      getWindow: () => window,
      rendererUrl: RENDERER_URL,
    });
  });

  it('binds every request channel of the contract', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('passes parsed arguments from our top frame to the backend', async () => {
    const result = await electron.ipcMain.invoke(
      'run:events-since',
      eventFrom(window, { url: `${RENDERER_URL}#/runs`, parent: null }),
      'run-1',
      4,
    );

    expect(result).toEqual({ ok: true, value: 'run:events-since' });
    expect(fake.calls).toEqual([['run:events-since', 'run-1', 4]]);
  });

  it('refuses a sub-frame, another page and another window', async () => {
    const other = new electron.BrowserWindow({});
    const foreign = [
      eventFrom(window, { url: RENDERER_URL, parent: { url: RENDERER_URL } }),
      eventFrom(window, { url: 'https://evil.example.net/', parent: null }),
      eventFrom(window, { url: 'file:///tmp/other.html', parent: null }),
      eventFrom(other, { url: RENDERER_URL, parent: null }),
      { sender: { id: window.webContents.id }, senderFrame: null },
    ];
    for (const event of foreign) {
      const result = (await electron.ipcMain.invoke('profiles:list', event)) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('input.invalid');
      expect(result.error?.message).toContain('not the app');
    }
    expect(fake.calls).toEqual([]);
  });

  it('refuses malformed arguments, naming the argument', async () => {
    const event = eventFrom(window, { url: RENDERER_URL, parent: null });
    const badSeq = (await electron.ipcMain.invoke('run:events-since', event, 'run-1', -1)) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    const badDraft = (await electron.ipcMain.invoke('profiles:save', event, {
      name: 'x',
      server: 'sandbox',
      appKey: '',
      room: 'r',
    })) as { ok: boolean; error: { message: string } };
    const extra = (await electron.ipcMain.invoke('run:start', event, 'p1', 'surplus')) as {
      ok: boolean;
    };

    expect(badSeq.ok).toBe(false);
    expect(badSeq.error.code).toBe('input.invalid');
    expect(badSeq.error.message).toContain('`afterSeq`');
    expect(badDraft.error.message).toContain('`draft.appKey`');
    expect(extra.ok).toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it('queues pushes until the renderer is ready, then sends them to our window only', async () => {
    const other = new electron.BrowserWindow({});
    fake.push('app:menu', { action: 'open-log' });
    expect(window.webContents.sent).toEqual([]);

    await electron.ipcMain.invoke(
      'app:renderer-ready',
      eventFrom(window, { url: RENDERER_URL, parent: null }),
    );
    fake.push('app:menu', { action: 'export-run' });

    expect(window.webContents.sent.map((item) => item.payload)).toEqual([
      { action: 'open-log' },
      { action: 'export-run' },
    ]);
    expect(other.webContents.sent).toEqual([]);
  });
});
