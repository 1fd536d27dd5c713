import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { INVOKE_ARG_SCHEMAS, INVOKE_CHANNELS } from '../../../electron/contract';
import type { Backend } from '../../../electron/host/backend-types';

vi.mock('electron', () => import('../../support/electron'));

const electron = await import('../../support/electron');
const { createMainWindow } = await import('../../../electron/main/main-window');
const { registerIpc } = await import('../../../electron/main/register-ipc');

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RENDERER_URL = 'file:///opt/skylink/resources/app.asar/out/renderer/index.html';

/** Every `.ts`/`.svelte` file under a folder of the repository. */
function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|svelte)$/.test(name)) out.push(path);
    }
  };
  walk(join(ROOT, folder));

  return out;
}

/** The directives of a CSP string, by name. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') directives.set(name, sources);
  }

  return directives;
}

function rendererCsp(): Map<string, string[]> {
  const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (meta?.[1] === undefined) throw new Error('renderer/index.html has no CSP meta tag');

  return parseCsp(meta[1]);
}

describe('Electron security checklist', () => {
  describe('the window', () => {
    beforeEach(() => {
      electron.BrowserWindow.created.length = 0;
    });

    for (const isPackaged of [true, false]) {
      it(`isolates, sandboxes and strips Node from the renderer (packaged: ${isPackaged})`, () => {
        createMainWindow({
          rendererUrl: RENDERER_URL,
          preloadPath: '/app/preload.cjs',
          isPackaged,
          onReload: () => undefined,
        });
        const prefs = electron.BrowserWindow.created[0]?.options.webPreferences as Record<
          string,
          unknown
        >;

        expect(prefs).toMatchObject({
          preload: '/app/preload.cjs',
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          devTools: !isPackaged,
        });
        // Settings that weaken the page must not be present at all.
        for (const key of [
          'experimentalFeatures',
          'enableBlinkFeatures',
          'nodeIntegrationInWorker',
        ]) {
          expect(prefs[key] ?? false).toBe(false);
        }
      });
    }

    it('blocks navigation to anything but the renderer file, and denies every window.open', () => {
      const window = createMainWindow({
        rendererUrl: RENDERER_URL,
        preloadPath: '/p.cjs',
        isPackaged: true,
        onReload: () => undefined,
      });
      const tricky = [
        'https://evil.example/',
        'http://127.0.0.1:5173/',
        'javascript:alert(1)',
        'data:text/html,<script>1</script>',
        'file:///etc/passwd',
        'file:///opt/skylink/resources/app.asar/out/renderer/other.html',
        'file:///opt/skylink/resources/app.asar/out/renderer/index.html.evil',
        'devtools://devtools/bundled/inspector.html',
        'chrome://settings',
      ];
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...tricky), fc.webUrl()), (target) => {
          let isPrevented = false;
          window.webContents.emit(
            'will-navigate',
            { preventDefault: () => (isPrevented = true) },
            target,
          );

          expect(isPrevented, target).toBe(true);
          const contents = window.webContents as unknown as InstanceType<
            typeof electron.FakeWebContents
          >;
          expect(contents.windowOpenHandler?.({ url: target })).toEqual({ action: 'deny' });
        }),
        { numRuns: 200 },
      );
      let isPrevented = false;
      window.webContents.emit(
        'will-navigate',
        { preventDefault: () => (isPrevented = true) },
        `${RENDERER_URL}#/runs`,
      );
      expect(isPrevented).toBe(false);
    });
  });

  describe('the renderer CSP', () => {
    it('allows scripts from the app only: no remote origin, no eval, no inline script', () => {
      const csp = rendererCsp();
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];

      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(scripts).toEqual(["'self'"]);
      for (const sources of csp.values()) {
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain('*');
      }
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      // The page talks only to itself and the loopback web host.
      for (const source of csp.get('connect-src') ?? []) {
        expect(["'self'", 'ws://127.0.0.1:*']).toContain(source);
      }
    });

    it('keeps eval and remote code out of the main, preload and renderer sources', () => {
      const files = [
        ...sourceFiles('electron/main'),
        ...sourceFiles('electron/preload'),
        ...sourceFiles('renderer/src'),
      ];
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');

        expect(text, file).not.toMatch(/\beval\(|new Function\(/);
        expect(text, file).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false/);
        expect(text, file).not.toMatch(/webSecurity:\s*false|sandbox:\s*false/);
        expect(text, file).not.toMatch(/shell\.openExternal\(/);
        expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/);
      }
    });
  });

  describe('the IPC binding', () => {
    let calls: string[];
    let window: InstanceType<typeof electron.BrowserWindow>;

    beforeEach(() => {
      calls = [];
      electron.ipcMain.reset();
      window = new electron.BrowserWindow({});
      const handlers = Object.fromEntries(
        INVOKE_CHANNELS.map((channel) => [
          channel,
          () => {
            calls.push(channel);

            return Promise.resolve({ ok: true, value: null });
          },
        ]),
      );
      const backend: Backend = {
        handlers: handlers as unknown as Backend['handlers'],
        onPush: () => () => undefined,
        close: () => Promise.resolve(),
      };
      registerIpc({
        ipcMain: electron.ipcMain,
        backend,
        getWindow: () => window,
        rendererUrl: RENDERER_URL,
      });
    });

    it('registers a handler for every channel and nothing else', () => {
      expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    });

    it('checks the sender on every channel before the backend sees the call', async () => {
      for (const channel of INVOKE_CHANNELS) {
        const foreign = {
          sender: { id: window.webContents.id },
          senderFrame: { url: 'https://evil.example/', parent: null },
        };
        const answer = (await electron.ipcMain.invoke(channel, foreign)) as { ok: boolean };

        expect(answer.ok, channel).toBe(false);
      }
      expect(calls).toEqual([]);
    });

    it('validates the arguments of every channel before the backend sees the call', async () => {
      const trusted = {
        sender: { id: window.webContents.id },
        senderFrame: { url: RENDERER_URL, parent: null },
      };
      for (const channel of INVOKE_CHANNELS) {
        const schema = INVOKE_ARG_SCHEMAS[channel] as unknown as { def: { items: unknown[] } };
        const arity = schema.def.items.length;
        // One argument too many, and (where there are any) every argument of the wrong type.
        const tooMany = Array.from({ length: arity + 1 }, () => 'x');
        const wrongTypes = Array.from({ length: arity }, () => Symbol.for('not-cloneable'));
        for (const args of arity === 0 ? [tooMany] : [tooMany, wrongTypes]) {
          const answer = (await electron.ipcMain.invoke(channel, trusted, ...args)) as {
            ok: boolean;
            error: { code: string };
          };

          expect(answer, channel).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
        }
      }
      expect(calls).toEqual([]);
    });
  });

  describe('the preload', () => {
    it(
      'exposes one plain API object whose ' + 'functions reach only the contract channels',
      async () => {
        electron.contextBridge.exposed.clear();
        vi.resetModules();
        await import('../../../electron/preload/index');

        expect([...electron.contextBridge.exposed.keys()]).toEqual(['diagnostics']);
        const api = electron.contextBridge.exposed.get('diagnostics');
        const { ipcRenderer } = electron;
        const forbidden = new Set<unknown>([
          ipcRenderer,
          ...['invoke', 'on', 'emit', 'send', 'sendSync'].map(
            (name) => (ipcRenderer as unknown as Record<string, unknown>)[name],
          ),
        ]);
        forbidden.delete(undefined);
        const functions: ((...args: unknown[]) => unknown)[] = [];
        const walk = (value: unknown, depth: number): void => {
          expect(forbidden.has(value)).toBe(false);
          if (typeof value === 'function') functions.push(value as (...args: unknown[]) => unknown);
          else if (value !== null && typeof value === 'object' && depth < 5) {
            expect(value).not.toBeInstanceOf(electron.ipcRenderer.constructor);
            for (const item of Object.values(value)) walk(item, depth + 1);
          }
        };
        walk(api, 0);
        expect(functions.length).toBeGreaterThan(10);

        const before = electron.ipcRenderer.invoked.length;
        for (const fn of functions) {
          // A channel name passed by the page must not select the channel.
          const returned = fn('secrets:set', 'x', 'secret', 'v');
          expect(forbidden.has(returned)).toBe(false);
          if (typeof returned === 'function') (returned as () => void)();
        }
        const reached = electron.ipcRenderer.invoked.slice(before).map((call) => call.channel);
        for (const channel of reached) expect(INVOKE_CHANNELS).toContain(channel);
        const subscribed = electron.ipcRenderer.eventNames().map(String);
        expect(subscribed.every((name) => name.includes(':'))).toBe(true);
      },
    );
  });
});
